package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The link quality table: per source, records, linked, non-firm, unlinked, and linked by method. */
public final class LinkQuality {
  private LinkQuality() {}

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
