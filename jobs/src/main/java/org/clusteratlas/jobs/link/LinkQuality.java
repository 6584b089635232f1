package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Views of link quality computed from {@code silver.entity_link}: the per-source table the link stage
 * prints, and the summary the serving snapshot carries.
 */
public final class LinkQuality {
  private LinkQuality() {}

  /** Match-probability bins of {@link #summary} over [0, 1] (width 0.025). */
  public static final int PROBABILITY_BINS = 40;

  /**
   * {@code silver.entity_link_summary}: records counted by source, organisation kind, method, linked or
   * not, and (for model and review links) match-probability bin. Everything the link-quality notebook
   * shows, in a few hundred rows whatever the number of records.
   */
  public static Dataset<Row> summary(Dataset<Row> entityLink) {
    Column scored = col("method").isin("model", "review").and(col("match_probability").isNotNull());
    // p = 1 falls in the last bin, not a bin of its own; dividing the bin index keeps the edges exact
    Column bin = least(floor(col("match_probability").multiply(PROBABILITY_BINS)), lit(PROBABILITY_BINS - 1))
        .divide(PROBABILITY_BINS);
    return entityLink
        .select(col("source"), col("org_kind"), col("method"), col("firm_id").isNotNull().as("linked"),
            when(scored, bin).as("probability_bin"))
        .groupBy("source", "org_kind", "method", "linked", "probability_bin")
        .agg(count(lit(1)).as("records"));
  }

  public static final String[] METHODS = {"crn_exact", "brn_exact", "model", "review"};

  public static Dataset<Row> table(Dataset<Row> entityLink) {
    Column[] aggs = new Column[4 + METHODS.length];
    aggs[0] = count(lit(1)).as("records");
    aggs[1] = sum(when(col("firm_id").isNotNull(), 1).otherwise(0)).as("linked");
    aggs[2] = sum(when(col("method").equalTo("non_firm"), 1).otherwise(0)).as("non_firm");
    aggs[3] = sum(when(col("firm_id").isNull().and(col("method").notEqual("non_firm")), 1).otherwise(0))
        .as("unlinked");
    for (int i = 0; i < METHODS.length; i++) {
      aggs[4 + i] = sum(when(col("method").equalTo(METHODS[i]).and(col("firm_id").isNotNull()), 1).otherwise(0))
          .as(METHODS[i]);
    }
    return entityLink.groupBy("source").agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length))
        .orderBy("source");
  }
}
