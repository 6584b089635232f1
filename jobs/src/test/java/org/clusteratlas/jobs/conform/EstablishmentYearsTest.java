package org.clusteratlas.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusteratlas.jobs.conform.Frames.row;
import static org.clusteratlas.jobs.conform.Frames.with;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hand-made NPS months whose yearly figures are worked out by hand below each row group. The
 * expected values come from the arithmetic in the comments and from the reference crosswalk file
 * (nts_ksic.csv: 552101 → 56 exact, 29xxxx → 29 by the 2-digit row), not from the code.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstablishmentYearsTest {
  static final String FILE_2021 = "nps/2021.csv";
  static final String FILE_2023 = "nps/2023.csv";
  static final String FIRM = "1101110000001";

  private Map<String, Row> byKeyYear;
  private Dataset<Row> result;

  static Map<String, Object> month(String file, long rowNumber, String month, String name, String prefix,
      int status, String region, int members, int hires, int leavers, long billed) {
    return row("data_month", Date.valueOf(month + "-01"), "workplace_name", name, "brn_prefix", prefix,
        "status", status, "region_code_raw", region, "region_code", region, "business_form", 1,
        "nts_industry_code", "292201", "members", members, "new_members", hires, "lost_members", leavers,
        "billed_amount", billed, "decode_repaired", false, "layout", "NPS_CURRENT",
        "source_file", file, "row_number", rowNumber, "load_id", "load-1");
  }

  static Map<String, Object> link(String file, long rowNumber, String firmId) {
    return row("source", "nps", "source_file", file, "row_number", rowNumber, "position", 1, "firm_id", firmId,
        "org_kind", firmId == null ? "other" : "firm", "method", firmId == null ? "unlinked" : "brn_exact",
        "link_run_id", "link-1");
  }

  @BeforeAll
  void build(SparkSession spark) {
    Map<String, Object> feb = month(FILE_2021, 2, "2021-02", "(주)한빛테크", "124810", 1, "11110", 12, 2, 0, 120);
    Dataset<Row> nps = Frames.of(spark, Bronze.NPS,
        // workplace A, 2021: 10, 12, 14, 8 members in four registered months → mean 44 / 4 = 11.0;
        // moves from 11110 (종로구) to 11140 (중구) in March: the year's region is 11140;
        // February is written twice (rows 2 and 3): hires 10 + 2 + 2 + 0 = 14, wage bill 100+120+140+80 = 440
        month(FILE_2021, 1, "2021-01", "(주)한빛테크", "124810", 1, "11110", 10, 10, 0, 100),
        feb,
        with(feb, "row_number", 3L),
        month(FILE_2021, 4, "2021-03", "(주)한빛테크", "124810", 1, "11140", 14, 2, 0, 140),
        month(FILE_2021, 5, "2021-04", "한빛테크 주식회사", "124810", 1, "11140", 8, 0, 6, 80),
        // workplace A, 2022: one registered month (8), then withdrawn with its 8 leavers
        month("nps/2022.csv", 1, "2022-01", "(주) 한빛테크", "124810", 1, "11140", 8, 0, 0, 80),
        month("nps/2022.csv", 2, "2022-02", "(주)한빛테크", "124810", 2, "11140", 0, 0, 8, 0),
        // two restaurants with one owner's prefix and name, in two cities at the same time: two workplaces
        with(month(FILE_2021, 6, "2021-01", "한빛식당", "215905", 1, "26110", 20, 0, 0, 200),
            "business_form", 2, "nts_industry_code", "552101"),
        with(month(FILE_2021, 7, "2021-01", "한빛식당", "215905", 1, "27110", 30, 0, 0, 300),
            "business_form", 2, "nts_industry_code", "552101"),
        with(month(FILE_2021, 8, "2021-02", "한빛식당", "215905", 1, "27110", 34, 4, 0, 340),
            "business_form", 2, "nts_industry_code", "552101"),
        // workplace D, 2023: March's name is misspelt (대상 for 대성) in a month D is otherwise missing:
        // one workplace, 5 months, (6 + 6 + 9 + 6 + 6) / 5 = 6.6
        month(FILE_2023, 1, "2023-01", "(주)대성정밀", "130811", 1, "11110", 6, 0, 0, 60),
        month(FILE_2023, 2, "2023-02", "(주)대성정밀", "130811", 1, "11110", 6, 0, 0, 60),
        month(FILE_2023, 3, "2023-03", "(주)대상정밀", "130811", 1, "11110", 9, 3, 0, 90),
        month(FILE_2023, 4, "2023-04", "(주)대성정밀", "130811", 1, "11110", 6, 0, 3, 60),
        month(FILE_2023, 5, "2023-05", "(주)대성정밀", "130811", 1, "11110", 6, 0, 0, 60),
        // a namesake one letter away in a month D reports itself is another workplace
        month(FILE_2023, 6, "2023-02", "(주)대성정말", "130811", 1, "11110", 4, 0, 0, 40));
    Dataset<Row> links = Frames.of(spark, Silver.ENTITY_LINK,
        link(FILE_2021, 1, FIRM), link(FILE_2021, 2, FIRM), link(FILE_2021, 3, FIRM), link(FILE_2021, 4, FIRM),
        // April's row is linked to another firm: the year goes to the firm most months link to
        link(FILE_2021, 5, "1101110000999"),
        link("nps/2022.csv", 1, FIRM), link("nps/2022.csv", 2, FIRM),
        link(FILE_2021, 6, null), link(FILE_2021, 7, null), link(FILE_2021, 8, null));
    Dataset<Row> firms = Frames.of(spark, Silver.FIRM,
        row("firm_id", FIRM, "crn", FIRM, "name", "주식회사 한빛테크", "ksic_division", "26"));
    result = EstablishmentYears.build(nps, links, firms, NtsCrosswalk.forNps(nps), Dataset::localCheckpoint);
    byKeyYear = new HashMap<>();
    for (Row r : result.collectAsList()) {
      byKeyYear.put(r.getAs("workplace_key") + "@" + r.getAs("year"), r);
    }
  }

  @Test
  void schemaIsTheContract() {
    assertThat(result.schema().fieldNames()).containsExactly(Silver.ESTABLISHMENT_YEAR.schema().fieldNames());
  }

  @Test
  void annualMeanHeadcountOverRegisteredMonths() {
    Row a = byKeyYear.get("124810|한빛테크|11110@2021");
    assertThat(a).as("one key for all spellings, first-seen region").isNotNull();
    assertThat(a.<Double>getAs("employment")).isEqualTo(11.0);
    assertThat(a.<Integer>getAs("months_reported")).isEqualTo(4);
    Row a22 = byKeyYear.get("124810|한빛테크|11110@2022");
    assertThat(a22.<Double>getAs("employment")).isEqualTo(8.0);
    assertThat(a22.<Integer>getAs("months_reported")).isEqualTo(1);
    assertThat(a22.<Long>getAs("leavers")).isEqualTo(8L);
  }

  @Test
  void duplicateRowsCountOnce() {
    Row a = byKeyYear.get("124810|한빛테크|11110@2021");
    assertThat(a.<Long>getAs("hires")).isEqualTo(14L);
    assertThat(a.<Long>getAs("leavers")).isEqualTo(6L);
    assertThat(a.<Long>getAs("wage_bill")).isEqualTo(440L);
  }

  @Test
  void aWorkplaceMovingMidYearTakesTheLastMonthsRegion() {
    Row a = byKeyYear.get("124810|한빛테크|11110@2021");
    assertThat(a.<String>getAs("region_code")).isEqualTo("11140");
    assertThat(a.<String>getAs("sido_code")).isEqualTo("11");
  }

  @Test
  void firmIsTheMajorityLinkAndGivesTheIndustry() {
    Row a = byKeyYear.get("124810|한빛테크|11110@2021");
    assertThat(a.<String>getAs("firm_id")).isEqualTo(FIRM);
    assertThat(a.<String>getAs("ksic_division")).isEqualTo("26");
  }

  @Test
  void concurrentNamesakesAreSeparateWorkplacesWithNtsIndustry() {
    Row busan = byKeyYear.get("215905|한빛식당|26110@2021");
    Row daegu = byKeyYear.get("215905|한빛식당|27110@2021");
    assertThat(busan.<Double>getAs("employment")).isEqualTo(20.0);
    assertThat(daegu.<Double>getAs("employment")).isEqualTo(32.0);
    assertThat(daegu.<Integer>getAs("months_reported")).isEqualTo(2);
    assertThat(daegu.<String>getAs("firm_id")).isNull();
    assertThat(daegu.<Integer>getAs("business_form")).isEqualTo(2);
    assertThat(daegu.<String>getAs("ksic_division")).isEqualTo("56");
    assertThat(result.count()).isEqualTo(6);
  }

  @Test
  void aMonthWithAMisspeltNameStaysWithItsWorkplace() {
    Row d = byKeyYear.get("130811|대성정밀|11110@2023");
    assertThat(d.<Integer>getAs("months_reported")).isEqualTo(5);
    assertThat(d.<Double>getAs("employment")).isEqualTo(6.6);
    assertThat(d.<Long>getAs("hires")).isEqualTo(3L);
    assertThat(byKeyYear).doesNotContainKey("130811|대상정밀|11110@2023");
    Row namesake = byKeyYear.get("130811|대성정말|11110@2023");
    assertThat(namesake.<Double>getAs("employment")).isEqualTo(4.0);
  }

  @Test
  void rowsDifferingOnlyInAColumnTheYearDoesNotUseAreStillTwoRows(SparkSession spark) {
    // the build carries addresses only as a hash: two rows alike but for the address are two workplaces
    // (added up), while the exact copy of one of them still counts once
    Map<String, Object> first = with(month(FILE_2021, 1, "2021-01", "세진상사", "301811", 1, "11110", 5, 0, 0, 50),
        "jibun_address", "서울특별시 종로구 청진동 1");
    Dataset<Row> nps = Frames.of(spark, Bronze.NPS, first, with(first, "row_number", 2L),
        with(with(first, "row_number", 3L), "jibun_address", "서울특별시 종로구 청진동 2"));
    Row r = EstablishmentYears.build(nps, Frames.of(spark, Silver.ENTITY_LINK), Frames.of(spark, Silver.FIRM),
        NtsCrosswalk.forNps(nps), Dataset::localCheckpoint).first();
    assertThat(r.<Double>getAs("employment")).isEqualTo(10.0);
    assertThat(r.<Long>getAs("wage_bill")).isEqualTo(100L);
  }

  @Test
  void unlinkedWorkplaceFallsBackToTheTwoDigitNtsRow(SparkSession spark) {
    Dataset<Row> nps = Frames.of(spark, Bronze.NPS,
        month(FILE_2021, 1, "2021-05", "우성기전(주)", "126811", 1, "41610", 5, 0, 0, 50));
    Row r = EstablishmentYears.build(nps, Frames.of(spark, Silver.ENTITY_LINK), Frames.of(spark, Silver.FIRM),
        NtsCrosswalk.forNps(nps), Dataset::localCheckpoint).first();
    assertThat(r.<String>getAs("ksic_division")).isEqualTo("29");
    assertThat(r.<String>getAs("nts_industry_code")).isEqualTo("292201");
    assertThat(r.<String>getAs("workplace_key")).isEqualTo("126811|우성기전|41610");
  }
}
