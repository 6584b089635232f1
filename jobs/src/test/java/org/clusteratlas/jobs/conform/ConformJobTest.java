package org.clusteratlas.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clusteratlas.jobs.conform.Frames.row;
import static org.clusteratlas.jobs.conform.Frames.with;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The stage on a tiny warehouse: every silver table written from hand-made bronze and link tables, run
 * twice with the same contents, key checks, missing inputs. R&D and program rows are checked here against
 * values worked out by hand.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformJobTest {
  @TempDir
  static Path tmp;

  static final String F1 = "1101110000001";
  static final String NTIS = "ntis/NTIS_과제정보_2021.csv";
  static final String PROGRAMS = "programs/family_선정기업_2021.csv";

  private Warehouse warehouse;
  private ConformJob.Result first;
  private Map<String, List<String>> firstContents;
  private Map<String, Long> firstVersions;

  private static void save(Warehouse w, TableContract t, Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").save(w.path(t));
  }

  static Map<String, Object> ntis(long rowNumber, String org, String role, String type, String sido, long gov) {
    return row("year", 2021, "project_id", "1711000001", "ministry", "산업통상자원부", "program", "소재부품기술개발",
        "org_name", org, "org_role", role, "org_type", type, "brn_status", "missing", "sido_code_raw", sido,
        "sido_code", sido, "gov_funding", new BigDecimal(gov), "private_funding", new BigDecimal(gov / 4),
        "total_funding", new BigDecimal(gov + gov / 4), "source_file", NTIS, "row_number", rowNumber,
        "load_id", "load-1");
  }

  static Map<String, Object> link(String source, String file, long rowNumber, String firm, String kind,
      String key, String method) {
    return row("source", source, "source_file", file, "row_number", rowNumber, "position", 1, "firm_id", firm,
        "org_kind", kind, "org_key", key, "method", method, "link_run_id", "link-1");
  }

  @BeforeAll
  void buildWarehouse(SparkSession spark) {
    warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());
    Map<String, Object> participant = ntis(2, "서울대학교 산학협력단", "participant", "대학", "11", 200_000_000L);
    save(warehouse, Bronze.NTIS, Frames.of(spark, Bronze.NTIS,
        ntis(1, "(주)한빛테크", "lead", "중소기업", "26", 800_000_000L),
        participant,
        with(participant, "row_number", 3L), // the same participation written twice
        ntis(4, "한국기계연구원", "participant", "출연연구소", "30", 100_000_000L)));
    save(warehouse, Bronze.PROGRAMS, Frames.of(spark, Bronze.PROGRAMS,
        row("program_id", "family", "seq", 1, "program_name", "가족기업", "selection_year", 2021,
            "firm_name", "한빛테크", "brn_status", "valid", "decode_repaired", false,
            "source_file", PROGRAMS, "row_number", 1L, "load_id", "load-1"),
        row("program_id", "family", "seq", 2, "program_name", "가족기업", "selection_year", 2021,
            "firm_name", "없는회사", "brn_status", "missing", "decode_repaired", false,
            "source_file", PROGRAMS, "row_number", 2L, "load_id", "load-1")));
    save(warehouse, Bronze.NPS, Frames.of(spark, Bronze.NPS,
        EstablishmentYearsTest.month("nps/a.csv", 1, "2021-01", "(주)한빛테크", "124810", 1, "26110", 10, 1, 0, 100),
        EstablishmentYearsTest.month("nps/b.csv", 1, "2021-02", "(주)한빛테크", "124810", 1, "26110", 12, 2, 0, 120)));
    save(warehouse, Bronze.FINANCIALS, Frames.of(spark, Bronze.FINANCIALS,
        row("crn", F1, "fiscal_year", 2021, "statement_type", "separate", "revenue", 5_000L, "employees", 12,
            "source_file", "financials/financials_2021.csv", "row_number", 1L, "load_id", "load-1")));
    save(warehouse, Bronze.KIPRIS, Frames.of(spark, Bronze.KIPRIS,
        row("application_number", "10-2021-0000001", "application_date", Date.valueOf("2021-05-03"),
            "application_year", 2021, "ipc", CollectionConverters.asScala(List.of("H01L 21/02")).toSeq(),
            "applicants", CollectionConverters.asScala(List.of(PatentsTest.applicant(1, "120210000001",
                "(주)한빛테크", "부산광역시 해운대구..."))).toSeq(),
            "inventor_addresses", CollectionConverters.asScala(List.of("부산광역시 해운대구...",
                "경상남도 김해시...")).toSeq(),
            "source_file", "kipris/KIPRIS_특허서지_2021.csv", "row_number", 1L, "load_id", "load-1")));
    save(warehouse, Silver.FIRM, Frames.of(spark, Silver.FIRM,
        row("firm_id", F1, "crn", F1, "name", "주식회사 한빛테크", "name_norm", "한빛테크", "ksic_division", "26",
            "founded", Date.valueOf("2015-01-01"), "region_code", "26350", "sido_code", "26")));
    save(warehouse, Silver.ENTITY_LINK, Frames.of(spark, Silver.ENTITY_LINK,
        link("ntis", NTIS, 1, F1, "firm", null, "model"),
        link("ntis", NTIS, 2, null, "university", "서울대학교산학협력단", "non_firm"),
        link("ntis", NTIS, 3, null, "university", "서울대학교산학협력단", "non_firm"),
        link("programs", PROGRAMS, 1, F1, "firm", null, "brn_exact"),
        link("nps", "nps/a.csv", 1, F1, "firm", null, "model"),
        link("nps", "nps/b.csv", 1, F1, "firm", null, "model"),
        link("kipris", "kipris/KIPRIS_특허서지_2021.csv", 1, F1, "firm", null, "applicant_code")));

    first = ConformJob.run(warehouse, "run-1");
    firstContents = contents();
    firstVersions = versions();
  }

  private Map<String, List<String>> contents() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (TableContract t : ConformJob.OUTPUTS) {
      List<String> rows = new ArrayList<>(warehouse.read(t).collectAsList().stream().map(Row::toString).toList());
      rows.sort(null);
      out.put(t.qualifiedName(), rows);
    }
    return out;
  }

  private Map<String, Long> versions() {
    Map<String, Long> out = new HashMap<>();
    ConformJob.OUTPUTS.forEach(t -> out.put(t.qualifiedName(), warehouse.version(t)));
    return out;
  }

  private Map<String, Row> rndByRow() {
    Map<String, Row> out = new HashMap<>();
    warehouse.read(Silver.RND_PARTICIPATION).collectAsList().forEach(r -> out.put(
        String.valueOf(r.<Long>getAs("row_number")), r));
    return out;
  }

  @Test
  void writesEveryTableWithItsContractSchema() {
    assertThat(first.rows()).containsEntry("silver.establishment_year", 1L).containsEntry("silver.firm_year", 1L)
        .containsEntry("silver.rnd_participation", 3L).containsEntry("silver.patent", 1L)
        .containsEntry("silver.patent_party", 3L).containsEntry("silver.program_participation", 2L);
    for (TableContract t : ConformJob.OUTPUTS) {
      // readers see every column as nullable; names, types and comments are the contract's
      StructField[] read = warehouse.read(t).schema().fields();
      StructField[] contract = t.schema().fields();
      assertThat(read).as(t.qualifiedName()).hasSameSizeAs(contract);
      for (int i = 0; i < contract.length; i++) {
        assertThat(read[i].name()).isEqualTo(contract[i].name());
        assertThat(read[i].dataType()).as(contract[i].name()).isEqualTo(contract[i].dataType());
        assertThat(read[i].getComment()).isEqualTo(contract[i].getComment());
      }
    }
    Row firmYear = warehouse.read(Silver.FIRM_YEAR).first();
    assertThat(firmYear.<Double>getAs("employment")).isEqualTo(11.0); // (10 + 12) / 2 months
    assertThat(firmYear.<Long>getAs("revenue")).isEqualTo(5_000L);
    assertThat(firmYear.<String>getAs("region_code")).isEqualTo("26110");
  }

  @Test
  void rndParticipationsAreDedupedAndCarryTheirLinks() {
    Map<String, Row> rnd = rndByRow();
    assertThat(rnd.keySet()).containsExactlyInAnyOrder("1", "2", "4");
    Row lead = rnd.get("1");
    assertThat(lead.<String>getAs("firm_id")).isEqualTo(F1);
    assertThat(lead.<String>getAs("org_kind")).isEqualTo("firm");
    assertThat(lead.<String>getAs("role")).isEqualTo("lead");
    assertThat(lead.<String>getAs("region_code")).isEqualTo("26350"); // the firm's head office
    assertThat(lead.<String>getAs("sido_code")).isEqualTo("26");
    assertThat(lead.<BigDecimal>getAs("total_funding")).isEqualByComparingTo("1000000000");
    Row university = rnd.get("2");
    assertThat(university.<String>getAs("org_kind")).isEqualTo("university");
    assertThat(university.<String>getAs("org_key")).isEqualTo("서울대학교산학협력단");
    assertThat(university.<String>getAs("region_code")).isNull();
    assertThat(university.<String>getAs("sido_code")).isEqualTo("11");
    // no link row: the kind comes from 연구수행주체
    assertThat(rnd.get("4").<String>getAs("org_kind")).isEqualTo("institute");
  }

  @Test
  void programEntriesTakeTheLinkedFirmsRegion() {
    Map<Long, Row> entries = new HashMap<>();
    warehouse.read(Silver.PROGRAM_PARTICIPATION).collectAsList().forEach(r -> entries.put(r.getAs("row_number"), r));
    assertThat(entries.get(1L).<String>getAs("firm_id")).isEqualTo(F1);
    assertThat(entries.get(1L).<String>getAs("region_code")).isEqualTo("26350");
    assertThat(entries.get(1L).<String>getAs("link_method")).isEqualTo("brn_exact");
    assertThat(entries.get(2L).<String>getAs("firm_id")).isNull();
    assertThat(entries.get(2L).<String>getAs("link_method")).isEqualTo("unlinked");
  }

  @Test
  void aSecondRunRewritesTheSameContentsAndRecordsAManifest() throws Exception {
    ConformJob.Result second = ConformJob.run(warehouse, "run-2");
    assertThat(second.rows()).isEqualTo(first.rows());
    assertThat(contents()).isEqualTo(firstContents);
    Map<String, Long> now = versions();
    firstVersions.forEach((t, v) -> assertThat(now.get(t)).as(t).isGreaterThan(v));
    String manifest = Files.readString(tmp.resolve("warehouse/_runs/run-2/conform.json"));
    assertThat(manifest).contains("\"stage\" : \"conform\"").contains("\"status\" : \"succeeded\"")
        .contains("silver.patent_party").contains("bronze.nps").contains("patent_party_sido_resolved_share");
    assertThat(second.coverage()).containsEntry("patent_party_sido_resolved_share", 1.0)
        .containsEntry("program_participation_linked_share", 0.5);
  }

  @Test
  void aRepeatedKeyFailsWithTheTableAndExamples(SparkSession spark) {
    Dataset<Row> twice = Frames.of(spark, Silver.PATENT,
        row("application_number", "10-2021-0000009", "application_year", 2021),
        row("application_number", "10-2021-0000009", "application_year", 2021),
        row("application_number", "10-2021-0000010", "application_year", 2021));
    assertThatThrownBy(() -> ConformJob.requireUniqueKey(twice, Silver.PATENT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("silver.patent: key (application_number) is not unique: 1 key value(s) repeat")
        .hasMessageContaining("10-2021-0000009");
    ConformJob.requireUniqueKey(twice.limit(0), Silver.PATENT); // no rows, no repeats
  }

  @Test
  void missingInputsAreAOneLineUserError() {
    Warehouse empty = new Warehouse(SharedSpark.session(), tmp.resolve("empty").toString());
    assertThatThrownBy(() -> ConformJob.run(empty, "run-x")).isInstanceOf(UserError.class)
        .hasMessageContaining("bronze.nps not found").hasMessageContaining("atlas ingest");
    assertThat(tmp.resolve("empty")).doesNotExist();

    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = Main.execute("conform", "--warehouse", tmp.resolve("empty").toString());
    } finally {
      System.setErr(old);
    }
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("atlas:")))
        .singleElement().satisfies(l -> assertThat(l).contains("run 'atlas ingest' first"));
  }
}
