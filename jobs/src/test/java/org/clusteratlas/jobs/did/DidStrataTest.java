package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parallel trends within strata of a discrete covariate (R did's outcome regression on the covariate's
 * indicators). Checked three ways: a tiny panel worked out by hand; the general regression estimator and
 * influence function of DRDID's {@code reg_did_panel}, written out here on unit-level data with an OLS of
 * its own; and the reduction to the unconditional estimator when there is one stratum.
 */
@ExtendWith(SharedSpark.class)
class DidStrataTest {
  private static final DidOptions ANALYTIC = DidOptions.defaults().withBootstrap(0, 0);

  private record Unit(String id, int cohort, String stratum, double[] y) {}

  /** Periods 1–3. Cohort 2: a1, a2 (stratum a), b1 (b). Cohort 3: d1 (b), d2 (a). Never: c1, c2 (a), c3–c5 (b). */
  private static List<Unit> tiny() {
    return List.of(
        new Unit("a1", 2, "a", new double[] {1, 3, 4}),
        new Unit("a2", 2, "a", new double[] {2, 3, 6}),
        new Unit("b1", 2, "b", new double[] {0, 2, 5}),
        new Unit("d1", 3, "b", new double[] {0, 1, 5}),
        new Unit("d2", 3, "a", new double[] {1, 1, 3}),
        new Unit("c1", 0, "a", new double[] {1, 2, 2}),
        new Unit("c2", 0, "a", new double[] {0, 0, 1}),
        new Unit("c3", 0, "b", new double[] {3, 6, 7}),
        new Unit("c4", 0, "b", new double[] {1, 3, 5}),
        new Unit("c5", 0, "b", new double[] {2, 5, 6}));
  }

