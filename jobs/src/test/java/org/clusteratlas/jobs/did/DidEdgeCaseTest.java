package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tiny panels whose answers are worked out by hand (means of first differences, population variances), and
 * the edge cases of R {@code did}'s pre-processing: cohorts treated in the first period, no never-treated
 * units, single-unit cohorts, missing years and malformed input.
 *
 * <p>Base panel, periods 1–3: cohort 2 = A(1,3,4), B(2,2,6); cohort 3 = C(0,1,5) (a single-unit cohort);
 * never treated = D(1,2,2), E(3,3,5), F(0,0,1), G(2,4,4), H(1,1,1).
 */
@ExtendWith(SharedSpark.class)
class DidEdgeCaseTest {
  private static final DidOptions ANALYTIC = DidOptions.defaults().withBootstrap(0, 0);

  private static List<Row> base() {
    List<Row> rows = new ArrayList<>();
    unit(rows, "A", 2, 1, 3, 4);
    unit(rows, "B", 2, 2, 2, 6);
    unit(rows, "C", 3, 0, 1, 5);
    unit(rows, "D", 0, 1, 2, 2);
    unit(rows, "E", 0, 3, 3, 5);
    unit(rows, "F", 0, 0, 0, 1);
    unit(rows, "G", 0, 2, 4, 4);
    unit(rows, "H", 0, 1, 1, 1);
    return rows;
  }

  private static void unit(List<Row> rows, String id, int cohort, double... y) {
    for (int t = 0; t < y.length; t++) {
      rows.add(RowFactory.create(id, t + 1, cohort, y[t], null));
    }
  }

