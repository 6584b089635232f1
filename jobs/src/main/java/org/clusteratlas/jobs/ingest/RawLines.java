package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of what {@link RawFileReader} emits: one {@code row} record per data line, then one
 * {@code file} record per file with its checksum and, when the file could not be read, why.
 */
final class RawLines {
  private RawLines() {}

  static final String KIND_ROW = "row";
  static final String KIND_FILE = "file";

  static final StructType SCHEMA = new StructType()
      .add("kind", StringType, false)
      .add("source", StringType, false)
      .add("source_file", StringType, false)
      .add("row_number", LongType, false)
      .add("raw_line", StringType, true)
      .add("cells", DataTypes.createArrayType(StringType, true), true)
      .add("decode_repaired", BooleanType, false)
      .add("duplicate_of", LongType, true)
      .add("layout", StringType, true)
      .add("file_error", StringType, true)
      .add("sha256", StringType, true)
      .add("file_size", LongType, true);
}
