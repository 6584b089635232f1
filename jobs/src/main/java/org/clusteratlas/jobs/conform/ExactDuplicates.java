package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Removes rows that repeat another row's content exactly (sources write some records twice). The copy
 * kept is the first by (source_file, row_number), so the lineage of a kept row is the same every run.
 */
final class ExactDuplicates {
  private ExactDuplicates() {}

  /** Columns that say where a row came from, not what it says. */
  static final List<String> LINEAGE = List.of("source_file", "row_number", "load_id", "decode_repaired", "layout");

  static Dataset<Row> dropped(Dataset<Row> rows) {
    Column[] content = Arrays.stream(rows.columns()).filter(c -> !LINEAGE.contains(c))
        .map(c -> col(c)).toArray(Column[]::new);
    return rows
        .withColumn("_dup_rank", row_number().over(Window.partitionBy(content)
            .orderBy(col("source_file"), col("row_number"))))
        .filter(col("_dup_rank").equalTo(1))
        .drop("_dup_rank");
  }
}
