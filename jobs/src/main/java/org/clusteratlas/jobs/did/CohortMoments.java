package org.clusteratlas.jobs.did;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Sufficient statistics of the estimator, one set per group of units, a group being a cohort (never-treated
 * included) or, in a stratified panel, a (cohort, stratum): the count N_c, the sums Σ Y_t and the
 * cross-products Σ Y_s·Y_t of the (first-period shifted) outcome vectors. Every ATT(g,t), every influence
 * function's variance and covariance, and every aggregation is a function of these, so the panel itself never
 * leaves the executors. With a cluster variable, the counts and sums per (cluster, group) are kept too, for
 * the cluster-robust variance.
 */
public final class CohortMoments {
  /** Cohort and stratum of each group, in the prepared panel's group order. */
  final int[] cohorts;
  final String[] strata;
  final int periods;
  final double[] count;
  final double[][] sum;
  final double[][][] cross;
  /** Per cluster: count and sums per cohort index (null when not clustered). */
  final List<double[][]> clusterSums;

  private CohortMoments(int[] cohorts, String[] strata, int periods, double[] count, double[][] sum,
      double[][][] cross, List<double[][]> clusterSums) {
    this.cohorts = cohorts;
    this.strata = strata;
    this.periods = periods;
    this.count = count;
    this.sum = sum;
    this.cross = cross;
    this.clusterSums = clusterSums;
  }

  /** Number of groups. */
  public int groups() {
    return cohorts.length;
  }

  /** One aggregation over the prepared units (and one more per cluster and group when clustered). */
  public static CohortMoments of(DidPanel.Prepared panel) {
    int t = panel.periods().length;
    int[] cohorts = panel.groupCohorts();
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("n"));
    for (int j = 0; j < t; j++) {
      aggs.add(sum(y(j)).as("s" + j));
    }
    for (int j = 0; j < t; j++) {
      for (int k = j; k < t; k++) {
        aggs.add(sum(y(j).multiply(y(k))).as("c" + j + "_" + k));
      }
    }
    double[] count = new double[cohorts.length];
    double[][] sum = new double[cohorts.length][t];
    double[][][] cross = new double[cohorts.length][t][t];
    for (Row r : panel.units().groupBy(DidPanel.COHORT, DidPanel.STRATUM)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList()) {
      int c = panel.group(r.getInt(0), r.getString(1));
      count[c] = r.getLong(2);
      int pos = 3;
      for (int j = 0; j < t; j++) {
        sum[c][j] = r.getDouble(pos++);
      }
      for (int j = 0; j < t; j++) {
        for (int k = j; k < t; k++) {
          cross[c][j][k] = r.getDouble(pos);
          cross[c][k][j] = r.getDouble(pos++);
        }
      }
    }
    List<double[][]> clusterSums = null;
    if (panel.clustered()) {
      List<Column> cs = new ArrayList<>();
      for (int j = 0; j < t; j++) {
        cs.add(sum(y(j)).as("s" + j));
      }
      Map<String, double[][]> byCluster = new HashMap<>();
      for (Row r : panel.units().groupBy(DidPanel.CLUSTER, DidPanel.COHORT, DidPanel.STRATUM)
          .agg(count(lit(1)), cs.toArray(Column[]::new)).collectAsList()) {
        double[][] s = byCluster.computeIfAbsent(r.getString(0), k -> new double[cohorts.length][t + 1]);
        int c = panel.group(r.getInt(1), r.getString(2));
        s[c][t] = r.getLong(3);
        for (int j = 0; j < t; j++) {
          s[c][j] = r.getDouble(4 + j);
        }
      }
      clusterSums = new ArrayList<>(byCluster.values());
    }
    return new CohortMoments(cohorts, panel.groupStrata(), t, count, sum, cross, clusterSums);
  }

  private static Column y(int j) {
    return col(DidPanel.YS).getItem(j);
  }
}
