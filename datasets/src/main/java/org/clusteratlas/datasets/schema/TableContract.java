package org.clusteratlas.datasets.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one warehouse table: where it sits ({@code layer.name}), its schema, the columns
 * that identify a row, and what a row means. Writers, readers and tests all use the same instance.
 */
public record TableContract(
    String layer, String name, StructType schema, List<String> keyColumns, String description) {

  public TableContract {
    keyColumns = List.copyOf(keyColumns);
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
