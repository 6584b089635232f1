package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.jobs.UserError;

/**
 * Clerical decisions on review pairs, as a CSV with header {@code source,unit_id,crn,decision}
 * ({@code decision}: accept | reject); the first three columns are copied from silver.link_review. An
 * accepted pair links every record of the unit to that firm (method {@code review}); a rejected pair is
 * never proposed again for that unit, and the unit is decided anew from its other candidates.
 */
public final class ReviewDecisions {
  private ReviewDecisions() {}

  public static final StructType SCHEMA = new StructType()
      .add("source", DataTypes.StringType)
      .add("unit_id", DataTypes.StringType)
      .add("crn", DataTypes.StringType)
      .add("decision", DataTypes.StringType);

  public static Dataset<Row> read(SparkSession spark, String path) {
    Dataset<Row> raw;
    try {
      raw = spark.read().option("header", "true").schema(SCHEMA).option("mode", "FAILFAST").csv(path);
    } catch (RuntimeException e) {
      throw new UserError("cannot read review decisions " + path + ": " + e.getMessage());
    }
    Dataset<Row> d = raw.select(trim(col("source")).as("source"), trim(col("unit_id")).as("unit_id"),
        regexp_replace(col("crn"), "[^0-9]", "").as("crn"), lower(trim(col("decision"))).as("decision"));
    List<Row> bad = d.filter(col("decision").isin("accept", "reject").unary_$bang()
        .or(col("unit_id").isNull()).or(col("crn").rlike("^\\d{13}$").unary_$bang())).limit(1).collectAsList();
    if (!bad.isEmpty()) {
      throw new UserError("review decisions " + path + ": each row needs source, unit_id, a 13-digit crn and "
          + "decision accept|reject; first bad row: " + bad.get(0).mkString(","));
    }
    return d;
  }
}
