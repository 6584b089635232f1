package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.clusteratlas.jobs.did.DidPanel;

/**
 * Matched difference-in-differences: each treated firm (cohort g) is paired with the not-yet-treated firm of
 * the same home region, KSIC division and size band in year g−1 whose outcome growth from g−2 to g−1 is
 * closest (nearest neighbour, with replacement; ties broken by firm id). The effect at event time e is the
 * mean over pairs of the treated firm's change from g−1 to g+e minus its match's, using a pair only while
 * the match is still untreated. The standard error treats pairs as independent (sd/√pairs); it ignores the
 * matching step, as the research notes warn for matching estimators.
 */
public final class MatchedDid {
  private MatchedDid() {}

  /** Employment size bands of the year before treatment. */
  static Column sizeBand(Column employment) {
    return when(employment.lt(10), "1-9").when(employment.lt(50), "10-49").when(employment.lt(300), "50-299")
        .when(employment.geq(300), "300+");
  }

  /** Input: {@link FirmPanel#estimationPanel} rows. Output: event_time (null = pooled), firms, att, se. */
  public static Dataset<Row> estimate(Dataset<Row> panel) {
    Dataset<Row> p = panel.filter(col(DidPanel.Y).isNotNull());
    Dataset<Row> lag = p.select(col(DidPanel.UNIT), col(DidPanel.TIME).plus(1).as(DidPanel.TIME),
        col(DidPanel.Y).as("y_lag"));
    // attributes per firm and year t = g−1: region, industry, size band, growth (t−1 → t)
    Dataset<Row> attrs = p.join(lag, new String[] {DidPanel.UNIT, DidPanel.TIME})
        .select(col(DidPanel.UNIT), col(DidPanel.TIME), col(DidPanel.COHORT), col("home_sido"), col("home_division"),
            sizeBand(col("employment")).as("band"), col(DidPanel.Y).minus(col("y_lag")).as("growth"))
        .filter(col("band").isNotNull().and(col("home_sido").isNotNull()).and(col("home_division").isNotNull()));
    Dataset<Row> treated = attrs.filter(col(DidPanel.COHORT).equalTo(col(DidPanel.TIME).plus(1)))
        .select(col(DidPanel.UNIT).as("treated"), col(DidPanel.TIME).as("pre"), col("home_sido"),
            col("home_division"), col("band"), col("growth").as("g_treated"));
    Dataset<Row> pool = attrs.filter(col(DidPanel.COHORT).equalTo(0).or(col(DidPanel.COHORT).gt(col(DidPanel.TIME).plus(1))))
        .select(col(DidPanel.UNIT).as("match"), col(DidPanel.TIME).as("pre"), col("home_sido"), col("home_division"),
            col("band"), col("growth").as("g_match"), col(DidPanel.COHORT).as("match_cohort"));
    Dataset<Row> pairs = treated.join(pool, new String[] {"pre", "home_sido", "home_division", "band"})
        .withColumn("rank", row_number().over(Window.partitionBy("treated")
            .orderBy(abs(col("g_treated").minus(col("g_match"))), col("match"))))
        .filter(col("rank").equalTo(1))
        .select("treated", "match", "pre", "match_cohort");
    Dataset<Row> y = p.select(col(DidPanel.UNIT), col(DidPanel.TIME), col(DidPanel.Y));
    Dataset<Row> yi = y.toDF("treated", "t", "yi");
    Dataset<Row> yj = y.toDF("match", "t", "yj");
    Dataset<Row> yi0 = y.toDF("treated", "pre", "yi0");
    Dataset<Row> yj0 = y.toDF("match", "pre", "yj0");
    Dataset<Row> diffs = pairs.join(yi0, new String[] {"treated", "pre"}).join(yj0, new String[] {"match", "pre"})
        .join(yi, "treated").filter(col("t").gt(col("pre")))
        .join(yj, new String[] {"match", "t"})
        .filter(col("match_cohort").equalTo(0).or(col("match_cohort").gt(col("t"))))
        .select(col("treated"), col("t").minus(col("pre")).minus(1).as("event_time"),
            col("yi").minus(col("yi0")).minus(col("yj").minus(col("yj0"))).as("did"))
        .cache();
    Dataset<Row> byEvent = diffs.groupBy("event_time").agg(count(lit(1)).as("n"),
        countDistinct("treated").as("firms"), avg("did").as("att"), stddev_samp("did").as("sd"));
    Dataset<Row> pooled = diffs.agg(count(lit(1)).as("n"), countDistinct("treated").as("firms"),
        avg("did").as("att"), stddev_samp("did").as("sd"))
        .select(lit(null).cast("int").as("event_time"), col("n"), col("firms"), col("att"), col("sd"));
    return byEvent.unionByName(pooled).select(col("event_time"), col("firms"), col("att"),
        col("sd").divide(sqrt(col("n"))).as("se"));
  }
}
