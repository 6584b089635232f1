package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The estimator against published results of R {@code did} on its benchmark panel mpdta
 * ({@code att_gt(yname="lemp", tname="year", idname="countyreal", gname="first.treat", xformla=~1,
 * data=mpdta)}, never-treated controls), and against an independent unit-level computation of the
 * analytic standard errors.
 *
 * <p>Sources of the reference numbers:
 * <ul>
 *   <li>README of bcallaway11/did (file README.md at commit 0c4287f43c2964a580e3291cdc00e6bcdcfd1317,
 *       did 2.5.0 devel, est_method="reg" which equals "dr" without covariates): ATT(g,t), dynamic and group
 *       aggregations printed to 4 decimals with multiplier-bootstrap standard errors, and the Wald pre-test
 *       p-value 0.16812 (analytic, printed to 5 decimals).
 *   <li>/work/shared/research/program-evaluation.md §1.5: varying- and universal-base pre-treatment cells to
 *       9–10 digits, read from the did source.
 *   <li>Test file of the R package jwdid (file "mpdta treatment cells and full event path match
 *       universal-base did", found by content search): post cells, universal-base cells and the
 *       universal-base event study of did to 12 digits.
 * </ul>
 */
@ExtendWith(SharedSpark.class)
class MpdtaReferenceTest {
  static Mpdta data;
  static DidResult varying;
  static DidResult universal;

  @BeforeAll
  static void estimate() {
    SparkSession spark = SharedSpark.session();
    data = Mpdta.load();
    // both from one preparation, as the outcomes stage estimates its variants (with different inference
    // settings too); DidEdgeCaseTest shows each equals its separate estimate
    List<DidEstimator.Attempt> both = DidEstimator.estimateEach(data.panel(spark, null), List.of(
        DidOptions.defaults().withBootstrap(999, 7),
        DidOptions.defaults().withBase(DidOptions.Base.UNIVERSAL).withBootstrap(0, 0)), false);
    varying = both.get(0).result();
    universal = both.get(1).result();
  }

  /** README's summary(out): ATT(g,t) and bootstrapped SE, 4 decimals. */
  static final double[][] README_CELLS = {
      {2004, 2004, -0.0105, 0.0241}, {2004, 2005, -0.0704, 0.0313}, {2004, 2006, -0.1373, 0.0380},
      {2004, 2007, -0.1008, 0.0337}, {2006, 2004, 0.0065, 0.0223}, {2006, 2005, -0.0028, 0.0196},
      {2006, 2006, -0.0046, 0.0188}, {2006, 2007, -0.0412, 0.0202}, {2007, 2004, 0.0305, 0.0154},
      {2007, 2005, -0.0027, 0.0168}, {2007, 2006, -0.0311, 0.0190}, {2007, 2007, -0.0261, 0.0182}};

  /** Cells to 9–12 digits: post cells (jwdid test) and varying-base pre cells (research §1.5). */
  static final Map<String, Double> PRECISE_VARYING = Map.ofEntries(
      Map.entry("2004:2004", -0.010503246221), Map.entry("2004:2005", -0.070423158103),
      Map.entry("2004:2006", -0.137258738889), Map.entry("2004:2007", -0.100811363085),
      Map.entry("2006:2006", -0.004594606953), Map.entry("2006:2007", -0.041224471546),
      Map.entry("2007:2007", -0.026054410719), Map.entry("2006:2004", 0.0065201124),
      Map.entry("2006:2005", -0.0027508188), Map.entry("2007:2004", 0.0305066556),
      Map.entry("2007:2005", -0.0027258929), Map.entry("2007:2006", -0.0310871194));

  @Test
  void groupTimeEffectsMatchThePublishedOnes() {
    assertThat(varying.of("group_time")).hasSize(12);
    for (double[] r : README_CELLS) {
      Estimate e = varying.cell((int) r[0], (int) r[1]).orElseThrow();
      assertThat(e.att()).as("ATT(%d,%d)", (int) r[0], (int) r[1]).isCloseTo(r[2], within(0.5e-4));
      double digits = PRECISE_VARYING.get((int) r[0] + ":" + (int) r[1]);
      // the references carry 10 to 12 decimals: agree to their last printed digit
      assertThat(e.att()).as("ATT(%d,%d) precise", (int) r[0], (int) r[1]).isCloseTo(digits, within(1e-10));
    }
  }

  @Test
  void analyticStandardErrorsEqualTheUnitLevelClosedForm() {
    for (Estimate e : varying.of("group_time")) {
      int b = e.baseYear() - 2003;
      int t = e.year() - 2003;
      List<Double> treated = new ArrayList<>();
      List<Double> controls = new ArrayList<>();
      for (int i = 0; i < data.county.size(); i++) {
        double dy = data.lemp.get(i)[t] - data.lemp.get(i)[b];
        if (data.cohort.get(i) == e.cohort().intValue()) {
          treated.add(dy);
        } else if (data.cohort.get(i) == 0) {
          controls.add(dy);
        }
      }
      // research §1.3: SE = sqrt(s²_G/N_G + s²_C/N_C), population variances
      double expected = Math.sqrt(popVar(treated) / treated.size() + popVar(controls) / controls.size());
      assertThat(e.se()).as("SE(%d,%d)", e.cohort(), e.year()).isCloseTo(expected, within(1e-12));
      assertThat(e.nTreated()).isEqualTo(treated.size());
      assertThat(e.nControl()).isEqualTo(309);
    }
  }

  @Test
  void bootstrapStandardErrorsAndBandAgreeWithThePublishedDraws() {
    for (double[] r : README_CELLS) {
      Estimate e = varying.cell((int) r[0], (int) r[1]).orElseThrow();
      // both are Monte-Carlo draws (R's seed unknown): agree within sampling noise
      assertThat(e.seBoot()).as("bootstrap SE(%d,%d)", (int) r[0], (int) r[1]).isCloseTo(r[3], within(0.15 * r[3]));
      assertThat(e.bandHigh() - e.bandLow()).isGreaterThan(e.ciHigh() - e.ciLow());
    }
    // README's band half-widths are 2.6–2.7 bootstrap SEs for 12 cells
    assertThat(varying.cellCritical()).isBetween(2.3, 3.1);
  }

  @Test
  void preTestMatchesThePublishedPValue() {
    assertThat(varying.preTest().df()).isEqualTo(5);
    assertThat(varying.preTest().pValue()).isCloseTo(0.16812, within(0.5e-5));
    // the event study before e = −1 has e = −3 and −2; the README's e = −3 (0.0305, SE 0.0153) is the larger
    // |att| / SE, so the sup-t statistic is about 1.99 (bootstrap SEs agree with R's within sampling noise)
    assertThat(varying.earlyPreTest().df()).isEqualTo(2);
    assertThat(varying.earlyPreTest().statistic()).isCloseTo(0.0305 / 0.0153, within(0.15 * 0.0305 / 0.0153));
    // e = −3 at about two standard errors: neither rejected at 5% nor far from it
    assertThat(varying.earlyPreTest().pValue()).isBetween(0.02, 0.3);
  }

  @Test
  void dynamicAndGroupAggregationsMatchTheReadme() {
    double[][] dynamic = {{-3, 0.0305, 0.0153}, {-2, -0.0006, 0.0136}, {-1, -0.0245, 0.0138},
        {0, -0.0199, 0.0115}, {1, -0.0510, 0.0174}, {2, -0.1373, 0.0356}, {3, -0.1008, 0.0354}};
    for (double[] r : dynamic) {
      Estimate e = varying.eventTime((int) r[0]).orElseThrow();
      assertThat(e.att()).as("e=%d", (int) r[0]).isCloseTo(r[1], within(0.5e-4));
      assertThat(e.se()).as("analytic SE e=%d", (int) r[0]).isCloseTo(r[2], within(0.15 * r[2]));
    }
    // e >= 0 is the same under both base periods: jwdid's 12 digits of did's event study
    assertThat(varying.eventTime(0).orElseThrow().att()).isCloseTo(-0.019931816789, within(1e-11));
    assertThat(varying.eventTime(1).orElseThrow().att()).isCloseTo(-0.050957367065, within(1e-11));
    Estimate overallDynamic = varying.overall("dynamic").orElseThrow();
    assertThat(overallDynamic.att()).isCloseTo(-0.0772, within(0.5e-4));
    assertThat(overallDynamic.se()).isCloseTo(0.0196, within(0.15 * 0.0196));

    Estimate overallGroup = varying.overall("group").orElseThrow();
    assertThat(overallGroup.att()).isCloseTo(-0.031, within(0.5e-3));
    assertThat(overallGroup.se()).isCloseTo(0.0123, within(0.15 * 0.0123));
    double[][] group = {{2004, -0.0797, 0.0277}, {2006, -0.0229, 0.0172}, {2007, -0.0261, 0.0177}};
    for (double[] r : group) {
      Estimate e = varying.of("group").stream().filter(x -> !x.overall() && x.cohort() == (int) r[0])
          .findFirst().orElseThrow();
      assertThat(e.att()).isCloseTo(r[1], within(0.5e-4));
      assertThat(e.se()).isCloseTo(r[2], within(0.15 * r[2]));
    }
  }

  @Test
  void universalBaseCellsAndEventStudyMatchDid() {
    Map<String, Double> cells = Map.of("2006:2003", -0.003769293674, "2006:2004", 0.002750818751,
        "2007:2003", 0.003306356693, "2007:2004", 0.033813012276, "2007:2005", 0.031087119390,
        "2004:2007", -0.100811363085);
    cells.forEach((k, v) -> {
      String[] gt = k.split(":");
      assertThat(universal.cell(Integer.parseInt(gt[0]), Integer.parseInt(gt[1])).orElseThrow().att())
          .as(k).isCloseTo(v, within(1e-11));
    });
    for (int[] ref : new int[][] {{2004, 2003}, {2006, 2005}, {2007, 2006}}) {
      Estimate e = universal.cell(ref[0], ref[1]).orElseThrow();
      assertThat(e.reference()).isTrue();
      assertThat(e.att()).isZero();
      assertThat(e.se()).isNull();
    }
    assertThat(universal.of("group_time")).hasSize(15);
    Map<Integer, Double> event = Map.of(-4, 0.003306356693, -3, 0.025021829598, -2, 0.024458744971,
        -1, 0.0, 0, -0.019931816789, 2, -0.137258738889, 3, -0.100811363085);
    event.forEach((e, v) -> assertThat(universal.eventTime(e).orElseThrow().att()).as("e=%d", e)
        .isCloseTo(v, within(1e-11)));
    assertThat(universal.eventTime(-1).orElseThrow().se()).isNull();
  }

  @Test
  void aggregatedStandardErrorsEqualAUnitLevelComputationOfRsFormulas() {
    // simple and overall-group ATT: build each unit's influence function literally as R does
    // (cell IFs with n/n1 scaling, weights by P(G=g), plus wif), then SE = sqrt(Σψ²)/n
    int n = data.county.size();
    int[] groups = {2004, 2006, 2007};
    double[] pg = new double[3];
    for (int k = 0; k < 3; k++) {
      final int g = groups[k];
      pg[k] = data.cohort.stream().filter(c -> c == g).count() / (double) n;
    }
    List<int[]> post = new ArrayList<>();
    for (int g : groups) {
      for (int t = g; t <= 2007; t++) {
        post.add(new int[] {g, t});
      }
    }
    double[][] psi = new double[post.size()][];
    double[] att = new double[post.size()];
    for (int k = 0; k < post.size(); k++) {
      int g = post.get(k)[0];
      int t = post.get(k)[1] - 2003;
      int b = g - 1 - 2003;
      att[k] = varying.cell(g, post.get(k)[1]).orElseThrow().att();
      psi[k] = cellInfluence(g, t, b);
    }
    double sumPg = 0;
    double[] w = new double[post.size()];
    for (int k = 0; k < post.size(); k++) {
      w[k] = pg[idx(groups, post.get(k)[0])];
      sumPg += w[k];
    }
    double[] simple = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      double wifTotal = 0;
      for (int k = 0; k < post.size(); k++) {
        wifTotal += (data.cohort.get(i) == post.get(k)[0] ? 1 : 0) - w[k];
      }
      for (int k = 0; k < post.size(); k++) {
        s += psi[k][i] * w[k] / sumPg;
        double own = (data.cohort.get(i) == post.get(k)[0] ? 1 : 0) - w[k];
        s += att[k] * (own / sumPg - wifTotal * w[k] / (sumPg * sumPg));
      }
      simple[i] = s;
    }
    Estimate simpleEst = varying.overall("simple").orElseThrow();
    double expectedAtt = 0;
    for (int k = 0; k < post.size(); k++) {
      expectedAtt += att[k] * w[k] / sumPg;
    }
    assertThat(simpleEst.att()).isCloseTo(expectedAtt, within(1e-12));
    assertThat(simpleEst.se()).isCloseTo(Math.sqrt(sumSq(simple)) / n, within(1e-12));
  }

  /** R's cell influence function, written out: (n/n₁)·[D(ΔY−μ_G)/p̂ − (1−D)(ΔY−μ_C)/(1−p̂)]. */
  private double[] cellInfluence(int g, int t, int b) {
    int n = data.county.size();
    double sumG = 0;
    double sumC = 0;
    int nG = 0;
    int nC = 0;
    for (int i = 0; i < n; i++) {
      double dy = data.lemp.get(i)[t] - data.lemp.get(i)[b];
      if (data.cohort.get(i) == g) {
        sumG += dy;
        nG++;
      } else if (data.cohort.get(i) == 0) {
        sumC += dy;
        nC++;
      }
    }
    double n1 = nG + nC;
    double p = nG / n1;
    double[] psi = new double[n];
    for (int i = 0; i < n; i++) {
      double dy = data.lemp.get(i)[t] - data.lemp.get(i)[b];
      if (data.cohort.get(i) == g) {
        psi[i] = (n / n1) * (dy - sumG / nG) / p;
      } else if (data.cohort.get(i) == 0) {
        psi[i] = -(n / n1) * (dy - sumC / nC) / (1 - p);
      }
    }
    return psi;
  }

  private static int idx(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalArgumentException();
  }

  private static double sumSq(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  private static double popVar(List<Double> x) {
    double m = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return x.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / x.size();
  }
}
