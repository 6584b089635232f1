package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * bronze.programs + silver.entity_link + silver.firm → silver.program_participation: each roster entry
 * (a line written twice counts once) with the firm it links to and that firm's head-office region. An
 * entry the link stage has no row for is {@code unlinked}.
 */
public final class ProgramParticipations {
  private ProgramParticipations() {}

  public static Dataset<Row> build(Dataset<Row> programs, Dataset<Row> links, Dataset<Row> firms) {
    Dataset<Row> programLinks = links.filter(col("source").equalTo("programs").and(col("position").equalTo(1)))
        .select(col("source_file"), col("row_number"), col("firm_id"), col("method"));
    Dataset<Row> firmRegion = firms.select(col("firm_id"), col("region_code"), col("sido_code"));
    Dataset<Row> out = ExactDuplicates.dropped(programs)
        .join(programLinks, new String[] {"source_file", "row_number"}, "left")
        .join(firmRegion, new String[] {"firm_id"}, "left")
        .withColumn("link_method", coalesce(col("method"), lit("unlinked")));
    return Warehouse.conform(out, Silver.PROGRAM_PARTICIPATION);
  }
}
