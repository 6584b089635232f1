package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.tables.Warehouse;

/** Hand-made silver rows: the columns a test cares about, the rest filled with neutral values. */
final class SilverFixture {
  private SilverFixture() {}

  static Dataset<Row> complete(Dataset<Row> partial, TableContract table) {
    List<String> have = Arrays.asList(partial.columns());
    Dataset<Row> out = partial;
    for (StructField f : table.schema().fields()) {
      if (!have.contains(f.name())) {
        out = out.withColumn(f.name(), filler(f));
      }
    }
    return Warehouse.conform(out, table);
  }

  static void write(Warehouse w, TableContract table, Dataset<Row> partial) {
    complete(partial, table).write().format("delta").mode("overwrite").save(w.path(table));
  }

  private static Column filler(StructField f) {
    DataType t = f.dataType();
    if (f.nullable()) {
      return lit(null).cast(t);
    }
    if (t instanceof StringType) {
      return lit("fixture");
    }
    if (t instanceof DecimalType || t instanceof NumericType) {
      return lit(0).cast(t);
    }
    if (t instanceof BooleanType) {
      return lit(false);
    }
    return org.apache.spark.sql.functions.array().cast(t);
  }
}
