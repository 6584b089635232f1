package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Puts each located row at both region levels, so one aggregation serves sido and sigungu. */
final class RegionLevels {
  private RegionLevels() {}

  /**
   * Rows with {@code region_code} (sigungu) and {@code sido_code} → one row per level where the row is
   * located, with {@code region_level} and {@code region_code}. A missing sido is read off the sigungu
   * code (its first two digits in the current vintage).
   */
  static Dataset<Row> expand(Dataset<Row> rows) {
    return rows
        .withColumn("_levels", explode(array(
            struct(lit("sigungu").as("level"), col("region_code").as("code")),
            struct(lit("sido").as("level"),
                coalesce(col("sido_code"), substring(col("region_code"), 1, 2)).as("code")))))
        .drop("region_code", "sido_code")
        .withColumn("region_level", col("_levels.level"))
        .withColumn("region_code", col("_levels.code"))
        .drop("_levels")
        .filter(col("region_code").isNotNull());
  }
}
