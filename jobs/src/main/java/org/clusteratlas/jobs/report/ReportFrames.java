package org.clusteratlas.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.clusteratlas.jobs.report.ReportColumns.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.jobs.clusters.ClusterMembership;

/**
 * The report's small aggregates, computed from the gold and silver tables: pure transforms, no I/O.
 * Each result is a few thousand rows at most, so the job may collect it.
 */
public final class ReportFrames {
  private ReportFrames() {}

  /** Rows of the sido level only: the report ranks and maps 시도. */
  static Dataset<Row> sido(Dataset<Row> clusterTable) {
    return clusterTable.filter(col(REGION_LEVEL).equalTo(SIDO_LEVEL));
  }

  /**
   * The {@code perKind} best sido × cluster pairs of every year and cluster kind by composite score,
   * with pillars, stars and the strong-cluster flag; {@code rank} 1 = best.
   */
  public static Dataset<Row> topClusters(Dataset<Row> scores, int perKind) {
    Dataset<Row> ranked = sido(scores).filter(col(COMPOSITE).isNotNull())
        .withColumn("rank", row_number().over(Window.partitionBy(YEAR, CLUSTER_KIND)
            .orderBy(col(COMPOSITE).desc(), col(REGION_CODE), col(CLUSTER_ID))))
        .filter(col("rank").leq(perKind));
    List<Column> out = new ArrayList<>(columns(YEAR, CLUSTER_KIND, "rank", REGION_CODE, CLUSTER_ID,
        CLUSTER_NAME, COMPOSITE));
    out.addAll(columns(PILLARS.toArray(String[]::new)));
    out.addAll(columns(STARS, STRONG));
    out.addAll(columns(STAR_FLAGS.toArray(String[]::new)));
    return ranked.select(out.toArray(Column[]::new)).orderBy(col(YEAR), col(CLUSTER_KIND), col("rank"));
  }

  /** Every cluster's composite score in every 시도 in the latest year: the tile map's colours. */
  public static Dataset<Row> latestSidoScores(Dataset<Row> scores) {
    Dataset<Row> sido = sido(scores);
    Dataset<Row> latest = sido.agg(max(YEAR).as("latest_year"));
    return sido.join(latest, sido.col(YEAR).equalTo(latest.col("latest_year")))
        .select(col(YEAR), col(CLUSTER_KIND), col(CLUSTER_ID), col(CLUSTER_NAME), col(REGION_CODE),
            col(COMPOSITE), col(STARS), col(RANK_NATIONAL))
        .orderBy(CLUSTER_KIND, CLUSTER_ID, REGION_CODE);
  }

  /**
   * The {@code count} best sido × cluster pairs of the latest year: the clusters whose trends are drawn.
   * Technology-field clusters are left out: they hold patents only, so their employment and R&amp;D
   * panels would stay empty.
   */
  public static Dataset<Row> trendSelection(Dataset<Row> scores, int count) {
    return latestSidoScores(scores)
        .filter(col(COMPOSITE).isNotNull().and(col(CLUSTER_KIND).notEqual(ClusterMembership.TECH_FIELD)))
        .orderBy(col(COMPOSITE).desc(), col(REGION_CODE), col(CLUSTER_KIND), col(CLUSTER_ID))
        .limit(count)
        .select(lit(SIDO_LEVEL).as(REGION_LEVEL), col(REGION_CODE), col(CLUSTER_KIND), col(CLUSTER_ID));
  }

  /**
   * Employment, R&amp;D funding (government + private, won) and fractional patent applications per year
   * of the selected clusters.
   */
  public static Dataset<Row> trends(Dataset<Row> metrics, Dataset<Row> selection) {
    Column funding = coalesce(col(RND_GOV).cast(DataTypes.DoubleType), lit(0.0))
        .plus(coalesce(col(RND_PRIVATE).cast(DataTypes.DoubleType), lit(0.0)));
    Column anyFunding = col(RND_GOV).isNotNull().or(col(RND_PRIVATE).isNotNull());
    return metrics.join(selection, scala(CLUSTER_KEY))
        .select(col(REGION_CODE), col(CLUSTER_KIND), col(CLUSTER_ID), col(CLUSTER_NAME), col(YEAR),
            col(EMPLOYMENT).cast(DataTypes.DoubleType).as(EMPLOYMENT),
            when(anyFunding, funding).as("rnd_funding"),
            col(PATENTS).cast(DataTypes.DoubleType).as(PATENTS))
        .orderBy(REGION_CODE, CLUSTER_KIND, CLUSTER_ID, YEAR);
  }

