package org.clusteratlas.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusteratlas.jobs.conform.Frames.row;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.region.AddressRegions;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.jdk.javaapi.CollectionConverters;

/** Applications and parties from three hand-made KIPRIS rows, one of them listed twice. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatentsTest {
  static final String F2021 = "kipris/KIPRIS_특허서지_2021.csv";
  static final String F2022 = "kipris/KIPRIS_특허서지_2022.csv";
  static final String SAMSUNG = "1301110006246";

  private Map<String, Row> patents;
  private Map<String, Row> parties;
  private List<Row> partyRows;

  static Row applicant(int position, String code, String name, String address) {
    return RowFactory.create(position, code, name, address);
  }

  static Map<String, Object> application(String number, String file, long rowNumber, List<Row> applicants,
      List<String> inventors, String registrationNumber) {
    return row("application_number", number, "application_date", Date.valueOf("2021-03-02"), "application_year", 2021,
        "title", "반도체 소자", "ipc", CollectionConverters.asScala(List.of("H01L 21/02", "G06F 3/041")).toSeq(),
        "applicants", CollectionConverters.asScala(applicants).toSeq(), "inventor_count", inventors.size(),
        "inventor_addresses", CollectionConverters.asScala(inventors).toSeq(),
        "registration_number", registrationNumber,
        "registration_date", registrationNumber == null ? null : Date.valueOf("2022-11-01"),
        "legal_status", registrationNumber == null ? "공개" : "등록",
        "source_file", file, "row_number", rowNumber, "load_id", "load-1");
  }

  static Map<String, Object> link(String file, long rowNumber, int position, String firmId, String kind, String key) {
    return row("source", "kipris", "source_file", file, "row_number", rowNumber, "position", position,
        "firm_id", firmId, "org_kind", kind, "org_key", key, "method", firmId == null ? "non_firm" : "applicant_code",
        "link_run_id", "link-1");
  }

  @BeforeAll
  void build(SparkSession spark) {
    List<Row> three = List.of(applicant(1, "119981042713", "삼성전자주식회사", "경기도 수원시 영통구..."),
        applicant(2, "220050123456", "한국과학기술원", "대전광역시 유성구..."),
        applicant(3, "419987090404", "홍길동", "강원도 춘천시..."));
    Dataset<Row> kipris = Frames.of(spark, Bronze.KIPRIS,
        // A: three applicants, four inventors → shares 1/3 and 1/4
        application("10-2021-0000001", F2021, 1, three,
            List.of("경기도 수원시 영통구...", "서울특별시 성북구...", "강원도 춘천시...", "미국 캘리포니아주..."), null),
        // B listed twice: the granted record in the later file is kept (rows 2 of 2021 vs 5 of 2022)
        application("10-2021-0000002", F2021, 2, List.of(applicant(1, "119981042713", "삼성전자주식회사",
            "경기도 수원시 영통구...")), List.of("광주광역시 북구..."), null),
        application("10-2021-0000002", F2022, 5, List.of(applicant(1, "119981042713", "삼성전자주식회사",
            "경기도 수원시 영통구...")), List.of("광주광역시 북구...", "전라북도 전주시 완산구..."), "10-2345678-0000"),
        // C: exact duplicate rows in one file: the first row is kept
        application("10-2021-0000003", F2021, 3, List.of(applicant(1, null, "홍길동", null)), List.of(), null),
        application("10-2021-0000003", F2021, 4, List.of(applicant(1, null, "홍길동", null)), List.of(), null));
    Dataset<Row> links = Frames.of(spark, Silver.ENTITY_LINK,
        link(F2021, 1, 1, SAMSUNG, "firm", null),
        link(F2021, 1, 2, null, "university", "한국과학기술원"),
        link(F2021, 1, 3, null, "individual", "홍길동"),
        link(F2021, 2, 1, "1101110000999", "firm", null), // the row that is not kept: must not be used
        link(F2022, 5, 1, SAMSUNG, "firm", null),
        link(F2021, 3, 1, null, "individual", "홍길동"));
    Dataset<Row> latest = Patents.latest(kipris);
    Dataset<Row> apps = Patents.applications(latest);
    Dataset<Row> ps = Patents.parties(latest, links, AddressRegions.lookup(spark));
    assertThat(apps.schema().fieldNames()).containsExactly(Silver.PATENT.schema().fieldNames());
    assertThat(ps.schema().fieldNames()).containsExactly(Silver.PATENT_PARTY.schema().fieldNames());
    patents = new HashMap<>();
    apps.collectAsList().forEach(r -> patents.put(r.getAs("application_number"), r));
    partyRows = ps.collectAsList();
    parties = new HashMap<>();
    partyRows.forEach(r -> parties.put(r.getAs("application_number") + "/" + r.getAs("role") + "/"
        + r.getAs("position"), r));
  }

  @Test
  void oneRowPerApplicationPreferringTheGrantedRecord() {
    assertThat(patents).hasSize(3);
    Row b = patents.get("10-2021-0000002");
    assertThat(b.<Boolean>getAs("registered")).isTrue();
    assertThat(b.<Integer>getAs("registration_year")).isEqualTo(2022);
    assertThat(b.<Integer>getAs("inventor_count")).isEqualTo(2);
    Row a = patents.get("10-2021-0000001");
    assertThat(a.<Boolean>getAs("registered")).isFalse();
    assertThat(a.<String>getAs("ipc_main")).isEqualTo("H01L 21/02");
    assertThat(a.<Integer>getAs("applicant_count")).isEqualTo(3);
    assertThat(a.<Integer>getAs("inventor_count")).isEqualTo(4);
  }

  @Test
  void fractionalSharesSumToOnePerApplicationAndRole() {
    Map<String, Double> sums = new HashMap<>();
    for (Row r : partyRows) {
      sums.merge(r.getAs("application_number") + "/" + r.getAs("role"), r.<Double>getAs("share"), Double::sum);
    }
    // C has no inventor listed, so it has no inventor parties
    assertThat(sums.keySet()).containsExactlyInAnyOrder("10-2021-0000001/applicant", "10-2021-0000001/inventor",
        "10-2021-0000002/applicant", "10-2021-0000002/inventor", "10-2021-0000003/applicant");
    sums.values().forEach(s -> assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12)));
    assertThat(parties.get("10-2021-0000001/applicant/2").<Double>getAs("share")).isEqualTo(1.0 / 3);
    assertThat(parties.get("10-2021-0000001/inventor/4").<Double>getAs("share")).isEqualTo(0.25);
    assertThat(partyRows).hasSize(3 + 4 + 1 + 2 + 1);
  }

  @Test
  void applicantsCarryTheirLinkOfTheKeptRow() {
    Row samsung = parties.get("10-2021-0000002/applicant/1");
    assertThat(samsung.<String>getAs("firm_id")).isEqualTo(SAMSUNG);
    assertThat(samsung.<String>getAs("org_kind")).isEqualTo("firm");
    assertThat(samsung.<String>getAs("org_key")).isEqualTo("119981042713");
    Row kaist = parties.get("10-2021-0000001/applicant/2");
    assertThat(kaist.<String>getAs("firm_id")).isNull();
    assertThat(kaist.<String>getAs("org_kind")).isEqualTo("university");
    Row person = parties.get("10-2021-0000003/applicant/1");
    assertThat(person.<String>getAs("org_kind")).isEqualTo("individual");
    assertThat(person.<String>getAs("org_key")).isEqualTo("홍길동"); // no applicant code: the link's name key
  }

  @Test
  void partyRegionsComeFromTheirAddresses() {
    assertThat(parties.get("10-2021-0000001/applicant/1").<String>getAs("region_code")).isEqualTo("41117");
    assertThat(parties.get("10-2021-0000001/applicant/2").<String>getAs("region_code")).isEqualTo("30200");
    Row gangwon = parties.get("10-2021-0000001/inventor/3");
    assertThat(gangwon.<String>getAs("region_code")).isEqualTo("51110");
    assertThat(gangwon.<String>getAs("sido_code")).isEqualTo("51");
    assertThat(gangwon.<String>getAs("org_kind")).isEqualTo("individual");
    Row foreign = parties.get("10-2021-0000001/inventor/4");
    assertThat(foreign.<String>getAs("region_code")).isNull();
    assertThat(foreign.<String>getAs("sido_code")).isNull();
    assertThat(parties.get("10-2021-0000002/inventor/2").<String>getAs("region_code")).isEqualTo("52111");
  }
}
