package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * silver.establishment_year + bronze.financials + silver.firm → silver.firm_year.
 *
 * <p>A firm has a row for every year in which NPS lists one of its workplaces or it filed financials,
 * within its life (founding year to closing year). Employment is the sum of its workplaces' annual mean
 * headcounts when NPS has a registered workplace that year, otherwise the 종업원수 of its financials
 * ({@code employment_source} says which). The head-office region of a year is the region of its largest
 * workplace that year, else the registry's. Financials are one statement per firm-year: the separate
 * statement over the consolidated one (it covers the same legal entity as the NPS workplaces), then the
 * latest file, then the first row.
 */
public final class FirmYears {
  private FirmYears() {}

  /** bronze.financials reduced to one statement per (crn, fiscal_year). */
  static Dataset<Row> statements(Dataset<Row> financials) {
    Column preference = when(col("statement_type").equalTo("separate"), 0)
        .when(col("statement_type").equalTo("consolidated"), 1).otherwise(2);
    return financials
        .withColumn("_pick", row_number().over(Window.partitionBy(col("crn"), col("fiscal_year"))
            .orderBy(preference, col("source_file").desc(), col("row_number"))))
        .filter(col("_pick").equalTo(1))
        .select(col("crn").as("firm_id"), col("fiscal_year").as("year"), col("revenue"), col("operating_profit"),
            col("total_assets"), col("employees"));
  }

  public static Dataset<Row> build(Dataset<Row> establishmentYears, Dataset<Row> financials, Dataset<Row> firms) {
    Column reporting = col("months_reported").gt(0);
    Dataset<Row> nps = establishmentYears.filter(col("firm_id").isNotNull())
        .groupBy("firm_id", "year")
        .agg(count(when(reporting, lit(1))).cast("int").as("establishments"),
            sum(when(reporting, col("employment"))).as("nps_employment"),
            sum(col("hires")).as("hires"),
            sum(col("leavers")).as("leavers"),
            sum(col("wage_bill")).as("wage_bill"),
            // largest workplace with a known region; ties go to the higher key, so reruns agree
            max(when(col("region_code").isNotNull(), struct(col("employment"), col("workplace_key"),
                col("region_code"), col("sido_code")))).as("largest"));
    Dataset<Row> statements = statements(financials);
    Dataset<Row> life = firms.select(col("firm_id"), col("ksic_division"), col("founded"), col("closed_date"),
        col("region_code").as("firm_region_code"), col("sido_code").as("firm_sido_code"));

    Column inLife = col("founded").isNull().or(col("year").geq(year(col("founded"))))
        .and(col("closed_date").isNull().or(col("year").leq(year(col("closed_date")))));
    Column npsCounts = coalesce(col("establishments"), lit(0)).gt(0);
    Column hasLargest = col("largest.region_code").isNotNull();
    Dataset<Row> out = nps.select("firm_id", "year").union(statements.select("firm_id", "year")).distinct()
        .join(life, new String[] {"firm_id"}, "inner")
        .filter(inLife)
        .join(nps, new String[] {"firm_id", "year"}, "left")
        .join(statements, new String[] {"firm_id", "year"}, "left")
        .withColumn("employment", when(npsCounts, col("nps_employment")).otherwise(col("employees")))
        .withColumn("employment_source", when(npsCounts, lit("nps"))
            .when(col("employees").isNotNull(), lit("financials")))
        .withColumn("establishments", coalesce(col("establishments"), lit(0)))
        .withColumn("region_code", when(hasLargest, col("largest.region_code")).otherwise(col("firm_region_code")))
        .withColumn("sido_code", when(hasLargest, col("largest.sido_code")).otherwise(col("firm_sido_code")));
    return Warehouse.conform(out, Silver.FIRM_YEAR);
  }
}
