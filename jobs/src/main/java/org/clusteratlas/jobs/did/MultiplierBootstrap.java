package org.clusteratlas.jobs.did;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The multiplier bootstrap of R {@code did} (Rademacher weights, one per cluster; the unit is the cluster by
 * default), run where the data is. Because every influence function is ψ_i = n(α_c·Y_i − β_c), a draw of
 * Σ_i v_i ψ_i only needs, per group c (cohort, or cohort and stratum), Σ v_i·Y_i and Σ v_i: each executor
 * accumulates those for all draws over its units, and the driver adds the partition totals and combines them
 * with each estimate's (α, β).
 * Multipliers come from a seeded hash of (cluster, draw), so any run with the same seed draws the same
 * weights without shipping them.
 */
final class MultiplierBootstrap {
  private MultiplierBootstrap() {}

  /** R's IQR scale: qnorm(0.75) − qnorm(0.25). */
  static final double NORMAL_IQR = 1.3489795003921634;

  /** draws[b][k] = Σ_i v_{b,cluster(i)} · ψ_ik / n for each influence function k. */
  static double[][] draws(DidPanel.Prepared panel, List<Influence> fs, int b, long seed) {
    int t = panel.periods().length;
    double[] acc = panel.units().select(DidPanel.COHORT, DidPanel.STRATUM, DidPanel.YS, DidPanel.CLUSTER_HASH)
        .javaRDD()
        .mapPartitions(new Accumulate(panel.groupCohorts(), panel.groupStrata(), t, b, seed))
        .reduce(MultiplierBootstrap::addInPlace);
    int c = panel.groups();
    double[][] out = new double[b][fs.size()];
    for (int d = 0; d < b; d++) {
      for (int k = 0; k < fs.size(); k++) {
        Influence f = fs.get(k);
        double s = 0;
        for (int ci = 0; ci < c; ci++) {
          int base = (d * c + ci) * (t + 1);
          double[] a = f.alpha[ci];
          for (int j = 0; j < t; j++) {
            s += a[j] * acc[base + j];
          }
          s -= f.beta[ci] * acc[base + t];
        }
        out[d][k] = s;
      }
    }
    return out;
  }

  private static double[] addInPlace(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  /** Per-cluster stream seed; {@link #multiplier} then gives the cluster's weight in each draw. */
  static long clusterStream(long clusterHash, long seed) {
    return mix(clusterHash ^ mix(seed));
  }

  /** Rademacher weight of one cluster in one draw: the sign bit of a SplitMix64 hash. */
  static double multiplier(long clusterStream, int draw) {
    return mix(clusterStream + (draw + 1) * 0x9E3779B97F4A7C15L) < 0 ? -1 : 1;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Robust bootstrap standard error of R: IQR of the draws over the normal IQR (type-1 quantiles). */
  static double robustSe(double[] draws) {
    double[] s = draws.clone();
    Arrays.sort(s);
    return (quantile(s, 0.75) - quantile(s, 0.25)) / NORMAL_IQR;
  }

  /** R's quantile(type = 1) of sorted values: the inverse of the empirical distribution function. */
  static double quantile(double[] sorted, double p) {
    double np = sorted.length * p;
    int j = (int) Math.floor(np);
    int idx = np - j > 1e-12 ? j + 1 : j; // 1-based
    return sorted[Math.max(1, Math.min(sorted.length, idx)) - 1];
  }

  /** Sup-t critical value: the (1−α) quantile over draws of max_k |draw_k| / se_k. */
  static double supT(double[][] draws, int[] columns, double[] se, double alpha) {
    double[] max = maxAbsT(draws, columns, se);
    Arrays.sort(max);
    return quantile(max, 1 - alpha);
  }

  /** Sup-t p-value of an observed max_k |θ_k| / se_k: the share of draws whose max reaches it. */
  static double supTPValue(double[][] draws, int[] columns, double[] se, double observed) {
    return Arrays.stream(maxAbsT(draws, columns, se)).filter(m -> m >= observed).count() / (double) draws.length;
  }

  /** Per draw, max_k |draw_k| / se_k over the columns. */
  private static double[] maxAbsT(double[][] draws, int[] columns, double[] se) {
    double[] max = new double[draws.length];
    for (int d = 0; d < draws.length; d++) {
      double m = 0;
      for (int k : columns) {
        m = Math.max(m, Math.abs(draws[d][k]) / se[k]);
      }
      max[d] = m;
    }
    return max;
  }

  private static final class Accumulate implements FlatMapFunction<Iterator<Row>, double[]> {
    private final int[] cohorts;
    private final String[] strata;
    private final int t;
    private final int b;
    private final long seed;

    Accumulate(int[] cohorts, String[] strata, int t, int b, long seed) {
      this.cohorts = cohorts;
      this.strata = strata;
      this.t = t;
      this.b = b;
      this.seed = seed;
    }

    @Override
    public Iterator<double[]> call(Iterator<Row> rows) {
      int c = cohorts.length;
      double[] acc = new double[b * c * (t + 1)];
      double[] y = new double[t];
      while (rows.hasNext()) {
        Row r = rows.next();
        int ci = DidPanel.groupIndex(cohorts, strata, r.getInt(0), r.getString(1));
        List<Object> ys = r.getList(2);
        for (int j = 0; j < t; j++) {
          y[j] = ((Number) ys.get(j)).doubleValue();
        }
        long h = clusterStream(r.getLong(3), seed);
        for (int d = 0; d < b; d++) {
          double v = multiplier(h, d);
          int base = (d * c + ci) * (t + 1);
          for (int j = 0; j < t; j++) {
            acc[base + j] += v * y[j];
          }
          acc[base + t] += v;
        }
      }
      return List.of(acc).iterator();
    }
  }
}
