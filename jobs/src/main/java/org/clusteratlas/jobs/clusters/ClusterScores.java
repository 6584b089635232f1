package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code gold.cluster_scores} from {@code gold.cluster_metrics}: six pillar scores, each the mean of
 * its metrics standardised (z-score, clipped to ±3) within year × region level × cluster kind; a
 * weighted composite; ranks; the US CMP strong-cluster flag (without cells held by one employer) and
 * the European Observatory stars computed within each cluster, year and level. Means and variances
 * are summed as exact decimals so the scores do not depend on row order or partitioning.
 */
public final class ClusterScores {
  private ClusterScores() {}

  /** Bump when a formula, a metric list or a threshold changes. */
  public static final String METHOD = "clusters-1.3";

  /**
   * A cell where one employer holds this share of the employment or more is that firm's plant or sites,
   * not an agglomeration of firms: its LQ records where one firm chose to locate. The CMP rule never
   * meets such cells (County Business Patterns withholds cells that would disclose an employer; NPS
   * reports every workplace). A cluster grown around an anchor (a shipyard town, a chip campus with its
   * suppliers) keeps a fifth or more of its jobs at other employers and stays a cluster. In
   * clusters-1.2 the bar was an employer Herfindahl of 0.9, about 95% at one employer.
   */
  static final double ANCHOR_SHARE = 0.8;

  private static final double CLIP = 3.0;
  private static final org.apache.spark.sql.types.DecimalType EXACT =
      org.apache.spark.sql.types.DataTypes.createDecimalType(38, 12);

  /** The standardised metrics of each pillar (sizes on a log scale so a few giants do not dominate). */
  static Map<String, List<Column>> pillarMetrics() {
    Map<String, List<Column>> m = new LinkedHashMap<>();
    m.put("size", List.of(log1p(col("employment")), log1p(col("establishments")), log1p(col("firms")),
        log1p(col("revenue").divide(1e6)), col("employment_share_national")));
    m.put("specialisation", List.of(positiveLog(col("lq")), positiveLog(col("establishment_lq")), col("focus"),
        positiveLog(col("patent_rta")), logDownToZero(lqBeyondLargestEmployer())));
    m.put("innovation_input", recent(
        log1p(col("rnd_gov_funding").plus(col("rnd_private_funding")).cast("double").divide(1e6)),
        log1p(col("rnd_projects")), log1p(col("rnd_funding_per_employee").divide(1e3))));
    m.put("innovation_output", recent(log1p(col("patent_applications")), log1p(col("patent_grants")),
        log1p(col("patents_per_10k_employees"))));
    m.put("collaboration", recent(col("rnd_triple_helix_share"), log1p(col("rnd_partner_orgs")),
        col("rnd_partner_outside_share")));
    m.put("dynamics", List.of(col("employment_cagr_3y"), col("revenue_cagr_3y"), col("hire_rate"),
        log1p(col("firm_births"))));
    return m;
  }

  /** Years averaged by the innovation and collaboration pillars: the year and the two before it. */
  static final int RECENT_YEARS = 3;

  /**
   * Each metric as the mean over the cluster's rows of the last {@value #RECENT_YEARS} years. Grants
   * and patents in one region × industry cell come in lumps (a cell funded in 2023 and 2024 has nothing
   * in 2025), so an annual figure would rank a cluster by the luck of the year; the metrics in
   * gold.cluster_metrics stay annual.
   */
  private static List<Column> recent(Column... metrics) {
    WindowSpec trailing = Window.partitionBy("region_level", "region_code", "cluster_kind", "cluster_id")
        .orderBy("year").rangeBetween(-(RECENT_YEARS - 1), 0);
    return java.util.Arrays.stream(metrics).map(m -> avg(m).over(trailing)).toList();
  }

  /** The method version the rows carry: method, weights and custom-cluster file. */
  public static String methodVersion(ScoreWeights weights, CustomClusters custom) {
    return METHOD + " weights:" + Integer.toHexString(weights.describe().hashCode()) + " custom:" + custom.version();
  }

