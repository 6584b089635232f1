package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;
import org.clusteratlas.datasets.industry.NtsIndustry;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link job on hand-made bronze rows whose right answers are known by construction: exact BRN links
 * (including a branch BRN → its head office), sister firms that must stay apart (삼성전자 / 삼성전기), two
 * different firms with the same name in different regions, universities and individuals kept as
 * non-firms, KIPRIS applicant codes (Korean and English spellings), NPS workplaces, an incremental run
 * that leaves earlier decisions and firm ids alone, and review decisions that override the model.
 *
 * <p>The model parameters are fixed by hand (written to silver.link_model before the first run), so each
 * expected weight can be computed on paper; EM itself is tested in {@link FellegiSunterTest}. The prior is
 * one match among the 154 firms, log2(1/153) = −7.26; e.g. NTIS row 2 (삼성전기(주), sido 41, no BRN) against 삼성전기:
 * exact name, unique among firms: log2(0.85·154/0.1) = 10.35, same sido log2(0.45/0.15) = 1.58 → 4.67,
 * p = 0.96; against 삼성전자: jamo typo log2(0.08/0.004) = 4.32 + 1.58 − 7.26 = −1.36, far behind.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkJobTest {
  @TempDir
  static Path tmp;

  static final String A = "1301110006246"; // 삼성전자 (real CRN, research §5.2)
  static final String A_BRN = "1248100998";
  static final String A_BRANCH = Brn.withCheckDigit("124850123");
  static final String B = Crn.withCheckDigit("130111000700");
  static final String B_BRN = Brn.withCheckDigit("124810070");
  static final String C = Crn.withCheckDigit("160111012345");
  static final String C_BRN = Brn.withCheckDigit("314810123");
  static final String D = Crn.withCheckDigit("180111054321");
  static final String D_BRN = Brn.withCheckDigit("605810987");
  static final int FILLERS = 150;

  static final String NTIS_FILE = "ntis/NTIS_과제정보_2020.csv";
  static final String NTIS_FILE_2 = "ntis/NTIS_과제정보_2021.csv";
  static final String KIPRIS_FILE = "kipris/KIPRIS_특허서지_2020.csv";
  static final String NPS_JAN = "nps/국민연금공단_국민연금 가입 사업장 내역_20200120.csv";
  static final String NPS_FEB = "nps/국민연금공단_국민연금 가입 사업장 내역_20200220.csv";
  static final String NPS_MAR = "nps/국민연금공단_국민연금 가입 사업장 내역_20200320.csv";
  static final String PROGRAMS_FILE = "programs/P01_선정기업_2021.csv";

  private Warehouse warehouse;
  private Map<String, Row> firstRun;

  @BeforeAll
  void linkOnce() {
    SparkSession spark = SharedSpark.session();
    warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());
    registry().append(warehouse);
    ntis().append(warehouse);
    kipris().append(warehouse);
    nps(NPS_JAN, "2020-01-01").append(warehouse);
    nps(NPS_FEB, "2020-02-01").append(warehouse);
    new BronzeRows(Bronze.PROGRAMS).row("program_id", "P01", "selection_year", 2021, "firm_name", "한빛테크",
        "brn", D_BRN, "brn_raw", Brn.format(D_BRN), "brn_status", "valid", "location", "부산광역시 강서구",
        "source_file", PROGRAMS_FILE, "row_number", 1L).append(warehouse);
    handModel(spark);
    run("run-1", null);
    firstRun = links();
  }

  private LinkJob.Result run(String runId, Dataset<Row> decisions) {
    RunManifest manifest = new RunManifest(warehouse, runId, "link");
    LinkJob.Result r = new LinkJob(warehouse, LinkSettings.defaults(), false, decisions).run(manifest);
    manifest.finish("succeeded");
    return r;
  }

  private Map<String, Row> links() {
    Map<String, Row> out = new HashMap<>();
    for (Row r : warehouse.read(Silver.ENTITY_LINK).collectAsList()) {
      out.put(r.<String>getAs("source_file") + "#" + r.<Long>getAs("row_number") + "#" + r.<Integer>getAs("position"), r);
    }
    return out;
  }

  private static String firm(Map<String, Row> links, String file, long row, int position) {
    Row r = links.get(file + "#" + row + "#" + position);
    assertThat(r).as("entity_link row for %s#%d#%d", file, row, position).isNotNull();
    return r.getAs("firm_id");
  }

  private static String method(Map<String, Row> links, String file, long row, int position) {
    return links.get(file + "#" + row + "#" + position).getAs("method");
  }

  @Test
  @Order(1)
  void runLeavesNoScratchFrames() throws java.io.IOException {
    // the run kept its frames there (the folder exists) and deleted them all
    Path scratch = Path.of(warehouse.root(), "_scratch");
    assertThat(scratch).isDirectory();
    try (var left = java.nio.file.Files.list(scratch)) {
      assertThat(left).as("frames the link run kept").isEmpty();
    }
  }

  @Test
  @Order(1)
  void firmMasterHasOneRowPerCrnWithBranches() {
    Dataset<Row> firms = warehouse.read(Silver.FIRM);
    assertThat(firms.count()).isEqualTo(4 + FILLERS);
    Row a = firms.filter(col("firm_id").equalTo(A)).first();
    assertThat(a.<String>getAs("crn")).isEqualTo(A);
    assertThat(a.<String>getAs("hq_brn")).isEqualTo(A_BRN);
    assertThat(a.getList(a.fieldIndex("branch_brns"))).containsExactly(A_BRANCH);
    assertThat(a.<String>getAs("name_norm")).isEqualTo("삼성전자");
    assertThat(a.<String>getAs("legal_form")).isEqualTo("주식회사");
    assertThat(a.<String>getAs("sido_code")).isEqualTo("41");
  }

  @Test
  @Order(2)
  void ntisExactAndModelLinks() {
    assertThat(firm(firstRun, NTIS_FILE, 1, 1)).isEqualTo(A);
    assertThat(method(firstRun, NTIS_FILE, 1, 1)).isEqualTo("brn_exact");
    assertThat(firm(firstRun, NTIS_FILE, 6, 1)).as("branch BRN → head office CRN").isEqualTo(A);
    assertThat(firm(firstRun, NTIS_FILE, 2, 1)).as("삼성전기 must not land on 삼성전자").isEqualTo(B);
    assertThat(method(firstRun, NTIS_FILE, 2, 1)).isEqualTo("model");
    assertThat(firm(firstRun, NTIS_FILE, 3, 1)).as("broken check digit, same first nine digits").isEqualTo(A);
    Row r2 = firstRun.get(NTIS_FILE + "#2#1");
    assertThat(r2.<Double>getAs("match_probability")).isBetween(0.9, 1.0);
    assertThat(r2.<String>getAs("evidence")).contains("\"name\":{\"level\":\"exact\"").contains("\"prior\":-7.2");
  }

  @Test
  @Order(3)
  void nonFirmsAreKeptApart() {
    Row uni = firstRun.get(NTIS_FILE + "#4#1");
    assertThat(uni.<String>getAs("firm_id")).isNull();
    assertThat(uni.<String>getAs("org_kind")).isEqualTo("university");
    assertThat(uni.<String>getAs("org_key")).isEqualTo("서울대학교");
    assertThat(uni.<String>getAs("method")).isEqualTo("non_firm");
    Row kiprisUni = firstRun.get(KIPRIS_FILE + "#1#2");
    assertThat(kiprisUni.<String>getAs("org_kind")).isEqualTo("university");
    assertThat(kiprisUni.<String>getAs("org_key")).isEqualTo("220050001234");
    assertThat(firstRun.get(KIPRIS_FILE + "#3#1").<String>getAs("org_kind")).isEqualTo("individual");
    assertThat(firstRun.get(NPS_JAN + "#2#1").<String>getAs("org_kind")).isEqualTo("individual");
    assertThat(firstRun.get(NPS_JAN + "#2#1").<String>getAs("firm_id")).isNull();
  }

  @Test
  @Order(4)
  void applicantCodesAndWorkplacesLinkAsUnits() {
    assertThat(firm(firstRun, KIPRIS_FILE, 1, 1)).isEqualTo(A);
    assertThat(firm(firstRun, KIPRIS_FILE, 2, 1)).as("English spelling, same applicant code").isEqualTo(A);
    assertThat(firm(firstRun, KIPRIS_FILE, 4, 1)).isEqualTo(B);
    assertThat(firm(firstRun, NPS_JAN, 1, 1)).isEqualTo(C);
    assertThat(firm(firstRun, NPS_FEB, 1, 1)).isEqualTo(C);
    assertThat(firm(firstRun, PROGRAMS_FILE, 1, 1)).isEqualTo(D);
  }

  @Test
  @Order(5)
  void sameNameInAnotherRegionGoesToReview() {
    // 한빛테크 is the name of C (대전) and D (부산); an NTIS row from 서울 (sido 11) without a BRN fits both
    // equally: the same weight w each (odds o = 2^w), so each has o / (2·o + κ), κ the odds of "neither"
    // (LinkSettings), below one half; the pair is queued, not linked
    assertThat(firm(firstRun, NTIS_FILE, 5, 1)).isNull();
    List<Row> review = warehouse.read(Link.REVIEW).filter(col("source_file").equalTo(NTIS_FILE)
        .and(col("row_number").equalTo(5))).orderBy("rank").collectAsList();
    assertThat(review).hasSize(2);
    assertThat(review.get(0).<String>getAs("candidate_crn")).isEqualTo(C);
    assertThat(review.get(1).<String>getAs("candidate_crn")).isEqualTo(D);
    assertThat(review.get(0).<String>getAs("record_name")).isEqualTo("(주)한빛테크");
    assertThat(review.get(0).<String>getAs("candidate_name")).isEqualTo("주식회사 한빛테크");
    double w = review.get(0).<Double>getAs("match_weight");
    assertThat(review.get(1).<Double>getAs("match_weight")).isEqualTo(w);
    double odds = Math.pow(2, w);
    double kappa = LinkSettings.defaults().unlistedOdds();
    assertThat(review.get(0).<Double>getAs("match_probability")).isCloseTo(odds / (2 * odds + kappa), within(1e-9));
    assertThat(review.get(1).<Double>getAs("match_probability")).isCloseTo(odds / (2 * odds + kappa), within(1e-9));
  }

  @Test
  @Order(5)
  void sameNameLinksWhereTheOtherFirmIsElsewhere() {
    // the same name from 대전 (sido 30): C is there and D, the only other 한빛테크, is known to be in 부산.
    // Pairwise, C would stay below 0.9 (a name two firms carry); among the candidates it is the one
    assertThat(firm(firstRun, NTIS_FILE, 7, 1)).isEqualTo(C);
    assertThat(method(firstRun, NTIS_FILE, 7, 1)).isEqualTo("model");
  }

  @Test
  @Order(6)
  void incrementalRunLinksOnlyNewRecordsAndKeepsIds() {
    nps(NPS_MAR, "2020-03-01").append(warehouse);
    new BronzeRows(Bronze.NTIS).row("year", 2021, "project_id", "2100000001", "org_name", "삼성전자(주)",
        "org_role", "lead", "org_type", "대기업", "brn", A_BRN, "brn_raw", Brn.format(A_BRN), "brn_status", "valid",
        "sido_code", "41", "source_file", NTIS_FILE_2, "row_number", 1L).append(warehouse);
    List<String> firmsBefore = warehouse.read(Silver.FIRM).select("firm_id").orderBy("firm_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    LinkJob.Result second = run("run-2", null);
    Map<String, Row> now = links();
    assertThat(second.newRecords()).isEqualTo(3);
    assertThat(now).hasSize(firstRun.size() + 3);
    for (Map.Entry<String, Row> e : firstRun.entrySet()) {
      assertThat(now.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(firm(now, NPS_MAR, 1, 1)).isEqualTo(C);
    assertThat(now.get(NPS_MAR + "#1#1").<String>getAs("link_run_id")).isEqualTo("run-2");
    assertThat(firm(now, NTIS_FILE_2, 1, 1)).isEqualTo(A);
    assertThat(warehouse.read(Silver.FIRM).select("firm_id").orderBy("firm_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList()).isEqualTo(firmsBefore);
  }

  @Test
  @Order(7)
  void reviewDecisionsOverrideTheModel() {
    SparkSession spark = warehouse.spark();
    String unit5 = "ntis:" + NTIS_FILE + ":5";
    String unit2 = "ntis:" + NTIS_FILE + ":2";
    Dataset<Row> decisions = spark.createDataFrame(List.of(
        RowFactory.create("ntis", unit5, C, "accept"),
        RowFactory.create("ntis", unit2, B, "reject")), ReviewDecisions.SCHEMA);
    run("run-3", decisions);
    Map<String, Row> now = links();
    assertThat(firm(now, NTIS_FILE, 5, 1)).isEqualTo(C);
    assertThat(method(now, NTIS_FILE, 5, 1)).isEqualTo("review");
    assertThat(firm(now, NTIS_FILE, 2, 1)).isNotEqualTo(B);
    assertThat(firm(now, NTIS_FILE, 1, 1)).isEqualTo(A);
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  private static BronzeRows registry() {
    BronzeRows r = new BronzeRows(Bronze.REGISTRY);
    long row = 1;
    r.row("crn", A, "brn", A_BRN, "brn_raw", Brn.format(A_BRN), "brn_status", "valid", "place_type", "HQ",
        "name", "삼성전자 주식회사", "name_en", "SAMSUNG ELECTRONICS CO., LTD.", "ksic", "26410", "ksic_division", "26",
        "address", "경기도 수원시 영통구 삼성로", "legal_dong_code", "4111710300", "region_code", "41117",
        "source_file", "registry/registry_20251231.csv", "row_number", row++);
    r.row("crn", A, "brn", A_BRANCH, "brn_raw", Brn.format(A_BRANCH), "brn_status", "valid", "place_type", "BRANCH",
        "name", "삼성전자 주식회사", "ksic", "26410", "ksic_division", "26", "address", "서울특별시 강남구 테헤란로",
        "legal_dong_code", "1168010100", "region_code", "11680", "source_file", "registry/registry_20251231.csv",
        "row_number", row++);
    r.row("crn", B, "brn", B_BRN, "brn_raw", Brn.format(B_BRN), "brn_status", "valid", "place_type", "HQ",
        "name", "삼성전기 주식회사", "ksic", "26290", "ksic_division", "26", "address", "경기도 수원시 영통구 매영로",
        "legal_dong_code", "4111710400", "region_code", "41117", "source_file", "registry/registry_20251231.csv",
        "row_number", row++);
    r.row("crn", C, "brn", C_BRN, "brn_raw", Brn.format(C_BRN), "brn_status", "valid", "place_type", "HQ",
        "name", "주식회사 한빛테크", "ksic", "26120", "ksic_division", "26", "address", "대전광역시 유성구 대학로",
        "legal_dong_code", "3020012500", "region_code", "30200", "source_file", "registry/registry_20251231.csv",
        "row_number", row++);
    r.row("crn", D, "brn", D_BRN, "brn_raw", Brn.format(D_BRN), "brn_status", "valid", "place_type", "HQ",
        "name", "한빛테크 주식회사", "ksic", "29120", "ksic_division", "29", "address", "부산광역시 강서구 녹산산단로",
        "legal_dong_code", "2644010600", "region_code", "26440", "source_file", "registry/registry_20251231.csv",
        "row_number", row++);
    String syllables = "가나다라마바사아자차카타파하";
    for (int i = 0; i < FILLERS; i++) {
      String crn = Crn.withCheckDigit("110111" + String.format("%06d", 200_000 + i));
      String brn = Brn.withCheckDigit(String.format("%03d", 700 + i % 200) + "81" + String.format("%04d", i));
      String name = "주식회사 " + syllables.charAt(i % 14) + syllables.charAt(i / 14 % 14) + "물산" + (i / 196);
      r.row("crn", crn, "brn", brn, "brn_raw", Brn.format(brn), "brn_status", "valid", "place_type", "HQ",
          "name", name, "ksic", "46100", "ksic_division", "46", "address", "서울특별시 종로구 세종대로",
          "legal_dong_code", "1111010100", "region_code", "11110", "source_file", "registry/registry_20251231.csv",
          "row_number", row++);
    }
    return r;
  }

  private static BronzeRows ntis() {
    BronzeRows r = new BronzeRows(Bronze.NTIS);
    Object[][] rows = {
        {"(주)삼성전자", "대기업", A_BRN, Brn.format(A_BRN), "valid", "41"},
        {"삼성전기(주)", "대기업", null, null, "missing", "41"},
        {"삼성전자주식회사", "대기업", null, "124-81-00997", "invalid_checksum", "41"},
        {"서울대학교 산학협력단", "대학", Brn.withCheckDigit("119820027"),
            Brn.format(Brn.withCheckDigit("119820027")), "valid", "11"},
        {"(주)한빛테크", "중소기업", null, null, "missing", "11"},
        {"삼성전자(주)", "대기업", A_BRANCH, Brn.format(A_BRANCH), "valid", "11"},
        {"(주)한빛테크", "중소기업", null, null, "missing", "30"}};
    long row = 1;
    for (Object[] v : rows) {
      r.row("year", 2020, "project_id", "20000000" + String.format("%02d", row), "org_name", v[0], "org_role", "lead",
          "org_type", v[1], "brn", v[2], "brn_raw", v[3], "brn_status", v[4], "sido_code", v[5],
          "gov_funding", BigDecimal.ONE, "source_file", NTIS_FILE, "row_number", row++);
    }
    return r;
  }

  private static BronzeRows kipris() {
    BronzeRows r = new BronzeRows(Bronze.KIPRIS);
    List<List<Row>> applicants = List.of(
        List.of(BronzeRows.applicant(1, "119981042713", "삼성전자주식회사", "경기도 수원시 영통구..."),
            BronzeRows.applicant(2, "220050001234", "서울대학교산학협력단", "서울특별시 관악구...")),
        List.of(BronzeRows.applicant(1, "119981042713", "SAMSUNG ELECTRONICS CO., LTD.", "경기도 수원시 영통구...")),
        List.of(BronzeRows.applicant(1, "420100012345", "홍길동", "서울특별시 종로구...")),
        List.of(BronzeRows.applicant(1, "119990000017", "삼성전기주식회사", "경기도 수원시 영통구...")));
    long row = 1;
    for (List<Row> a : applicants) {
      r.row("application_number", "10-2020-000000" + row, "application_date", Date.valueOf("2020-03-02"),
          "application_year", 2020, "applicants", new ArrayList<>(a), "source_file", KIPRIS_FILE, "row_number", row++);
    }
    return r;
  }

  private static BronzeRows nps(String file, String month) {
    String nts = NtsIndustry.load().ntsCodesFor("26").get(0);
    return new BronzeRows(Bronze.NPS)
        .row("data_month", Date.valueOf(month), "workplace_name", "(주)한빛테크", "brn_prefix", C_BRN.substring(0, 6),
            "status", 1, "legal_dong_code", "3020012500", "region_code_raw", "30200", "region_code", "30200",
            "business_form", 1, "nts_industry_code", nts, "members", 12, "layout", "NPS_CURRENT",
            "source_file", file, "row_number", 1L)
        .row("data_month", Date.valueOf(month), "workplace_name", "홍길동치과의원", "brn_prefix", "210010",
            "status", 1, "legal_dong_code", "1111010100", "region_code_raw", "11110", "region_code", "11110",
            "business_form", 2, "members", 11, "layout", "NPS_CURRENT", "source_file", file, "row_number", 2L);
  }

  /** Hand-set m and u (same for every slice), so the weights in the class comment can be checked on paper. */
  private static void handModel(SparkSession spark) {
    double[][] m = {{0.01, 0.02, 0.04, 0.08, 0.85}, {0.05, 0.15, 0.80}, {0.05, 0.45, 0.25, 0.25}, {0.2, 0.8},
        {0.3, 0.7}};
    double[][] u = {{0.90, 0.08, 0.015, 0.004, 0.001}, {0.99, 0.009, 0.001}, {0.8, 0.15, 0.04, 0.01}, {0.9, 0.1},
        {0.3, 0.7}};
    FellegiSunter fs = new FellegiSunter(PairScoring.COMPARISONS);
    // prior: one match among the 154 firms; the random-pair exact-name share equals u(exact)
    LinkJob.SliceModel hand = new LinkJob.SliceModel(new FellegiSunter.Params(1.0 / (4 + FILLERS), m, u), 0.001);
    List<Row> rows = new ArrayList<>();
    for (String slice : LinkJob.MODEL_SOURCES) {
      rows.addAll(LinkJob.modelRows(fs, slice, hand, "hand"));
    }
    spark.createDataFrame(rows, Link.MODEL.schema()).write().format("delta").mode("overwrite")
        .save(new Warehouse(spark, tmp.resolve("warehouse").toString()).path(Link.MODEL));
  }
}