  private static Dataset<Row> panel(SparkSession spark, List<Unit> units, boolean withStrata) {
    List<Row> rows = new ArrayList<>();
    for (Unit u : units) {
      for (int t = 0; t < u.y().length; t++) {
        rows.add(RowFactory.create(u.id(), t + 1, u.cohort(), u.y()[t], u.id(), withStrata ? u.stratum() : null));
      }
    }
    StructType schema = Mpdta.schema().add(DidPanel.STRATUM, DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void aStratifiedCellIsTheTreatedChangeMinusItsStratumsComparisonChange(SparkSession spark) {
    DidResult r = DidEstimator.estimate(panel(spark, tiny(), true), ANALYTIC, false);
    // ΔY(2−1): treated a1 2, a2 1, b1 2; never-treated means a: (1+0)/2 = 0.5, b: (3+2+3)/3 = 8/3
    double att = ((2 - 0.5) + (1 - 0.5) + (2 - 8.0 / 3)) / 3;
    Estimate cell = r.cell(2, 2).orElseThrow();
    assertThat(cell.att()).isCloseTo(att, within(1e-12));
    assertThat(att).isCloseTo(4.0 / 9, within(1e-12));
    // ψ/n: treated (ΔY − μ_s − ATT)/3 = 19/54, 1/54, −20/54; comparison w_s(μ_s − ΔY) with w_a = 2/(2·3),
    // w_b = 1/(3·3): −1/6, 1/6 | −1/27, 2/27, −1/27
    double se = Math.sqrt((19 * 19 + 1 + 20 * 20) / (54.0 * 54) + 2 / 36.0 + 6 / 729.0);
    assertThat(cell.se()).isCloseTo(se, within(1e-12));
    assertThat(r.notes()).contains(
        "parallel trends assumed within 2 strata (treated units compared with comparison units of their own stratum)");
    // unconditionally the same cell compares 5/3 with 9/5
    DidResult plain = DidEstimator.estimate(panel(spark, tiny(), false), ANALYTIC, false);
    assertThat(plain.cell(2, 2).orElseThrow().att()).isCloseTo(5.0 / 3 - 9.0 / 5, within(1e-12));
  }

  @Test
  void everyCellAndItsStandardErrorMatchTheGeneralRegressionEstimator(SparkSession spark) {
    List<Unit> units = tiny();
    for (DidOptions.Control control : DidOptions.Control.values()) {
      DidOptions opt = ANALYTIC.withControl(control);
      DidResult r = DidEstimator.estimate(panel(spark, units, true), opt, false);
      // (g, t, base) of every cell with a varying base over periods 1–3
      int[][] cells = {{2, 2, 1}, {2, 3, 1}, {3, 2, 1}, {3, 3, 2}};
      for (int[] c : cells) {
        double[] expected = regDidPanel(units, c[0], c[1], c[2], control);
        Estimate e = r.cell(c[0], c[1]).orElseThrow();
        assertThat(e.att()).as("%s ATT(%d,%d)", control, c[0], c[1]).isCloseTo(expected[0], within(1e-12));
        assertThat(e.se()).as("%s SE(%d,%d)", control, c[0], c[1]).isCloseTo(expected[1], within(1e-12));
      }
    }
  }

  /**
   * DRDID {@code reg_did_panel} on the cell's units with regressors (1, 1{stratum = b}), its influence
   * function placed as R {@code did} does (× n/n₁); returns {ATT, sqrt(Σψ²)/n}.
   */
  private static double[] regDidPanel(List<Unit> all, int g, int t, int base, DidOptions.Control control) {
    List<Unit> sample = new ArrayList<>();
    for (Unit u : all) {
      boolean comparison = u.cohort() == 0
          || control == DidOptions.Control.NOT_YET && u.cohort() > Math.max(t, base) && u.cohort() != g;
      if (u.cohort() == g || comparison) {
        sample.add(u);
      }
    }
    int n1 = sample.size();
    int k = 2;
    double[] d = new double[n1];
    double[] dy = new double[n1];
    double[][] x = new double[n1][k];
    for (int i = 0; i < n1; i++) {
      Unit u = sample.get(i);
      d[i] = u.cohort() == g ? 1 : 0;
      dy[i] = u.y()[t - 1] - u.y()[base - 1];
      x[i] = new double[] {1, u.stratum().equals("b") ? 1 : 0};
    }
    // OLS of ΔY on X among the comparison units
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    for (int i = 0; i < n1; i++) {
      for (int a = 0; a < k; a++) {
        xty[a] += (1 - d[i]) * x[i][a] * dy[i];
        for (int b = 0; b < k; b++) {
          xtx[a][b] += (1 - d[i]) * x[i][a] * x[i][b];
        }
      }
    }
    RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(xtx)).getSolver().getInverse();
    double[] beta = inv.operate(xty);
    double meanD = 0;
    double etaTreat = 0;
    double etaCont = 0;
    double[] fitted = new double[n1];
    double[] m1 = new double[k];
    for (int i = 0; i < n1; i++) {
      fitted[i] = x[i][0] * beta[0] + x[i][1] * beta[1];
      meanD += d[i] / n1;
      etaTreat += d[i] * dy[i] / n1;
      etaCont += d[i] * fitted[i] / n1;
      for (int a = 0; a < k; a++) {
        m1[a] += d[i] * x[i][a] / n1;
      }
    }
    etaTreat /= meanD;
    etaCont /= meanD;
    RealMatrix xpxInv = inv.scalarMultiply(n1); // solve(crossprod(wols.x, X) / n)
    double sumSq = 0;
    for (int i = 0; i < n1; i++) {
      double[] eX = new double[k];
      for (int a = 0; a < k; a++) {
        eX[a] = (1 - d[i]) * (dy[i] - fitted[i]) * x[i][a];
      }
      double[] asyLinRep = xpxInv.preMultiply(eX);
      double infCont2 = asyLinRep[0] * m1[0] + asyLinRep[1] * m1[1];
      double infTreat = (d[i] * dy[i] - d[i] * etaTreat) / meanD;
      double infCont = (d[i] * fitted[i] - d[i] * etaCont + infCont2) / meanD;
      double psiOverN = (infTreat - infCont) / n1; // (n/n₁)·ψ_R, then / n
      sumSq += psiOverN * psiOverN;
    }
    return new double[] {etaTreat - etaCont, Math.sqrt(sumSq)};
  }

  /**
   * Both runs share the cell formula (the unconditional one is R's, checked in {@link MpdtaReferenceTest}); what
   * this checks is the stratified plumbing: groups keyed by (cohort, stratum) in the moments, the variances and
   * the bootstrap accumulators must give the cohort-keyed numbers exactly.
   */
  @Test
  void oneStratumIsTheUnconditionalEstimator(SparkSession spark) {
    Mpdta m = Mpdta.load();
    Dataset<Row> plain = m.panel(spark, null);
    Dataset<Row> oneStratum = plain.withColumn(DidPanel.STRATUM, org.apache.spark.sql.functions.lit("all"));
    DidOptions opt = DidOptions.defaults().withBootstrap(99, 5);
    List<Estimate> a = DidEstimator.estimate(plain, opt, false).estimates();
    List<Estimate> b = DidEstimator.estimate(oneStratum, opt, false).estimates();
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).att()).isCloseTo(a.get(i).att(), within(1e-12));
      if (a.get(i).se() != null) {
        assertThat(b.get(i).se()).isCloseTo(a.get(i).se(), within(1e-12));
        assertThat(b.get(i).seBoot()).isCloseTo(a.get(i).seBoot(), within(1e-12));
      }
    }
  }

  @Test
  void strataRemoveATrendThatDiffersBetweenThemAndTheTreatedAreMostlyInOne(SparkSession spark) {
    // young firms grow 0.3 a year, old ones 0.1; cohort 3 is 8 young and 2 old, the never-treated 5 and 15;
    // the effect is 0.5 from the treatment year on, no noise
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean treated = i < 10;
      boolean young = treated ? i < 8 : i < 15;
      double slope = young ? 0.3 : 0.1;
      double[] y = new double[4];
      for (int t = 1; t <= 4; t++) {
        y[t - 1] = i * 0.7 + slope * t + (treated && t >= 3 ? 0.5 : 0);
      }
      units.add(new Unit("u" + i, treated ? 3 : 0, young ? "young" : "old", y));
    }
    DidResult stratified = DidEstimator.estimate(panel(spark, units, true), ANALYTIC, false);
    DidResult plain = DidEstimator.estimate(panel(spark, units, false), ANALYTIC, false);
    for (int t : new int[] {3, 4}) {
      assertThat(stratified.cell(3, t).orElseThrow().att()).isCloseTo(0.5, within(1e-12));
      // treated trend 0.8·0.3 + 0.2·0.1 = 0.26 against 0.25·0.3 + 0.75·0.1 = 0.15 a year
      assertThat(plain.cell(3, t).orElseThrow().att()).isCloseTo(0.5 + 0.11 * (t - 2), within(1e-12));
    }
    assertThat(stratified.cell(3, 2).orElseThrow().att()).isCloseTo(0, within(1e-12));
    assertThat(stratified.preTest()).isNull(); // the one pre cell has no variance: nothing to test
  }

  @Test
  void treatedUnitsInAStratumWithoutComparisonUnitsAreLeftOutAndCounted(SparkSession spark) {
    List<Unit> units = new ArrayList<>(tiny());
    units.add(new Unit("z1", 2, "z", new double[] {0, 9, 9}));
    DidResult r = DidEstimator.estimate(panel(spark, units, true), ANALYTIC, false);
    DidResult without = DidEstimator.estimate(panel(spark, tiny(), true), ANALYTIC, false);
    Estimate cell = r.cell(2, 2).orElseThrow();
    assertThat(cell.att()).isCloseTo(without.cell(2, 2).orElseThrow().att(), within(1e-12));
    assertThat(cell.nTreated()).isEqualTo(3);
    assertThat(r.notes()).anyMatch(n -> n.contains("common support") && n.contains("up to 1 units"));
  }

  @Test
  void clusteringByUnitGivesTheUnitLevelStandardErrors(SparkSession spark) {
    DidResult unit = DidEstimator.estimate(panel(spark, tiny(), true), ANALYTIC, false);
    DidResult clustered = DidEstimator.estimate(panel(spark, tiny(), true), ANALYTIC, true);
    for (int i = 0; i < unit.estimates().size(); i++) {
      Estimate a = unit.estimates().get(i);
      if (a.se() != null) {
        assertThat(clustered.estimates().get(i).se()).isCloseTo(a.se(), within(1e-12));
      }
    }
  }

  @Test
  void aStratumMustBeGivenInEveryRowAndStayTheSame(SparkSession spark) {
    List<Unit> units = new ArrayList<>(tiny());
    Dataset<Row> good = panel(spark, units, true);
    Dataset<Row> changing = good.withColumn(DidPanel.STRATUM, org.apache.spark.sql.functions.when(
        good.col(DidPanel.UNIT).equalTo("c1").and(good.col(DidPanel.TIME).equalTo(3)), "b")
        .otherwise(good.col(DidPanel.STRATUM)));
    assertThatThrownBy(() -> DidEstimator.estimate(changing, ANALYTIC, false))
        .isInstanceOf(UserError.class)
        .hasMessage("malformed panel: 1 units whose stratum changes over time (strata must be time-invariant)");
    Dataset<Row> missing = good.withColumn(DidPanel.STRATUM, org.apache.spark.sql.functions.when(
        good.col(DidPanel.UNIT).equalTo("c1"), null).otherwise(good.col(DidPanel.STRATUM)));
    assertThatThrownBy(() -> DidEstimator.estimate(missing, ANALYTIC, false))
        .isInstanceOf(UserError.class).hasMessageStartingWith("malformed panel: 3 rows without a stratum value");
  }
}