  /**
   * National event-study effects (one ATT per event time, for every program, outcome and estimator):
   * the rows of the event-time aggregation without region or cluster breakdown and without the
   * aggregation's overall summary row.
   */
  public static Dataset<Row> eventTimeEffects(Dataset<Row> effects) {
    Dataset<Row> rows = effects.filter(col(AGGREGATION).equalTo(EVENT_AGGREGATION).and(col(EVENT_TIME).isNotNull()));
    List<String> present = Arrays.asList(effects.columns());
    for (String breakdown : List.of(REGION_CODE, CLUSTER_ID)) {
      if (present.contains(breakdown)) {
        // national rows carry no region or cluster: null, or an empty key value
        rows = rows.filter(col(breakdown).isNull().or(col(breakdown).equalTo("")));
      }
    }
    // one line per estimator: Callaway & Sant'Anna's headline variant (never-treated controls, varying base)
    if (present.contains("control_group") && present.contains("base_period")) {
      rows = rows.filter(col(ESTIMATOR).notEqual("callaway_santanna")
          .or(col("control_group").equalTo("never").and(col("base_period").equalTo("varying"))));
    }
    // the pre-tests came later than the first warehouses: absent there, and null on non-CS rows
    Function<String, Column> optional = c -> present.contains(c) ? col(c) : lit(null).cast(DataTypes.DoubleType).as(c);
    return rows.select(col(PROGRAM), col(OUTCOME), col(ESTIMATOR), col(EVENT_TIME).cast(DataTypes.IntegerType).as(EVENT_TIME),
            col(ATT), col(CI_LOW), col(CI_HIGH), col(N_TREATED), col(N_CONTROL), optional.apply(PRETEST_P),
            optional.apply(PRETEST_EARLY_P))
        .orderBy(PROGRAM, OUTCOME, ESTIMATOR, EVENT_TIME);
  }

  /**
   * Link quality per source: records, records linked to a firm, non-firm organisations, unlinked
   * records, linked records by method, the link rate among records that are not non-firms, and the
   * mean and minimum match probability of model links.
   */
  public static Dataset<Row> linkQuality(Dataset<Row> entityLink) {
    Column linked = col(FIRM_ID).isNotNull();
    Column nonFirm = col(METHOD).equalTo(NON_FIRM);
    Column model = col(METHOD).equalTo(MODEL).and(linked);
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(when(linked, 1L).otherwise(0L)).as("linked"));
    aggs.add(sum(when(nonFirm, 1L).otherwise(0L)).as(NON_FIRM));
    aggs.add(sum(when(linked.or(nonFirm), 0L).otherwise(1L)).as("unlinked"));
    for (String m : LINK_METHODS) {
      aggs.add(sum(when(col(METHOD).equalTo(m).and(linked), 1L).otherwise(0L)).as(m));
    }
    aggs.add(avg(when(model, col(MATCH_PROBABILITY))).as("model_probability_mean"));
    aggs.add(min(when(model, col(MATCH_PROBABILITY))).as("model_probability_min"));
    Dataset<Row> bySource = entityLink.groupBy(SOURCE)
        .agg(count(lit(1)).as("records"), aggs.toArray(Column[]::new));
    Column firmRecords = col("records").minus(col(NON_FIRM));
    return bySource.withColumn("link_rate",
            when(firmRecords.gt(0), col("linked").cast(DataTypes.DoubleType).divide(firmRecords)))
        .orderBy(SOURCE);
  }

  private static List<Column> columns(String... names) {
    return Arrays.stream(names).map(n -> col(n)).toList();
  }

  private static scala.collection.immutable.Seq<String> scala(List<String> names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(names).toList();
  }
}