  private static Dataset<Row> df(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, Mpdta.schema());
  }

  private static double att(DidResult r, int g, int t) {
    return r.cell(g, t).orElseThrow().att();
  }

  @Test
  void neverTreatedControlsGiveTheHandComputedCellsAndAggregations(SparkSession spark) {
    DidResult r = DidEstimator.estimate(df(spark, base()), ANALYTIC, false);
    // never-treated mean first differences: 2−1 → 0.6, 3−1 → 1.2, 3−2 → 0.6
    assertThat(att(r, 2, 2)).isCloseTo(1.0 - 0.6, within(1e-12));
    assertThat(att(r, 2, 3)).isCloseTo(3.5 - 1.2, within(1e-12));
    assertThat(att(r, 3, 2)).isCloseTo(1.0 - 0.6, within(1e-12)); // pre cell, varying base 1
    assertThat(att(r, 3, 3)).isCloseTo(4.0 - 0.6, within(1e-12)); // single-unit cohort
    // SE(2,2) = sqrt(var{2,0}/2 + var{1,0,0,2,0}/5) = sqrt(0.5 + 0.128)
    assertThat(r.cell(2, 2).orElseThrow().se()).isCloseTo(Math.sqrt(0.628), within(1e-12));
    // the single unit has no variance of its own: SE(3,3) = sqrt(var{0,2,1,0,0}/5)
    assertThat(r.cell(3, 3).orElseThrow().se()).isCloseTo(Math.sqrt(0.128), within(1e-12));

    // P(G=2) = 2/8, P(G=3) = 1/8
    assertThat(r.overall("simple").orElseThrow().att()).isCloseTo((0.4 * 2 + 2.3 * 2 + 3.4) / 5, within(1e-12));
    assertThat(r.overall("group").orElseThrow().att()).isCloseTo((1.35 * 2 + 3.4) / 3, within(1e-12));
    assertThat(r.eventTime(0).orElseThrow().att()).isCloseTo((0.4 * 2 + 3.4) / 3, within(1e-12));
    assertThat(r.eventTime(1).orElseThrow().att()).isCloseTo(2.3, within(1e-12));
    assertThat(r.eventTime(-1).orElseThrow().att()).isCloseTo(0.4, within(1e-12));
    assertThat(r.overall("dynamic").orElseThrow().att()).isCloseTo((1.4 + 2.3) / 2, within(1e-12));
    assertThat(r.overall("calendar").orElseThrow().att()).isCloseTo((0.4 + 8.0 / 3) / 2, within(1e-12));
  }

  @Test
  void theEarlyPreTestLeavesOutTheYearBeforeTreatment(SparkSession spark) {
    // cohort 4 gains in year 3 only, the year before treatment (a firm picked after a good year)
    List<Row> rows = new ArrayList<>();
    unit(rows, "T1", 4, 0, 1, 4, 4);
    unit(rows, "T2", 4, 0, -1, 0, 0);
    unit(rows, "C1", 0, 0, 1, 1, 1);
    unit(rows, "C2", 0, 0, -1, -1, -1);
    unit(rows, "C3", 0, 0, 1, 2, 2);
    unit(rows, "C4", 0, 0, -1, -2, -2);
    unit(rows, "C5", 0, 0, 0, 0, 0);
    DidResult r = DidEstimator.estimate(df(spark, rows), ANALYTIC, false);
    assertThat(att(r, 4, 2)).isCloseTo(0, within(1e-12));
    assertThat(att(r, 4, 3)).isCloseTo(2, within(1e-12));
    // V = [[1/2 + 0.8/5, 1/2 + 0.4/5], [·, 1/2 + 0.4/5]] (population (co)variances of the first differences
    // over 2 treated and 5 controls), θ = (0, 2): W = 4·V₁₁/det V = 2.64/0.0464, χ²(2) p = e^(−W/2)
    double w = 2.64 / 0.0464;
    assertThat(r.preTest().df()).isEqualTo(2);
    assertThat(r.preTest().statistic()).isCloseTo(w, within(1e-9));
    assertThat(r.preTest().pValue()).isCloseTo(Math.exp(-w / 2), within(1e-15));
    // the sup-t test before e = −1 needs bootstrap draws
    assertThat(r.earlyPreTest()).isNull();
    DidOptions boot = DidOptions.defaults().withBootstrap(199, 5);
    DidResult b = DidEstimator.estimate(df(spark, rows), boot, false);
    // one point before e = −1, e = −2 (the cell 2 − 1), and it is zero: every draw's max reaches it
    assertThat(b.earlyPreTest().df()).isEqualTo(1);
    assertThat(b.earlyPreTest().statistic()).isCloseTo(0, within(1e-12));
    assertThat(b.earlyPreTest().pValue()).isEqualTo(1.0);
    // every universal-base pre-treatment point is measured from year 3, so there is no early test
    DidResult universal = DidEstimator.estimate(df(spark, rows), boot.withBase(DidOptions.Base.UNIVERSAL), false);
    assertThat(universal.preTest().df()).isEqualTo(2);
    assertThat(universal.earlyPreTest()).isNull();
  }

  @Test
  void notYetTreatedControlsAddLaterCohortsWhileTheyAreUntreated(SparkSession spark) {
    DidResult r = DidEstimator.estimate(df(spark, base()),
        ANALYTIC.withControl(DidOptions.Control.NOT_YET), false);
    // (2,2): C is not yet treated in 2 → controls {D..H, C}: mean ΔY = (3 + 1)/6
    assertThat(att(r, 2, 2)).isCloseTo(1.0 - 4.0 / 6, within(1e-12));
    assertThat(r.cell(2, 2).orElseThrow().nControl()).isEqualTo(6);
    // (2,3): C is treated in 3 → never-treated only
    assertThat(att(r, 2, 3)).isCloseTo(2.3, within(1e-12));
    // (3,2): cohort 2 is already treated in 2, so not a control
    assertThat(att(r, 3, 2)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void cohortTreatedInTheFirstPeriodIsDroppedAndLateCohortsBecomeNeverTreated(SparkSession spark) {
    List<Row> rows = base();
    unit(rows, "I", 1, 9, 9, 9);  // no pre-period
    unit(rows, "J", 7, 0, 2, 2);  // treated after the window
    DidResult r = DidEstimator.estimate(df(spark, rows), ANALYTIC, false);
    assertThat(r.notes()).anyMatch(n -> n.contains("treated in the first period"))
        .anyMatch(n -> n.contains("treated as never treated"));
    assertThat(r.units()).isEqualTo(9);
    // J joins the never-treated: ΔY(2−1) mean = (3 + 2)/6
    assertThat(att(r, 2, 2)).isCloseTo(1.0 - 5.0 / 6, within(1e-12));
  }

  @Test
  void withoutNeverTreatedUnitsTheLastCohortIsTheControl(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    unit(rows, "A", 2, 1, 3, 4);
    unit(rows, "B", 2, 2, 2, 6);
    unit(rows, "C1", 3, 0, 1, 5);
    unit(rows, "C2", 3, 1, 1, 3);
    unit(rows, "C3", 3, 2, 4, 4);
    unit(rows, "C4", 3, 0, 0, 0);
    unit(rows, "C5", 3, 1, 2, 9);
    for (DidOptions.Control control : DidOptions.Control.values()) {
      DidResult r = DidEstimator.estimate(df(spark, rows), ANALYTIC.withControl(control), false);
      // period 3 is dropped; cohort 3's ΔY(2−1) mean = 0.8
      assertThat(r.periods()).containsExactly(1, 2);
      assertThat(r.of("group_time")).singleElement().satisfies(e -> {
        assertThat(e.att()).isCloseTo(0.2, within(1e-12));
        assertThat(e.se()).isCloseTo(Math.sqrt(0.5 + 0.112), within(1e-12));
      });
      assertThat(r.notes()).anyMatch(n -> n.contains("no never-treated units"));
    }
  }

  @Test
  void variantsOfOnePanelGiveWhatEachGivesAlone(SparkSession spark) {
    Dataset<Row> mpdta = Mpdta.load().panel(spark, null);
    DidOptions boot = DidOptions.defaults().withBootstrap(199, 7);
    List<DidOptions> variants = new ArrayList<>();
    for (DidOptions.Control control : DidOptions.Control.values()) {
      for (DidOptions.Base b : DidOptions.Base.values()) {
        variants.add(boot.withControl(control).withBase(b));
      }
    }
    List<DidEstimator.Attempt> each = DidEstimator.estimateEach(mpdta, variants, false);
    assertThat(each).extracting(DidEstimator.Attempt::options).containsExactlyElementsOf(variants);
    for (DidEstimator.Attempt a : each) {
      assertThat(a.error()).isNull();
      DidAssertions.assertSameEstimates(a.result(), DidEstimator.estimate(mpdta, a.options(), false));
    }
    // the comparison groups differ, so the cells do: one shared preparation must not blur them
    assertThat(each.get(0).result().cell(2004, 2005).orElseThrow().att())
        .isNotCloseTo(each.get(2).result().cell(2004, 2005).orElseThrow().att(), within(1e-6));
  }

  @Test
  void aPanelWithoutNeverTreatedUnitsIsPreparedOncePerComparisonGroup(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    unit(rows, "A", 2, 1, 3, 4);
    unit(rows, "B", 3, 2, 2, 6);
    unit(rows, "C", 3, 0, 1, 5);
    unit(rows, "D", 4, 1, 2, 2);
    unit(rows, "E", 4, 3, 3, 5);
    unit(rows, "F", 4, 0, 0, 1);
    unit(rows, "G", 4, 2, 4, 4);
    unit(rows, "H", 4, 1, 1, 1);
    List<Row> padded = new ArrayList<>();
    for (Row r : rows) { // a fourth period, so that cohort 4 is one of the panel's periods
      padded.add(r);
      if (r.getInt(1) == 3) {
        padded.add(RowFactory.create(r.get(0), 4, r.get(2), r.getDouble(3) + 1, null));
      }
    }
    DidPanel.Prepared never = DidPanel.prepare(df(spark, padded), ANALYTIC, false);
    never.units().unpersist();
    assertThat(never.controlSpecific()).isTrue();
    assertThat(never.serves(ANALYTIC.withControl(DidOptions.Control.NOT_YET))).isFalse();
    assertThat(never.serves(ANALYTIC.withBase(DidOptions.Base.UNIVERSAL))).isTrue();
    List<DidOptions> variants = List.of(ANALYTIC, ANALYTIC.withControl(DidOptions.Control.NOT_YET));
    List<DidEstimator.Attempt> each = DidEstimator.estimateEach(df(spark, padded), variants, false);
    for (DidEstimator.Attempt a : each) {
      DidAssertions.assertSameEstimates(a.result(), DidEstimator.estimate(df(spark, padded), a.options(), false));
    }
    // never-treated controls: cohort 4 is the control, so cohort 3 has cells; not yet treated: it has its
    // own cells only where cohort 4 is not yet treated either, so both sets are not the same
    assertThat(each.get(0).result().estimates()).extracting(Estimate::att)
        .isNotEqualTo(each.get(1).result().estimates().stream().map(Estimate::att).toList());
  }

  @Test
  void aVariantThePanelCannotSupportGetsItsErrorAndTheOthersGoOn(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    unit(rows, "A", 2, 1, 3, 4);
    unit(rows, "B", 3, 2, 2, 6);
    unit(rows, "D", 0, 1, 2, 2);
    // not-yet-treated first: its preparation is reused by the never-treated variant, which still checks
    // that one never-treated unit is too few
    List<DidEstimator.Attempt> each = DidEstimator.estimateEach(df(spark, rows),
        List.of(ANALYTIC.withControl(DidOptions.Control.NOT_YET), ANALYTIC), false);
    assertThat(each.get(0).error()).isNull();
    assertThat(each.get(0).result().cell(2, 2)).isPresent();
    assertThat(each.get(1).result()).isNull();
    assertThat(each.get(1).error()).hasMessageContaining("only 1 never-treated units").hasMessageContaining("--control notyet");
  }

  @Test
  void missingYearsAreDroppedOrRefusedAsAsked(SparkSession spark) {
    List<Row> rows = base();
    rows.add(RowFactory.create("K", 1, 0, 5.0, null));
    rows.add(RowFactory.create("K", 2, 0, 50.0, null)); // no period 3
    rows.add(RowFactory.create("L", 1, 2, 1.0, null));
    rows.add(RowFactory.create("L", 2, 2, null, null)); // missing outcome
    rows.add(RowFactory.create("L", 3, 2, 1.0, null));
    DidResult r = DidEstimator.estimate(df(spark, rows), ANALYTIC, false);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("2 units missing a period"));
    assertThat(att(r, 2, 2)).isCloseTo(0.4, within(1e-12));
    assertThatThrownBy(() -> DidEstimator.estimate(df(spark, rows),
        ANALYTIC.withUnbalanced(DidOptions.Unbalanced.ERROR), false))
        .isInstanceOf(UserError.class).hasMessageContaining("unbalanced panel: 2 of 10 units");
  }

  @Test
  void malformedPanelsAreOneLineErrors(SparkSession spark) {
    List<Row> dup = base();
    dup.add(RowFactory.create("A", 2, 2, 3.0, null));
    assertThatThrownBy(() -> DidEstimator.estimate(df(spark, dup), ANALYTIC, false))
        .isInstanceOf(UserError.class).hasMessageContaining("duplicate rows");
    List<Row> switching = base();
    switching.set(0, RowFactory.create("A", 1, 3, 1.0, null));
    assertThatThrownBy(() -> DidEstimator.estimate(df(spark, switching), ANALYTIC, false))
        .isInstanceOf(UserError.class).hasMessageContaining("cohort changes");
    List<Row> noCohort = base();
    noCohort.set(0, RowFactory.create("A", 1, null, 1.0, null));
    assertThatThrownBy(() -> DidEstimator.estimate(df(spark, noCohort), ANALYTIC, false))
        .isInstanceOf(UserError.class).hasMessageContaining("cohort is missing");
    List<Row> fewControls = new ArrayList<>();
    unit(fewControls, "A", 2, 1, 3, 4);
    unit(fewControls, "D", 0, 1, 2, 2);
    assertThatThrownBy(() -> DidEstimator.estimate(df(spark, fewControls), ANALYTIC, false))
        .isInstanceOf(UserError.class).hasMessageContaining("--control notyet");
    assertThatThrownBy(() -> DidPanel.standardize(df(spark, base()), "unit", "year", "cohort", "y", null))
        .isInstanceOf(UserError.class).hasMessageContaining("--time column 'year' is not in the panel");
  }

  @Test
  void clusteredStandardErrorsSumInfluenceWithinClusters(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    String[] cluster = {"X", "Y", "Z", "X", "Y", "Y", "Z", "Z"};
    List<Row> plain = base();
    for (Row r : plain) {
      int unitIndex = "ABCDEFGH".indexOf(r.getString(0));
      rows.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), cluster[unitIndex]));
    }
    DidResult r = DidEstimator.estimate(df(spark, rows), ANALYTIC, true);
    // ψ/n for (2,2): A .5, D −.08 | B −.5, E .12, F .12 | C 0, G −.28, H .12 → S = .42, −.26, −.16
    assertThat(r.cell(2, 2).orElseThrow().se()).isCloseTo(Math.sqrt(0.42 * 0.42 + 0.26 * 0.26 + 0.16 * 0.16), within(1e-12));
    assertThat(r.clusters()).isEqualTo(3);
  }

  @Test
  void bootstrapIsReproducibleForASeedAndCloseToTheAnalyticStandardError(SparkSession spark) {
    DidPanel.Prepared p = DidPanel.prepare(Mpdta.load().panel(spark, null), DidOptions.defaults(), false);
    DidResult a = DidEstimator.estimate(p, DidOptions.defaults().withBootstrap(499, 11));
    CohortMoments m = CohortMoments.of(p);
    Influence f = new Influence(m.groups(), p.periods().length);
    f.alpha[p.group(2004, "")][3] = 1; // any fixed functional: the draws depend on the seed only
    double[][] same = MultiplierBootstrap.draws(p, java.util.List.of(f), 50, 11);
    double[][] again = MultiplierBootstrap.draws(p, java.util.List.of(f), 50, 11);
    double[][] other = MultiplierBootstrap.draws(p, java.util.List.of(f), 50, 12);
    assertThat(again).isDeepEqualTo(same);
    assertThat(other).isNotEqualTo(same);
    for (Estimate e : a.estimates()) {
      if (e.se() != null) {
        assertThat(e.seBoot()).as("%s %s %s %s", e.aggregation(), e.cohort(), e.year(), e.eventTime())
            .isCloseTo(e.se(), within(0.15 * e.se()));
      }
    }
  }

  @Test
  void theUnitTableHasOnePartitionPerCoreUntilItHoldsMillionsOfUnits() {
    assertThat(DidPanel.unitPartitions(2, 0)).isEqualTo(2);
    assertThat(DidPanel.unitPartitions(2, 758_324)).isEqualTo(2);
    assertThat(DidPanel.unitPartitions(0, 10)).isEqualTo(1);
    assertThat(DidPanel.unitPartitions(8, 20_000_000)).isEqualTo(20);
    assertThat(DidPanel.unitPartitions(2, 2_000_001)).isEqualTo(3);
  }

  @Test
  void manyShufflePartitionsLeaveTheUnitTableAtTheCoresAndTheEstimatesUnchanged(SparkSession spark) {
    DidOptions boot = DidOptions.defaults().withBootstrap(199, 7);
    DidResult few = DidEstimator.estimate(df(spark, base()), boot, false);
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    String coalescing = spark.conf().get("spark.sql.adaptive.coalescePartitions.enabled");
    // as at national scale, where the shuffles' 64 partitions are all full and adaptive execution keeps them
    spark.conf().set("spark.sql.shuffle.partitions", "64");
    spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    try {
      DidPanel.Prepared p = DidPanel.prepare(df(spark, base()), boot, false);
      assertThat(p.units().rdd().getNumPartitions()).isEqualTo(spark.sparkContext().defaultParallelism());
      DidResult many = DidEstimator.estimate(df(spark, base()), boot, false);
      for (int e = -1; e <= 1; e++) {
        Estimate a = few.eventTime(e).orElseThrow();
        Estimate b = many.eventTime(e).orElseThrow();
        assertThat(b.att()).isCloseTo(a.att(), within(1e-12));
        assertThat(b.seBoot()).isCloseTo(a.seBoot(), within(1e-12));
        assertThat(b.bandHigh()).isCloseTo(a.bandHigh(), within(1e-12));
      }
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
      spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", coalescing);
    }
  }
}
