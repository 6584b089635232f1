package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clusteratlas.jobs.clusters.TinyAtlas.A;
import static org.clusteratlas.jobs.clusters.TinyAtlas.B;
import static org.clusteratlas.jobs.clusters.TinyAtlas.C;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every metric of a few cells of {@link TinyAtlas}, against values worked out by hand in the comments. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterMetricsTest {
  private static final double EPS = 1e-9;
  private List<Row> rows;

  @BeforeAll
  void compute() {
    SparkSession spark = SharedSpark.session();
    rows = TinyAtlas.metrics(spark);
  }

  private Row cell(int year, String level, String region, String kind, String id) {
    return rows.stream().filter(r -> r.<Integer>getAs("year") == year && r.getAs("region_level").equals(level)
            && r.getAs("region_code").equals(region) && r.getAs("cluster_kind").equals(kind)
            && r.getAs("cluster_id").equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + year + level + region + kind + id));
  }

  private static double d(Row r, String column) {
    return ((Number) r.getAs(column)).doubleValue();
  }

  @Test
  void sizeAndSpecialisationOfElectronicsInA() {
    Row r = cell(2023, "sigungu", A, "ksic_division", "26");
    assertThat(r.<String>getAs("cluster_name")).isNotBlank();
    // A's division-26 workplaces in 2023: w1 40 + w7 20 = 60, two workplaces of two firms
    assertThat(d(r, "employment")).isEqualTo(60.0);
    assertThat(r.<Long>getAs("establishments")).isEqualTo(2L);
    assertThat(r.<Long>getAs("firms")).isEqualTo(2L);
    // revenue by head office: F1 1000 (F5 files none; F1's workplace in C does not move revenue)
    assertThat(r.<Long>getAs("revenue")).isEqualTo(1000L);
    // national division 26 = 60 + 10 + 10 = 80; A's total = 80; national total = 80 + 40 + 90 = 210
    assertThat(d(r, "employment_share_national")).isCloseTo(60.0 / 80, within(EPS));
    assertThat(d(r, "focus")).isCloseTo(60.0 / 80, within(EPS));
    assertThat(d(r, "lq")).isCloseTo(0.75 / (80.0 / 210), within(EPS)); // 1.96875
    assertThat(d(r, "lq")).isCloseTo(1.96875, within(EPS));
    // workplaces instead of persons: A holds 2 of its 3 workplaces in division 26, the country 4 of 7
    assertThat(d(r, "establishment_lq")).isCloseTo((2.0 / 3) / (4.0 / 7), within(EPS)); // 1.1667
    // employers F1 40 and F5 20 of 60: (2/3)² + (1/3)² = 5/9
    assertThat(d(r, "firm_hhi")).isCloseTo(5.0 / 9, within(EPS));
    assertThat(d(r, "largest_employer_share")).isCloseTo(40.0 / 60, within(EPS));
  }

  @Test
  void employerConcentration() {
    // Seoul's division 26 in 2023: F1 40, F5 20, F3 10 of 70 → (1600 + 400 + 100) / 4900
    assertThat(d(cell(2023, "sido", "11", "ksic_division", "26"), "firm_hhi")).isCloseTo(2100.0 / 4900, within(EPS));
    assertThat(d(cell(2023, "sido", "11", "ksic_division", "26"), "largest_employer_share"))
        .isCloseTo(40.0 / 70, within(EPS));
    // B's division 10 is one unlinked workplace: it is its own employer
    assertThat(d(cell(2023, "sigungu", B, "ksic_division", "10"), "firm_hhi")).isCloseTo(1.0, within(EPS));
    assertThat(d(cell(2023, "sigungu", B, "ksic_division", "10"), "largest_employer_share"))
        .isCloseTo(1.0, within(EPS));
    // Seoul's division 10 in 2020: F2 20 and the unlinked w4 20 count as two employers → 1/2
    assertThat(d(cell(2020, "sido", "11", "ksic_division", "10"), "firm_hhi")).isCloseTo(0.5, within(EPS));
    assertThat(d(cell(2020, "sido", "11", "ksic_division", "10"), "largest_employer_share"))
        .isCloseTo(0.5, within(EPS));
  }

  @Test
  void onlyTheYearsThePanelsCoverAreScored() {
    // F1, F2 and F4 were founded in 2005, 2012 and 2010: births there, but no workplace or revenue year
    assertThat(rows.stream().map(r -> r.<Integer>getAs("year")).distinct().sorted().toList())
        .containsExactly(2020, 2023);
  }

  @Test
  void lqAtSidoLevelPoolsTheSigungu() {
    Row r = cell(2023, "sido", "11", "ksic_division", "26");
    // sido 11 = A + B: division 26 = 60 + 10 = 70 of 80 + 40 = 120
    assertThat(d(r, "employment")).isEqualTo(70.0);
    assertThat(d(r, "lq")).isCloseTo((70.0 / 120) / (80.0 / 210), within(EPS)); // 1.53125
    Row b = cell(2023, "sigungu", B, "ksic_division", "26");
    assertThat(d(b, "lq")).isCloseTo((10.0 / 40) / (80.0 / 210), within(EPS)); // 0.65625
  }

  @Test
  void patentsAreFractionalByApplicantRegion() {
    Row r = cell(2023, "sigungu", A, "ksic_division", "26");
    // P1: F1 (A) 1/2; P3: F1 (A) 1/3 renormalised over the two located applicants → 1/2; total 1.0
    assertThat(d(r, "patent_applications")).isCloseTo(1.0, within(EPS));
    // only P1 was granted (2023): A's half
    assertThat(d(r, "patent_grants")).isCloseTo(0.5, within(EPS));
    // RTA: A holds 1.0 of its 1.0 applications in 26; nationally 26 holds 1.5 of 3 → (1/1)/(1.5/3) = 2
    assertThat(d(r, "patent_rta")).isCloseTo(2.0, within(EPS));
    assertThat(d(r, "patents_per_10k_employees")).isCloseTo(1.0 / 60 * 10_000, within(EPS));
    Row b = cell(2023, "sigungu", B, "ksic_division", "26");
    // B: F3's half of P1 in 26; B's total is 1.0 (the university's half of P3 counts for the region)
    assertThat(d(b, "patent_rta")).isCloseTo((0.5 / 1.0) / (1.5 / 3), within(EPS));
    Row sido = cell(2023, "sido", "11", "ksic_division", "26");
    // sido 11: P1 1.0 + P3 F1 0.5 = 1.5 of a regional 2.0; national 1.5 of 3 → 1.5
    assertThat(d(sido, "patent_rta")).isCloseTo((1.5 / 2.0) / (1.5 / 3), within(EPS));
  }

  @Test
  void rndInputsAndCollaboration() {
    Row r = cell(2023, "sigungu", A, "ksic_division", "26");
    // F1 in R1 (100 + 50) and R2 (20 + 0)
    assertThat(r.<BigDecimal>getAs("rnd_gov_funding")).isEqualByComparingTo("120");
    assertThat(r.<BigDecimal>getAs("rnd_private_funding")).isEqualByComparingTo("50");
    assertThat(r.<Long>getAs("rnd_projects")).isEqualTo(2L);
    assertThat(d(r, "rnd_funding_per_employee")).isCloseTo(170.0 / 60, within(EPS));
    // R1 has firm + university + institute, R2 only firms
    assertThat(d(r, "rnd_triple_helix_share")).isCloseTo(0.5, within(EPS));
    // partners u1, i1 (R1) and F3 (R2); only F3 has a sigungu, and it is B ≠ A
    assertThat(r.<Long>getAs("rnd_partner_orgs")).isEqualTo(3L);
    assertThat(d(r, "rnd_partner_outside_share")).isCloseTo(1.0, within(EPS));
    Row sido = cell(2023, "sido", "11", "ksic_division", "26");
    // sido 11 holds F1 and F3: funding 100+20+40 and 50+0+10; partners u1 (11) and i1 (26)
    assertThat(sido.<BigDecimal>getAs("rnd_gov_funding")).isEqualByComparingTo("160");
    assertThat(sido.<BigDecimal>getAs("rnd_private_funding")).isEqualByComparingTo("60");
    assertThat(sido.<Long>getAs("rnd_partner_orgs")).isEqualTo(2L);
    assertThat(d(sido, "rnd_partner_outside_share")).isCloseTo(0.5, within(EPS));
  }

  @Test
  void dynamicsAndShiftShare() {
    Row r = cell(2023, "sigungu", A, "ksic_division", "26");
    assertThat(d(r, "employment_cagr_3y")).isCloseTo(Math.cbrt(60.0 / 40) - 1, within(EPS));
    assertThat(d(r, "revenue_cagr_3y")).isCloseTo(Math.cbrt(1000.0 / 800) - 1, within(EPS));
    assertThat(r.<Long>getAs("hires")).isEqualTo(6L);
    assertThat(d(r, "hire_rate")).isCloseTo(0.1, within(EPS));
    assertThat(r.<Long>getAs("firm_births")).isEqualTo(1L); // F5, founded 2023 in A
    // e0 = 40, e1 = 60; national 220 → 210 (G = −1/22); division 26: 80 → 80 (g = 0); A's 26: g = 0.5
    double ns = 40 * (210.0 / 220 - 1);
    double im = 40 * (0 - (210.0 / 220 - 1));
    double rs = 40 * (0.5 - 0);
    assertThat(d(r, "employment_change_3y")).isCloseTo(20.0, within(EPS));
    assertThat(d(r, "shift_national_3y")).isCloseTo(ns, within(EPS));
    assertThat(d(r, "shift_industry_mix_3y")).isCloseTo(im, within(EPS));
    assertThat(d(r, "shift_competitive_3y")).isCloseTo(rs, within(EPS));
    assertThat(ns + im + rs).isCloseTo(20.0, within(EPS));
    // the first data year has no three-years-earlier
    assertThat(cell(2020, "sigungu", A, "ksic_division", "26").<Object>getAs("employment_cagr_3y")).isNull();
  }

  @Test
  void shiftShareComponentsSumToTheChangeEverywhere() {
    for (Row r : rows) {
      if (r.getAs("shift_national_3y") == null) {
        continue;
      }
      assertThat(d(r, "shift_national_3y") + d(r, "shift_industry_mix_3y") + d(r, "shift_competitive_3y"))
          .isCloseTo(d(r, "employment_change_3y"), within(1e-6));
    }
    // B's division 10 grew 20 → 30; division 10 nationally 140 → 130: mix = 20·(130/140 − 210/220)
    Row b = cell(2023, "sigungu", B, "ksic_division", "10");
    assertThat(d(b, "shift_industry_mix_3y")).isCloseTo(20 * ((130.0 / 140 - 1) - (210.0 / 220 - 1)), within(EPS));
    assertThat(d(b, "shift_competitive_3y")).isCloseTo(20 * ((30.0 / 20 - 1) - (130.0 / 140 - 1)), within(EPS));
  }

  @Test
  void customClustersMatchEachUnitOnce() {
    Row a = cell(2023, "sigungu", A, "custom", "chips");
    assertThat(a.<String>getAs("cluster_name")).isEqualTo("Chips");
    // w1 and w7 (KSIC 26110 matches 2611 and 26110: still once each); F3 (26120) is not a chips firm
    assertThat(d(a, "employment")).isEqualTo(60.0);
    // R1 through its 6T code (IT) and R2 through F1's KSIC
    assertThat(a.<BigDecimal>getAs("rnd_gov_funding")).isEqualByComparingTo("120");
    Row b = cell(2023, "sigungu", B, "custom", "chips");
    // B has no chips workplace, but P1 (F3) and P3 (the university) carry H01L: 0.5 + 0.5
    assertThat(d(b, "employment")).isEqualTo(0.0);
    assertThat(d(b, "patent_applications")).isCloseTo(1.0, within(EPS));
    Row food = cell(2023, "sigungu", C, "custom", "food");
    assertThat(d(food, "employment")).isEqualTo(80.0);
  }

  @Test
  void techFieldClustersSplitPatentsAcrossFields() {
    // P3 has fields 8 (H01L) and 11 (G01N 33): A's half splits 1/4 + 1/4; P1 gives A 1/2 in field 8
    assertThat(d(cell(2023, "sigungu", A, "tech_field", "8"), "patent_applications")).isCloseTo(0.75, within(EPS));
    assertThat(d(cell(2023, "sigungu", A, "tech_field", "11"), "patent_applications")).isCloseTo(0.25, within(EPS));
    Row tech = cell(2023, "sigungu", A, "tech_field", "8");
    assertThat(tech.<Object>getAs("employment")).isNull();
    assertThat(tech.<Object>getAs("lq")).isNull();
  }

  @Test
  void fractionalCountsSumToThePatentCount(SparkSession spark) {
    Dataset<Row> metrics = spark.createDataFrame(rows, GoldClusters.CLUSTER_METRICS.schema());
    for (String level : List.of("sido", "sigungu")) {
      double sum = metrics.filter(col("cluster_kind").equalTo("tech_field").and(col("region_level").equalTo(level)))
          .agg(org.apache.spark.sql.functions.sum("patent_applications")).first().getDouble(0);
      assertThat(sum).as(level).isCloseTo(3.0, within(EPS)); // P1, P2, P3 all have a located applicant
    }
  }
}
