package org.clusteratlas.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * Hand-made rows of one table contract: name the columns a test cares about, the rest are null, or a
 * neutral value where the contract requires one.
 */
public final class ContractRows {
  private final TableContract contract;
  private final List<Row> rows = new ArrayList<>();

  private ContractRows(TableContract contract) {
    this.contract = contract;
  }

  public static ContractRows of(TableContract contract) {
    return new ContractRows(contract);
  }

  /** Alternating column names and values. */
  public ContractRows row(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      contract.schema().apply(name); // fails on a typo
      values.put(name, namesAndValues[i + 1]);
    }
    StructField[] fields = contract.schema().fields();
    Object[] out = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object v = values.containsKey(fields[i].name()) ? values.get(fields[i].name()) : neutral(fields[i]);
      out[i] = convert(v, fields[i].dataType());
    }
    rows.add(RowFactory.create(out));
    return this;
  }

  public Dataset<Row> frame(SparkSession spark) {
    return spark.createDataFrame(rows, contract.schema());
  }

  private static Object neutral(StructField f) {
    if (f.nullable()) {
      return null;
    }
    DataType t = f.dataType();
    if (t instanceof ArrayType) {
      return List.of();
    }
    if (t instanceof MapType) {
      return Map.of();
    }
    if (t.equals(DataTypes.StringType)) {
      return "-";
    }
    if (t.equals(DataTypes.BooleanType)) {
      return false;
    }
    return 0;
  }

  private static Object convert(Object v, DataType t) {
    if (v == null) {
      return null;
    }
    if (t.equals(DataTypes.IntegerType)) {
      return ((Number) v).intValue();
    }
    if (t.equals(DataTypes.LongType)) {
      return ((Number) v).longValue();
    }
    if (t.equals(DataTypes.DoubleType)) {
      return ((Number) v).doubleValue();
    }
    if (t instanceof DecimalType) {
      return new BigDecimal(v.toString());
    }
    if (t.equals(DataTypes.DateType) && v instanceof String s) {
      return Date.valueOf(s);
    }
    return v;
  }
}
