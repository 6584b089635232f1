package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.cli.OutcomesCommand;
import org.clusteratlas.jobs.did.DidEstimator;
import org.clusteratlas.jobs.did.DidOptions;
import org.clusteratlas.jobs.did.DidPanel;
import org.clusteratlas.jobs.did.DidResult;
import org.clusteratlas.jobs.did.Estimate;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stage on a small silver world with a planted truth: better firms (higher fixed quality) win
 * grants, every firm grows with a common trend, and the grant adds the generator's effect schedule
 * (revenue +0.02 per year since the grant up to +0.10, employment +0.012 up to +0.06). A third of the firms
 * were founded the year before the panel starts and grow faster until 2019, and they win grants more often:
 * parallel trends hold only within founding years, so the stage's estimate (within founding-year strata)
 * must cover the planted value while the same estimate without strata credits the grant with the young
 * firms' growth, and the naive before/after figure also counts the common growth. A few firms are founded
 * in the panel's first year, whose accounts cover part of it. A region with too few treated firms must be
 * suppressed.
 */
class OutcomesJobTest {
  @TempDir
  static Path tmp;
  static Warehouse warehouse;
  static OutcomesCommand.Outcome outcome;
  static final double TREND_REVENUE = 0.05;
  /** Extra yearly growth of the young firms until 2019. */
  static final double YOUNG_GROWTH = 0.08;

  static double plantedRevenue(int e) {
    return e < 0 ? 0 : Math.min(0.02 * (e + 1), 0.10);
  }

  static double plantedEmployment(int e) {
    return e < 0 ? 0 : Math.min(0.012 * (e + 1), 0.06);
  }

  @BeforeAll
  static void runTheStage() throws IOException {
    SparkSession spark = SharedSpark.session();
    warehouse = new Warehouse(spark, tmp.resolve("wh").toString());
    Random rnd = new Random(42);
    List<Row> firmYears = new ArrayList<>();
    List<Row> grants = new ArrayList<>();
    List<Row> rosters = new ArrayList<>();
    List<Row> registry = new ArrayList<>();
    int firms = 406;
    for (int i = 0; i < firms; i++) {
      String id = String.format("F%04d", i);
      double quality = rnd.nextGaussian();
      String sido = i >= 400 ? "50" : i % 2 == 0 ? "11" : "26";
      String division = i % 3 == 0 ? "26" : "29";
      boolean young = i % 3 == 1;
      int founded = i % 50 == 7 ? 2014 : young ? 2013 : 1990 + i % 20;
      registry.add(RowFactory.create(id, id, java.sql.Date.valueOf(founded + "-07-01")));
      boolean treated = rnd.nextDouble() < 1 / (1 + Math.exp(-(1.5 * quality - 0.3 + (young ? 1.5 : -0.5))));
      int cohort = treated ? 2016 + rnd.nextInt(6) : 0;
      if (treated) {
        grants.add(RowFactory.create(id, cohort, "lead", i % 2 == 0 ? "MSIT" : "MOTIE", "P" + (i % 2)));
        grants.add(RowFactory.create(id, cohort + 1, "participant", "MSS", "P9"));
      }
      if (rnd.nextDouble() < 0.2) {
        rosters.add(RowFactory.create(id, "family_firm", 2016 + rnd.nextInt(6)));
      }
      for (int t = 2014; t <= 2021; t++) {
        int e = cohort == 0 ? -1 : t - cohort;
        double rampUp = young ? -YOUNG_GROWTH * Math.max(0, 2019 - t) : 0;
        double partYear = t == founded ? Math.log(0.5) : 0;
        double logRevenue = 20 + quality + TREND_REVENUE * (t - 2014) + rampUp + partYear + 0.05 * rnd.nextGaussian()
            + plantedRevenue(e);
        double logEmployment = 3 + 0.5 * quality + 0.03 * (t - 2014) + rampUp + 0.05 * rnd.nextGaussian()
            + plantedEmployment(e);
        double employment = Math.exp(logEmployment);
        firmYears.add(RowFactory.create(id, t, sido, sido + "110", division, employment, "nps",
            Math.round(0.15 * employment), Math.round(0.1 * employment), Math.round(Math.exp(logRevenue)),
            Math.round(employment * 3e6), 1));
      }
    }
    SilverFixture.write(warehouse, Silver.FIRM_YEAR, spark.createDataFrame(firmYears, new StructType()
        .add("firm_id", DataTypes.StringType).add("year", DataTypes.IntegerType).add("sido_code", DataTypes.StringType)
        .add("region_code", DataTypes.StringType).add("ksic_division", DataTypes.StringType)
        .add("employment", DataTypes.DoubleType).add("employment_source", DataTypes.StringType)
        .add("hires", DataTypes.LongType).add("leavers", DataTypes.LongType).add("revenue", DataTypes.LongType)
        .add("wage_bill", DataTypes.LongType).add("establishments", DataTypes.IntegerType)));
    SilverFixture.write(warehouse, Silver.FIRM, spark.createDataFrame(registry, new StructType()
        .add("firm_id", DataTypes.StringType).add("crn", DataTypes.StringType).add("founded", DataTypes.DateType)));
    SilverFixture.write(warehouse, Silver.RND_PARTICIPATION, spark.createDataFrame(grants, new StructType()
        .add("firm_id", DataTypes.StringType).add("year", DataTypes.IntegerType).add("role", DataTypes.StringType)
        .add("ministry", DataTypes.StringType).add("program", DataTypes.StringType)));
    SilverFixture.write(warehouse, Silver.PROGRAM_PARTICIPATION, spark.createDataFrame(rosters, new StructType()
        .add("firm_id", DataTypes.StringType).add("program_id", DataTypes.StringType)
        .add("selection_year", DataTypes.IntegerType)));
    Path truth = Files.createDirectories(tmp.resolve("truth"));
    StringBuilder csv = new StringBuilder("outcome,years_since_first_grant,effect_log_points\n");
    for (int e = 0; e <= 10; e++) {
      csv.append("log_revenue,").append(e).append(',').append(plantedRevenue(e)).append('\n');
      csv.append("log_employment,").append(e).append(',').append(plantedEmployment(e)).append('\n');
    }
    Files.writeString(truth.resolve("grant_effects.csv"), csv);
    outcome = OutcomesCommand.run(warehouse, new OutcomesJob.Settings(199, 5, 10,
        List.of("log_revenue", "log_employment"), List.of("region"), 0), tmp.toString(), "test-run");
  }

