package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.jobs.did.DidPanel;

/**
 * The support programs' own figure: the average change of treated firms' outcome from the year before
 * treatment (g−1) to year g+e, with no comparison group. Reported per event time and pooled over all
 * post-treatment firm-years, so it can be shown beside the counterfactual estimate it overstates when
 * better or already-growing firms are selected.
 */
public final class NaiveBeforeAfter {
  private NaiveBeforeAfter() {}

  /** Columns event_time (null on the pooled row), firms, att, se (= sd / √observations). */
  public static Dataset<Row> estimate(Dataset<Row> panel) {
    Dataset<Row> treated = panel.filter(col(DidPanel.COHORT).gt(0).and(col(DidPanel.Y).isNotNull()));
    Dataset<Row> before = treated.filter(col(DidPanel.TIME).equalTo(col(DidPanel.COHORT).minus(1)))
        .select(col(DidPanel.UNIT), col(DidPanel.Y).as("y_before"));
    Dataset<Row> changes = treated.filter(col(DidPanel.TIME).geq(col(DidPanel.COHORT)))
        .join(before, DidPanel.UNIT)
        .select(col(DidPanel.UNIT), col(DidPanel.TIME).minus(col(DidPanel.COHORT)).as("event_time"),
            col(DidPanel.Y).minus(col("y_before")).as("change"))
        .cache();
    Dataset<Row> byEvent = changes.groupBy("event_time").agg(count(lit(1)).as("n"),
        countDistinct(DidPanel.UNIT).as("firms"), avg("change").as("att"), stddev_samp("change").as("sd"));
    Dataset<Row> pooled = changes.agg(count(lit(1)).as("n"), countDistinct(DidPanel.UNIT).as("firms"),
            avg("change").as("att"), stddev_samp("change").as("sd"))
        .select(lit(null).cast("int").as("event_time"), col("n"), col("firms"), col("att"), col("sd"));
    return byEvent.unionByName(pooled)
        .select(col("event_time"), col("firms"), col("att"),
            col("sd").divide(org.apache.spark.sql.functions.sqrt(col("n"))).as("se"));
  }
}