  public static Dataset<Row> score(Dataset<Row> metrics, ScoreWeights weights, String methodVersion) {
    WindowSpec peers = Window.partitionBy("year", "region_level", "cluster_kind");
    // three projections instead of a column at a time: long withColumn chains make analysis slow
    List<Column> values = new ArrayList<>(List.of(col("*")));
    List<Column> means = new ArrayList<>(List.of(col("*")));
    List<Column> zs = new ArrayList<>(List.of(col("*")));
    List<Column> pillars = new ArrayList<>(List.of(col("*")));
    Column weighted = lit(0.0);
    Column weightOfPresent = lit(0.0);
    for (Map.Entry<String, List<Column>> pillar : pillarMetrics().entrySet()) {
      List<Column> metricsOfPillar = pillar.getValue();
      Column zSum = lit(0.0);
      Column zCount = lit(0);
      for (int i = 0; i < metricsOfPillar.size(); i++) {
        String x = "_x_" + pillar.getKey() + "_" + i;
        values.add(metricsOfPillar.get(i).cast("double").as(x));
        Column n = count(finite(x)).over(peers).cast("double");
        means.add(n.as(x + "_n"));
        means.add(try_divide(sum(finite(x).cast(EXACT)).over(peers).cast("double"), n).as(x + "_mean"));
        zs.add(standardised(x, peers).as(x + "_z"));
        zSum = zSum.plus(coalesce(col(x + "_z"), lit(0.0)));
        zCount = zCount.plus(when(col(x + "_z").isNotNull(), 1).otherwise(0));
      }
      String name = "score_" + pillar.getKey();
      pillars.add(try_divide(zSum, zCount.cast("double")).as(name));
      double w = weights.weight(pillar.getKey());
      weighted = weighted.plus(coalesce(col(name).multiply(w), lit(0.0)));
      weightOfPresent = weightOfPresent.plus(when(col(name).isNotNull(), lit(w)).otherwise(lit(0.0)));
    }
    Dataset<Row> out = metrics.select(values.toArray(Column[]::new)).select(means.toArray(Column[]::new))
        .select(zs.toArray(Column[]::new)).select(pillars.toArray(Column[]::new))
        .withColumn("composite", try_divide(weighted, weightOfPresent));

    WindowSpec cluster = Window.partitionBy("year", "region_level", "cluster_kind", "cluster_id");
    Column hasJobs = col("employment").gt(0);
    Column byComposite = col("composite").desc_nulls_last();
    out = out
        .withColumn("rank_national", when(col("composite").isNotNull(),
            rank().over(cluster.orderBy(byComposite))))
        .withColumn("rank_in_kind", when(col("composite").isNotNull(), rank().over(peers.orderBy(byComposite))))
        // CMP and ECO thresholds: exact percentiles over the cluster's regions with employment
        .withColumn("lq_p75", percentile(when(hasJobs, col("lq")), lit(0.75)).over(cluster))
        .withColumn("employment_p25", percentile(when(hasJobs, col("employment")), lit(0.25)).over(cluster))
        .withColumn("establishments_p25", percentile(when(hasJobs, col("establishments")), lit(0.25)).over(cluster))
        .withColumn("_employment_p90", percentile(when(hasJobs, col("employment")), lit(0.9)).over(cluster))
        .withColumn("_focus_p90", percentile(when(hasJobs, col("focus")), lit(0.9)).over(cluster));
    Column measured = col("employment").isNotNull();
    out = out
        .withColumn("anchor_dominated",
            when(measured, coalesce(col("largest_employer_share").geq(ANCHOR_SHARE), lit(false))))
        .withColumn("strong_cluster", when(measured, coalesce(hasJobs
            .and(col("lq").geq(col("lq_p75"))).and(col("lq").geq(1.0))
            .and(col("employment").gt(col("employment_p25")))
            .and(col("establishments").gt(col("establishments_p25")))
            .and(not(col("anchor_dominated"))), lit(false))))
        .withColumn("star_size", when(measured, coalesce(hasJobs.and(col("employment").geq(col("_employment_p90"))), lit(false))))
        .withColumn("star_specialisation", when(measured, coalesce(hasJobs.and(col("lq").geq(2.0)), lit(false))))
        .withColumn("star_focus", when(measured, coalesce(hasJobs.and(col("focus").geq(col("_focus_p90"))), lit(false))))
        .withColumn("stars", when(measured, star("star_size").plus(star("star_specialisation")).plus(star("star_focus"))))
        .withColumn("method_version", lit(methodVersion))
        .withColumn("weights", lit(weights.describe()));
    return Warehouse.conform(out, GoldClusters.CLUSTER_SCORES);
  }

  /**
   * The LQ the cell would have without its largest employer, LQ · (1 − largest employer's share): how
   * specialised the place is beyond one firm's location choice. A cluster grown around an anchor keeps
   * much of it (its suppliers are there too); one plant among a few small neighbours keeps little. It
   * enters the specialisation pillar on a log scale, as the LQ does.
   */
  private static Column lqBeyondLargestEmployer() {
    return col("lq").multiply(lit(1.0).minus(col("largest_employer_share")));
  }

  private static Column star(String flag) {
    return when(col(flag), 1).otherwise(0);
  }

  private static Column positiveLog(Column x) {
    return when(x.gt(0), log(x));
  }

  /**
   * ln x, and −∞ at 0: a cell that is all one employer has no specialisation beyond it and sits below
   * every peer (standardised to the floor) rather than dropping out of the pillar's mean, which would
   * score it above a cell at 99%.
   */
  private static Column logDownToZero(Column x) {
    return when(x.equalTo(0), lit(Double.NEGATIVE_INFINITY)).otherwise(positiveLog(x));
  }

  /** The metric where it is finite: −∞ takes no part in the peers' mean and variance. */
  private static Column finite(String x) {
    return when(col(x).notEqual(lit(Double.NEGATIVE_INFINITY)), col(x));
  }

  /**
   * z = (x − mean) / sd within the peers (sample sd), clipped to ±3; 0 when every peer has the same
   * value; −3 for −∞. Mean and variance come from exact decimal sums, so row order cannot change them.
   */
  private static Column standardised(String x, WindowSpec peers) {
    Column deviation = finite(x).minus(col(x + "_mean"));
    Column variance = try_divide(sum(deviation.multiply(deviation).cast(EXACT)).over(peers).cast("double"),
        col(x + "_n").minus(1));
    Column sd = sqrt(variance);
    Column z = when(sd.gt(0), try_divide(deviation, sd)).otherwise(lit(0.0));
    return when(col(x).equalTo(lit(Double.NEGATIVE_INFINITY)), lit(-CLIP))
        .when(col(x).isNotNull(), greatest(lit(-CLIP), least(lit(CLIP), z)));
  }
}
