package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code gold.tech_specialization}: fractional applications per year, region and WIPO field, by
 * inventor region (OECD's headline basis: where the invention was made) and by applicant region (the
 * owners' view), each with its RTA.
 */
public final class TechSpecialization {
  private TechSpecialization() {}

  public static Dataset<Row> compute(Dataset<Row> patent, Dataset<Row> patentParty) {
    Dataset<Row> fields = PatentCounts.fields(patent, PatentCounts.concordance(patent.sparkSession()));
    Dataset<Row> inventor = byField(patent, patentParty, fields, PatentCounts.INVENTOR);
    Dataset<Row> applicant = byField(patent, patentParty, fields, PatentCounts.APPLICANT);
    List<String> key = List.of("year", "region_level", "region_code", "field_id");
    Dataset<Row> joined = inventor.join(applicant, Joins.seq(key), "full_outer")
        .join(PatentCounts.fieldNames(patent.sparkSession()), "field_id");
    return Warehouse.conform(joined
        .withColumn("patents_inventor", Joins.zeroIfNull(col("patents_inventor")))
        .withColumn("patents_applicant", Joins.zeroIfNull(col("patents_applicant"))),
        GoldClusters.TECH_SPECIALIZATION);
  }

  /** Fractional patents and RTA of one basis, named {@code patents_<role>} and {@code rta_<role>}. */
  private static Dataset<Row> byField(Dataset<Row> patent, Dataset<Row> party, Dataset<Row> fields, String role) {
    Dataset<Row> counts = PatentCounts.locatedParties(party, role)
        .join(patent.select("application_number", "application_year"), "application_number")
        .join(fields, "application_number")
        .groupBy(col("application_year").as("year"), col("region_level"), col("region_code"), col("field_id"))
        .agg(sum(col("weight").cast("double").multiply(col("field_share").cast("double")).cast(PatentCounts.EXACT)).as("p"));
    return counts
        .withColumn("rta", rta(col("p"), List.of("year", "region_level", "region_code"),
            List.of("year", "region_level", "field_id"), List.of("year", "region_level")))
        .select(col("year"), col("region_level"), col("region_code"), col("field_id"),
            col("p").cast("double").as("patents_" + role), col("rta").as("rta_" + role));
  }

  /**
   * Balassa index (x_rc / x_r) / (X_c / X) over windows: {@code region} partitions give x_r,
   * {@code category} partitions X_c, {@code total} partitions X.
   */
  static Column rta(Column x, List<String> region, List<String> category, List<String> total) {
    Column xr = sum(x).over(Window.partitionBy(region.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))).cast("double");
    Column xc = sum(x).over(Window.partitionBy(category.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))).cast("double");
    Column xt = sum(x).over(Window.partitionBy(total.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))).cast("double");
    return try_divide(try_divide(x.cast("double"), xr), try_divide(xc, xt));
  }

}
