package org.clusteratlas.datasets.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small builder for documented schemas: every column carries its meaning as a comment. */
final class Columns {
  private StructType schema = new StructType();

  static Columns of() {
    return new Columns();
  }

  Columns req(String name, DataType type, String comment) {
    return add(name, type, false, comment);
  }

  Columns opt(String name, DataType type, String comment) {
    return add(name, type, true, comment);
  }

  /** The lineage every bronze row carries back to its raw line. */
  Columns lineage() {
    return req("source_file", DataTypes.StringType, "raw file, relative to the raw root")
        .req("row_number", DataTypes.LongType, "1-based data row within the file (header excluded)")
        .req("load_id", DataTypes.StringType, "ingest run that loaded the row");
  }

  private Columns add(String name, DataType type, boolean nullable, String comment) {
    Metadata meta = new MetadataBuilder().putString("comment", comment).build();
    schema = schema.add(new StructField(name, type, nullable, meta));
    return this;
  }

  StructType build() {
    return schema;
  }
}
