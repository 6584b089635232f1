package org.clusteratlas.jobs.did;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Sufficient statistics of the unconditional estimator, one set per cohort (never-treated included):
 * the count N_c, the sums Σ Y_t and the cross-products Σ Y_s·Y_t of the (first-period shifted) outcome
 * vectors. Every ATT(g,t), every influence function's variance and covariance, and every aggregation is a
 * function of these, so the panel itself never leaves the executors. With a cluster variable, the counts and
 * sums per (cluster, cohort) are kept too, for the cluster-robust variance.
 */
public final class CohortMoments {
  final int[] cohorts;
  final int periods;
  final double[] count;
  final double[][] sum;
  final double[][][] cross;
  /** Per cluster: count and sums per cohort index (null when not clustered). */
  final List<double[][]> clusterSums;

  private CohortMoments(int[] cohorts, int periods, double[] count, double[][] sum, double[][][] cross,
      List<double[][]> clusterSums) {
    this.cohorts = cohorts;
    this.periods = periods;
    this.count = count;
    this.sum = sum;
    this.cross = cross;
    this.clusterSums = clusterSums;
  }

  public int index(int cohort) {
    return Arrays.binarySearch(cohorts, cohort);
  }

  /** One aggregation over the prepared units (and one more per cluster and cohort when clustered). */
  public static CohortMoments of(DidPanel.Prepared panel) {
    int t = panel.periods().length;
    int[] cohorts = panel.allCohorts();
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
    for (Row r : panel.units().groupBy(DidPanel.COHORT)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList()) {
      int c = Arrays.binarySearch(cohorts, r.getInt(0));
      count[c] = r.getLong(1);
      int pos = 2;
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
      for (Row r : panel.units().groupBy(DidPanel.CLUSTER, DidPanel.COHORT)
          .agg(count(lit(1)), cs.toArray(Column[]::new)).collectAsList()) {
        double[][] s = byCluster.computeIfAbsent(r.getString(0), k -> new double[cohorts.length][t + 1]);
        int c = Arrays.binarySearch(cohorts, r.getInt(1));
        s[c][t] = r.getLong(2);
        for (int j = 0; j < t; j++) {
          s[c][j] = r.getDouble(3 + j);
        }
      }
      clusterSums = new ArrayList<>(byCluster.values());
    }
    return new CohortMoments(cohorts, t, count, sum, cross, clusterSums);
  }

  private static Column y(int j) {
    return col(DidPanel.YS).getItem(j);
  }
}