  @Test
  void theFirmPanelHasEveryFirmYearWithItsCohort() {
    Dataset<Row> panel = warehouse.read(GoldOutcomes.FIRM_OUTCOMES);
    assertThat(panel.count()).isEqualTo(406 * 8);
    assertThat(panel.filter(col("grant_treated")).filter(col("year").lt(col("first_grant_year"))).count()).isZero();
    // the founding year's accounts cover part of it: revenue kept, not an outcome
    List<Row> founding = panel.filter(col("year").equalTo(col("founded_year"))).collectAsList();
    assertThat(founding).hasSize(8).allSatisfy(r -> {
      assertThat((Object) r.getAs("log_revenue")).isNull();
      assertThat((Long) r.getAs("revenue")).isPositive();
    });
    assertThat(panel.filter(col("founded_year").equalTo(2013)).select("firm_id").distinct().count()).isEqualTo(132);
  }

  @Test
  void withoutFoundingYearStrataTheYoungFirmsGrowthIsCreditedToTheGrant() {
    DidResult stratified = outcome.result().grantEffects().get("log_revenue/never/varying");
    Dataset<Row> panel = FirmPanel.estimationPanel(warehouse.read(GoldOutcomes.FIRM_OUTCOMES), col("first_grant_year"),
        "log_revenue").drop(DidPanel.STRATUM);
    DidResult pooled = DidEstimator.estimate(panel, DidOptions.defaults().withBootstrap(0, 0), false);
    for (int e = 0; e <= 2; e++) {
      double truth = plantedRevenue(e);
      Estimate p = pooled.eventTime(e).orElseThrow();
      Estimate s = stratified.eventTime(e).orElseThrow();
      assertThat(p.ciLow()).as("pooled e=%d", e).isGreaterThan(truth);
      assertThat(Math.abs(s.att() - truth)).as("stratified e=%d", e).isLessThan(Math.abs(p.att() - truth) / 3);
    }
  }

  @Test
  void counterfactualCoversThePlantedEffectWhileTheNaiveFigureIsBiasedUp() {
    for (String y : List.of("log_revenue", "log_employment")) {
      DidResult cs = outcome.result().grantEffects().get(y + "/never/varying");
      List<Estimate> post = cs.of("dynamic").stream().filter(e -> !e.overall() && e.eventTime() >= 0).toList();
      assertThat(post).hasSize(6);
      for (Estimate e : post) {
        double truth = y.equals("log_revenue") ? plantedRevenue(e.eventTime()) : plantedEmployment(e.eventTime());
        assertThat(truth).as("%s e=%d", y, e.eventTime()).isBetween(e.ciLow(), e.ciHigh());
      }
      // the naive change since g−1 adds the common trend: (e+1) years of growth
      Row naiveE1 = outcome.result().naive().get(y).stream().filter(r -> !r.isNullAt(0) && r.getInt(0) == 1)
          .findFirst().orElseThrow();
      double truthE1 = y.equals("log_revenue") ? plantedRevenue(1) : plantedEmployment(1);
      double trend = y.equals("log_revenue") ? TREND_REVENUE : 0.03;
      assertThat(naiveE1.getDouble(2) - truthE1).as(y).isGreaterThan(1.5 * trend);
    }
    String shown = outcome.renderNaiveVsCounterfactual();
    assertThat(shown).contains("naive", "CS ATT", "planted", "in CI", "in band").doesNotContain(" NO");
  }

  @Test
  void programEffectsHoldEveryEstimatorAndSuppressSmallCells() {
    Dataset<Row> effects = warehouse.read(GoldOutcomes.PROGRAM_EFFECTS);
    List<String> kinds = effects.filter(col("program").equalTo("rnd_grant").and(col("breakdown").equalTo("all")))
        .select("estimator", "control_group", "base_period").distinct().collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2)).toList();
    assertThat(kinds).contains("naive_before_after/none/g-1", "matched_did/matched_notyet/g-1",
        "callaway_santanna/never/varying", "callaway_santanna/notyet/varying",
        "callaway_santanna/never/universal", "callaway_santanna/notyet/universal");
    List<String> regions = effects.filter(col("breakdown").equalTo("region")).select("region_code").distinct()
        .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    assertThat(regions).containsExactly("11", "26"); // region 50 has fewer than 10 treated firms
    assertThat(effects.filter(col("n_treated").lt(10)).count()).isZero();
    // quality gates gold keys: unique and non-null
    org.apache.spark.sql.Column[] keys = GoldOutcomes.PROGRAM_EFFECTS.keyColumns().stream()
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    assertThat(effects.groupBy(keys).count().filter(col("count").gt(1)).count()).isZero();
    assertThat(effects.filter(col("program").equalTo("roster:family_firm")).count()).isPositive();
    assertThat(Files.exists(tmp.resolve("wh/_runs/test-run/outcomes.json"))).isTrue();
  }
}
