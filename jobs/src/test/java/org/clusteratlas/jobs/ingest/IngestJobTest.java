package org.clusteratlas.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusteratlas.jobs.ingest.RawFixture.csv;
import static org.clusteratlas.jobs.ingest.RawFixture.npsRow;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;
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
 * Ingest on hand-made files with one planted defect per row, so every expected outcome is known
 * without running the generator: which rows load, which go to quarantine and why, what gets
 * harmonised, and that a second run changes nothing.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
  @TempDir
  static Path tmp;

  private RawFixture raw;
  private Warehouse warehouse;
  private IngestJob.Result first;
  /** Session settings the read changes while it materialises, as they were before the ingest. */
  private static final List<String> READ_SETTINGS =
      List.of("spark.sql.codegen.hugeMethodLimit", "spark.sql.inMemoryColumnarStorage.compressed");
  private List<String> settingsBefore;

  private static final String NPS_2019 = "nps/국민연금공단_국민연금 가입 사업장 내역_20190420.csv";
  private static final String NPS_2020 = "nps/국민연금공단_국민연금 가입 사업장 내역_20200620.csv";
  /** Posted as a ZIP, as the NPS site does for some months. */
  private static final String NPS_2026 = "nps/국민연금공단_국민연금 가입 사업장 내역_20260720.zip";
  private static final String NPS_BAD_HEADER = "nps/국민연금공단_국민연금 가입 사업장 내역_20210120.csv";
  private static final String NTIS = "ntis/NTIS_과제정보_2020.csv";

  @BeforeAll
  void ingestFixture() throws Exception {
    SparkSession spark = SharedSpark.session();
    raw = new RawFixture(tmp.resolve("raw"));
    warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());

    String[] ok = npsRow("201904", "(주)한빛테크", "11", "140");
    String[] truncated = java.util.Arrays.copyOf(ok, 10);
    String[] badDate = ok.clone();
    badDate[15] = "20191345";
    String[] badNumber = ok.clone();
    badNumber[18] = "12a";
    String[] negative = ok.clone();
    negative[20] = "-3";
    String[] gangwon = npsRow("201904", "강원정밀(주)", "42", "110");
    String[] numberNull = ok.clone();
    numberNull[16] = "10101";
    numberNull[1] = "한빛테크 주식회사";
    // row 9 carries bytes that are not CP949 inside the name: written separately below
    List<String> lines2019 = List.of(csv(ok), csv(ok), csv(truncated), csv(badDate), csv(badNumber),
        csv(negative), csv(gangwon), csv(numberNull));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write((Layouts.NPS_2019.headerLine() + "\r\n").getBytes(Layouts.CP949));
    for (String l : lines2019) {
      bytes.write((l + "\r\n").getBytes(Layouts.CP949));
    }
    String[] broken = ok.clone();
    broken[1] = "깨진@이름";
    byte[] brokenLine = csv(broken).getBytes(Layouts.CP949);
    for (int i = 0; i < brokenLine.length; i++) {
      if (brokenLine[i] == '@') {
        brokenLine[i] = (byte) 0xFF; // 0xFF is never a CP949 byte
      }
    }
    bytes.write(brokenLine);
    bytes.write("\r\n".getBytes(Layouts.CP949));
    raw.writeBytes(RawSource.NPS, NPS_2019.substring(4), bytes.toByteArray());

    String[] status3 = npsRow("202006", "미래소프트", "41", "135");
    status3[3] = "3";
    raw.write(RawSource.NPS, NPS_2020.substring(4), Layouts.NPS_2020,
        List.of(csv(npsRow("202006", "\"따옴표\"상사,지점", "41", "135")), csv(status3)));

    String[] merged = npsRow("2026-07", "빛고을전자", "12", "210");
    String[] oldGwangju = npsRow("2026-07", "빛고을전자 제2공장", "29", "110");
    for (String[] r : List.of(merged, oldGwangju)) {
      r[15] = "2015-01-01";
      r[16] = "";
      r[17] = "";
    }
    raw.writeZip(RawSource.NPS, NPS_2026.substring(4), "국민연금공단_국민연금 가입 사업장 내역_20260720.csv",
        Layouts.NPS_CURRENT, List.of(csv(merged), csv(oldGwangju)));
    raw.writeBytes(RawSource.NPS, NPS_BAD_HEADER.substring(4),
        "사업장,인원\r\n한빛,3\r\n".getBytes(Layouts.CP949));

    raw.write(RawSource.NTIS, NTIS.substring(5), Layouts.NTIS, List.of(
        ntis("124-81-00998", "42", "100000000.000"),
        ntis("", "11", "5000000.000"),
        ntis("124-81-00997", "11", "5000000.000"),
        ntis("124-81-00998", "11", "-5000000.000")));

    raw.write(RawSource.REGISTRY, "registry_20251231.csv", Layouts.REGISTRY, List.of(
        csv("130111-0006246", "124-81-00998", "본점", "삼성전자 주식회사", "SAMSUNG ELECTRONICS CO., LTD.",
            "홍길동", "19690113", "대기업", "26410", "경기도 수원시 영통구 삼성로", "4111713200", ""),
        csv("130111-0006247", "124-81-00998", "본점", "틀린번호(주)", "", "", "20000101", "중소기업", "26410",
            "경기도 수원시 영통구 삼성로", "4111713200", "")));

    raw.write(RawSource.FINANCIALS, "financials_2020.csv", Layouts.FINANCIALS, List.of(
        csv("1301110006246", "2020", "별도", "1,234,000", "(5,000)", "9,999,000", "12"),
        csv("1301110006246", "2020", "연결", "(5,000)", "1", "2", "3"),
        csv("1301110006246", "2020", "별도", "12a4", "1", "2", "3")));

    raw.write(RawSource.KIPRIS, "KIPRIS_특허서지_2020.csv", Layouts.KIPRIS, List.of(
        csv("10-2020-0000001", "2020.03.02", "반도체 소자", "H01L 21/02|G06F 3/041", "119981042713|220050001234",
            "삼성전자주식회사|서울대학교산학협력단", "경기도 수원시 영통구...|서울특별시 관악구...", "2",
            "경기도 화성시...|서울특별시 관악구...", "", "", "", "", "공개"),
        csv("10-2020-0000002", "2020.03.02", "x", "H01L 21/02", "119981042713",
            "삼성전자주식회사|엘지전자 주식회사", "", "1", "", "", "", "", "", "공개")));

    raw.write(RawSource.PROGRAMS, "family_firm_선정기업_2020.csv", Layouts.PROGRAMS, List.of(
        csv("1", "지역 가족기업 육성사업", "2020", "(주)한빛테크", "124-81-00998", "홍길동", "울산광역시 남구", "제조업")));

    settingsBefore = READ_SETTINGS.stream().map(k -> spark.conf().get(k)).toList();
    first = run();
  }

  private static String ntis(String brn, String sido, String gov) {
    return csv("2020", "1315001941", "차세대 소자", "과학기술정보통신부", "원천기술개발", "내역", "한국연구재단",
        "(주)한빛테크", "주관", "중소기업", brn, "서울특별시", sido, gov, "0.000", "100000000.000", "개발연구",
        "EE", "EE08", "01", "20200301", "20201231");
  }

  private IngestJob.Result run() {
    RunManifest manifest = new RunManifest(warehouse, "test-" + System.nanoTime(), "ingest");
    IngestJob.Result r = new IngestJob(warehouse, raw.root().toString(), RegionVintage.current()).run(manifest);
    manifest.finish("succeeded");
    return r;
  }

  private Map<Long, String> reasons(String file) {
    Map<Long, String> out = new HashMap<>();
    for (Row r : warehouse.read(Bronze.QUARANTINE).where("source_file = '" + file + "'").collectAsList()) {
      out.put(r.getAs("row_number"), r.getAs("reason"));
    }
    return out;
  }

  @Test
  void everyReadFileIsAccountedFor() {
    for (Row r : warehouse.read(Bronze.LOADS).where("status = 'loaded'").collectAsList()) {
      long read = r.getAs("rows_read");
      assertThat(read).as(r.<String>getAs("source_file"))
          .isEqualTo(r.<Long>getAs("rows_loaded") + r.<Long>getAs("rows_quarantined"));
      assertThat(r.<String>getAs("sha256")).hasSize(64);
    }
    assertThat(first.rowsRead()).isEqualTo(first.rowsLoaded() + first.rowsQuarantined());
    assertThat(first.rowsRead()).isEqualTo(9 + 2 + 2 + 4 + 2 + 3 + 2 + 1);
  }

  @Test
  void theReadLeavesTheSessionSettingsAsItFoundThem() {
    assertThat(READ_SETTINGS.stream().map(k -> SharedSpark.session().conf().get(k)).toList())
        .isEqualTo(settingsBefore);
  }

  @Test
  void plantedDefectsLandInQuarantineWithTheirReason() {
    assertThat(reasons(NPS_2019)).containsExactlyInAnyOrderEntriesOf(Map.of(
        2L, "duplicate_row", 3L, "truncated_line", 4L, "bad_date", 5L, "bad_number", 6L, "negative_amount"));
    assertThat(reasons(NPS_2020)).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "bad_code"));
    assertThat(reasons(NTIS)).containsExactlyInAnyOrderEntriesOf(Map.of(4L, "negative_amount"));
    assertThat(reasons("registry/registry_20251231.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "bad_identifier"));
    assertThat(reasons("financials/financials_2020.csv"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(2L, "negative_amount", 3L, "bad_number"));
    assertThat(reasons("kipris/KIPRIS_특허서지_2020.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "bad_code"));
    Row q = warehouse.read(Bronze.QUARANTINE).where("reason = 'bad_date'").first();
    assertThat(q.<String>getAs("detail")).contains("적용일자").contains("20191345");
    assertThat(q.<String>getAs("raw_line")).startsWith("201904,(주)한빛테크,124810");
  }

  @Test
  void unreadableFileFailsAloneWithItsNameAndReason() {
    assertThat(first.failed()).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(NPS_BAD_HEADER);
      assertThat(f.message()).contains("unknown header");
    });
    Row ledger = warehouse.read(Bronze.LOADS).where("status = 'failed'").first();
    assertThat(ledger.<String>getAs("source_file")).isEqualTo(NPS_BAD_HEADER);
    assertThat(warehouse.read(Bronze.NPS).where("source_file = '" + NPS_BAD_HEADER + "'").count()).isZero();
  }

  @Test
  void npsHeaderVariantsAndCp949AreRead() {
    Map<String, String> layouts = new HashMap<>();
    for (Row r : warehouse.read(Bronze.LOADS).where("source = 'nps' AND status = 'loaded'").collectAsList()) {
      layouts.put(r.getAs("source_file"), r.getAs("layout"));
    }
    assertThat(layouts).containsEntry(NPS_2019, "nps-2019").containsEntry(NPS_2020, "nps-2020")
        .containsEntry(NPS_2026, "nps-2022");
    Row quoted = warehouse.read(Bronze.NPS).where("source_file = '" + NPS_2020 + "' AND row_number = 1").first();
    assertThat(quoted.<String>getAs("workplace_name")).isEqualTo("\"따옴표\"상사,지점");
    Row repaired = warehouse.read(Bronze.NPS).where("source_file = '" + NPS_2019 + "' AND row_number = 9").first();
    assertThat(repaired.<Boolean>getAs("decode_repaired")).isTrue();
    assertThat(repaired.<String>getAs("workplace_name")).isEqualTo("깨진이름");
    Row nullDate = warehouse.read(Bronze.NPS).where("source_file = '" + NPS_2019 + "' AND row_number = 8").first();
    assertThat((Object) nullDate.getAs("reregistered_date")).isNull();
    assertThat(nullDate.<java.sql.Date>getAs("data_month").toString()).isEqualTo("2019-04-01");
  }

  @Test
  void regionCodesAreHarmonisedToTheCurrentVintage() {
    Map<String, String> byName = new HashMap<>();
    for (Row r : warehouse.read(Bronze.NPS).collectAsList()) {
      byName.put(r.getAs("workplace_name"), r.getAs("region_code_raw") + "->" + r.getAs("region_code"));
    }
    assertThat(byName).containsEntry("강원정밀(주)", "42110->51110")
        .containsEntry("빛고을전자", "12210->12210")
        .containsEntry("빛고을전자 제2공장", "29110->12210")
        .containsEntry("(주)한빛테크", "11140->11140");
    Row gangwonProject = warehouse.read(Bronze.NTIS).where("sido_code_raw = '42'").first();
    assertThat(gangwonProject.<String>getAs("sido_code")).isEqualTo("51");
  }

  @Test
  void brnProblemsAreKeptButNotTrusted() {
    Map<Long, String> status = new HashMap<>();
    for (Row r : warehouse.read(Bronze.NTIS).collectAsList()) {
      status.put(r.getAs("row_number"), r.getAs("brn_status") + ":" + r.getAs("brn"));
    }
    assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
        1L, "valid:1248100998", 2L, "missing:null", 3L, "invalid_checksum:null"));
  }

  @Test
  void kiprisApplicantsKeepTheirPositions() {
    Row p = warehouse.read(Bronze.KIPRIS).first();
    List<Row> applicants = p.getList(p.fieldIndex("applicants"));
    assertThat(applicants).hasSize(2);
    assertThat(applicants.get(1).<Integer>getAs("position")).isEqualTo(2);
    assertThat(applicants.get(1).<String>getAs("name")).isEqualTo("서울대학교산학협력단");
    assertThat(applicants.get(1).<String>getAs("code")).isEqualTo("220050001234");
    assertThat(p.<java.sql.Date>getAs("application_date").toString()).isEqualTo("2020-03-02");
    assertThat(p.getList(p.fieldIndex("ipc"))).containsExactly("H01L 21/02", "G06F 3/041");
  }

  @Test
  @Order(Integer.MAX_VALUE) // runs last: changes the NTIS file the other tests read
  void rerunIsIdempotentAndAChangedFileReplacesItsRows() throws Exception {
    Map<TableContract, Long> versions = new HashMap<>();
    Map<TableContract, List<String>> contents = new HashMap<>();
    for (TableContract t : Bronze.ALL) {
      versions.put(t, warehouse.version(t));
      if (t != Bronze.LOADS) {
        contents.put(t, warehouse.read(t).toJSON().collectAsList().stream().sorted().toList());
      }
    }
    IngestJob.Result again = run();
    assertThat(again.skipped()).isEqualTo(8);
    for (TableContract t : Bronze.ALL) {
      if (t == Bronze.LOADS) {
        continue; // the failed file is retried and its ledger row rewritten
      }
      assertThat(warehouse.version(t)).as(t.qualifiedName()).isEqualTo(versions.get(t));
      assertThat(warehouse.read(t).toJSON().collectAsList().stream().sorted().toList())
          .as(t.qualifiedName()).isEqualTo(contents.get(t));
    }

    // a corrected NTIS file: the negative row removed, one new row added
    raw.write(RawSource.NTIS, NTIS.substring(5), Layouts.NTIS, List.of(
        ntis("124-81-00998", "42", "100000000.000"), ntis("", "11", "5000000.000"),
        ntis("124-81-00997", "11", "5000000.000"), ntis("120-81-47521", "11", "7000000.000"),
        ntis("220-81-62517", "11", "7000000.000")));
    Files.setLastModifiedTime(raw.root().resolve(NTIS), java.nio.file.attribute.FileTime.fromMillis(0));
    IngestJob.Result third = run();
    assertThat(third.files()).filteredOn(f -> f.status().equals("loaded")).singleElement()
        .satisfies(f -> assertThat(f.file()).isEqualTo(NTIS));
    assertThat(warehouse.read(Bronze.NTIS).count()).isEqualTo(5);
    assertThat(reasons(NTIS)).isEmpty();
    assertThat(warehouse.read(Bronze.NPS).toJSON().collectAsList().stream().sorted().toList())
        .isEqualTo(contents.get(Bronze.NPS));
  }
}
