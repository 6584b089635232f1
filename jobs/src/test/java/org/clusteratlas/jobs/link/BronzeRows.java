package org.clusteratlas.jobs.link;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.tables.Warehouse;

/** Hand-made bronze rows: give the columns a test cares about, the rest get nulls or neutral values. */
final class BronzeRows {
  private final TableContract table;
  private final List<Map<String, Object>> rows = new ArrayList<>();

  BronzeRows(TableContract table) {
    this.table = table;
  }

  /** Alternating column names and values. */
  BronzeRows row(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      table.schema().apply(name); // fails fast on a misspelt column
      m.put(name, namesAndValues[i + 1]);
    }
    rows.add(m);
    return this;
  }

  Dataset<Row> frame(SparkSession spark) {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> m : rows) {
      StructField[] fields = table.schema().fields();
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Object v = m.containsKey(fields[i].name()) ? m.get(fields[i].name()) : fields[i].nullable() ? null
            : neutral(fields[i].dataType());
        values[i] = v instanceof List<?> list ? scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq() : v;
      }
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, table.schema());
  }

  /** Appends the rows to the table in the warehouse. */
  void append(Warehouse warehouse) {
    warehouse.ensure(table);
    frame(warehouse.spark()).write().format("delta").mode("append").save(warehouse.path(table));
  }

  private static Object neutral(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "";
    } else if (type.equals(DataTypes.IntegerType)) {
      return 0;
    } else if (type.equals(DataTypes.LongType)) {
      return 0L;
    } else if (type.equals(DataTypes.BooleanType)) {
      return false;
    } else if (type.equals(DataTypes.DateType)) {
      return Date.valueOf("2020-01-01");
    } else if (type instanceof DecimalType) {
      return BigDecimal.ZERO;
    } else if (type instanceof ArrayType) {
      return scala.jdk.javaapi.CollectionConverters.asScala(List.of()).toSeq();
    }
    throw new IllegalArgumentException("no neutral value for " + type);
  }

  static Row applicant(int position, String code, String name, String address) {
    return RowFactory.create(position, code, name, address);
  }

  static StructType schema(TableContract t) {
    return t.schema();
  }
}
