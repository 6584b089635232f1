package org.clusteratlas.jobs.conform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * Tiny hand-made frames of a table's contract schema: each row names only the columns a test cares
 * about; the others are null.
 */
final class Frames {
  private Frames() {}

  /** Column/value pairs: {@code row("crn", "1101110000012", "fiscal_year", 2020)}. */
  static Map<String, Object> row(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The map with some values replaced or added. */
  static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    m.putAll(row(pairs));
    return m;
  }

  @SafeVarargs
  static Dataset<Row> of(SparkSession spark, TableContract table, Map<String, Object>... rows) {
    StructType schema = table.schema();
    StructType nullable = new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      for (String k : r.keySet()) {
        schema.apply(k); // fails on a misspelt column
      }
      out.add(RowFactory.create(Arrays.stream(schema.fieldNames()).map(r::get).toArray()));
    }
    return spark.createDataFrame(out, nullable);
  }
}
