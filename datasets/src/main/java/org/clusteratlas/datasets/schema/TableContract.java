package org.clusteratlas.datasets.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one warehouse table: where it sits ({@code layer.name}), its schema, the columns
 * that identify a row, what a row means, and which columns Delta keeps file statistics for.
 * Writers, readers and tests all use the same instance.
 *
 * @param statsColumns the columns whose min/max/null counts Delta records per file (data skipping);
 *     empty for Delta's default, the first 32 columns. A narrow list pays off on big tables with long
 *     free-text columns nobody filters on: their statistics cost a pass over every value at each write.
 */
public record TableContract(String layer, String name, StructType schema, List<String> keyColumns,
    String description, List<String> statsColumns) {

  public TableContract {
    keyColumns = List.copyOf(keyColumns);
    statsColumns = List.copyOf(statsColumns);
    for (String c : statsColumns) {
      if (!List.of(schema.fieldNames()).contains(c)) {
        throw new IllegalArgumentException(layer + "." + name + ": statistics column " + c + " is not in the schema");
      }
    }
  }

  /** A table with Delta's default statistics columns. */
  public TableContract(String layer, String name, StructType schema, List<String> keyColumns, String description) {
    this(layer, name, schema, keyColumns, description, List.of());
  }

  /** {@code layer.name}, the name users see in {@code atlas info} and manifests. */
  public String qualifiedName() {
    return layer + "." + name;
  }

  /** Path of the table below the warehouse root. */
  public String relativePath() {
    return layer + "/" + name;
  }
}
