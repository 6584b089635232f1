package org.clusteratlas.jobs.did;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

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
    // the panel's units are one cell's: grouped as one
    return reduce(panel.units(), lit(""), Map.of("", panel)).get("");
  }

  /**
   * The moments of every prepared cell ({@link DidPanel#prepareCells}) from one aggregation over their
   * common unit table, grouped by cell as well (and one more per cluster when clustered).
   */
  static Map<String, CohortMoments> ofCells(Dataset<Row> units, Map<String, DidPanel.Prepared> cells) {
    return reduce(units, col(DidPanel.CELL), cells);
  }

  private static Map<String, CohortMoments> reduce(Dataset<Row> units, Column cell, Map<String, DidPanel.Prepared> cells) {
    // cells may keep different numbers of periods: sums up to the widest, each cell reads its own
    int width = cells.values().stream().mapToInt(p -> p.periods().length).max().orElse(0);
    boolean clustered = cells.values().stream().anyMatch(DidPanel.Prepared::clustered);
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("n"));
    for (int j = 0; j < width; j++) {
      aggs.add(sum(y(j)).as("s" + j));
    }
    for (int j = 0; j < width; j++) {
      for (int k = j; k < width; k++) {
        aggs.add(sum(y(j).multiply(y(k))).as("c" + j + "_" + k));
      }
    }
    Map<String, CohortMoments> out = new LinkedHashMap<>();
    cells.forEach((name, p) -> {
      int t = p.periods().length;
      int groups = p.groups();
      out.put(name, new CohortMoments(p.groupCohorts(), p.groupStrata(), t, new double[groups], new double[groups][t],
          new double[groups][t][t], p.clustered() ? new ArrayList<>() : null));
    });
    for (Row r : units.groupBy(cell.as("cell_key"), col(DidPanel.COHORT), col(DidPanel.STRATUM))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList()) {
      DidPanel.Prepared p = cells.get(r.getString(0));
      CohortMoments m = out.get(r.getString(0));
      if (p == null) {
        continue;
      }
      int c = p.group(r.getInt(1), r.getString(2));
      m.count[c] = r.getLong(3);
      for (int j = 0; j < m.periods; j++) {
        m.sum[c][j] = r.getDouble(r.fieldIndex("s" + j));
      }
      for (int j = 0; j < m.periods; j++) {
        for (int k = j; k < m.periods; k++) {
          m.cross[c][j][k] = r.getDouble(r.fieldIndex("c" + j + "_" + k));
          m.cross[c][k][j] = m.cross[c][j][k];
        }
      }
    }
    if (clustered) {
      List<Column> cs = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        cs.add(sum(y(j)).as("s" + j));
      }
      Map<String, Map<String, double[][]>> byCluster = new HashMap<>();
      for (Row r : units.groupBy(cell.as("cell_key"), col(DidPanel.CLUSTER), col(DidPanel.COHORT), col(DidPanel.STRATUM))
          .agg(count(lit(1)), cs.toArray(Column[]::new)).collectAsList()) {
        DidPanel.Prepared p = cells.get(r.getString(0));
        if (p == null) { // a cell not asked for (all cells of one call are clustered alike)
          continue;
        }
        int t = p.periods().length;
        double[][] s = byCluster.computeIfAbsent(r.getString(0), k -> new HashMap<>())
            .computeIfAbsent(r.getString(1), k -> new double[p.groups()][t + 1]);
        int c = p.group(r.getInt(2), r.getString(3));
        s[c][t] = r.getLong(4);
        for (int j = 0; j < t; j++) {
          s[c][j] = r.getDouble(5 + j);
        }
      }
      byCluster.forEach((name, sums) -> out.get(name).clusterSums.addAll(sums.values()));
    }
    return out;
  }

  /** Outcome j of a unit: null past the end of a cell that keeps fewer periods than the widest. */
  private static Column y(int j) {
    return functions.get(col(DidPanel.YS), lit(j));
  }
}
