package org.clusteratlas.jobs.tables;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.Catalog;
import org.clusteratlas.datasets.schema.TableContract;
import scala.Option;

/**
 * The table registry: every table's layer, name, path under the warehouse root and schema, in one
 * place. Tables are path-based Delta tables at {@code <warehouse>/<layer>/<name>}.
 */
public final class Warehouse {
  /** Every table the pipeline knows, in data-flow order. */
  public static final List<TableContract> TABLES = Catalog.ALL;

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  public SparkSession spark() {
    return spark;
  }

  public String path(TableContract table) {
    return root + "/" + table.relativePath();
  }

  public static Optional<TableContract> contract(String qualifiedName) {
    return TABLES.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }

  public boolean exists(TableContract table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** The table's current rows, or an empty frame of its schema when it was never written. */
  public Dataset<Row> read(TableContract table) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().format("delta").load(path(table));
  }

  /** Current Delta version, or -1 when the table does not exist. */
  public long version(TableContract table) {
    if (!exists(table)) {
      return -1;
    }
    // the log's latest version comes from listing _delta_log; history(1) would run a query per call
    return DeltaLog.forTable(spark, path(table)).update(false, Option.empty(), Option.empty()).version();
  }

  /**
   * Appends rows in one commit and returns how many it wrote, from the commit's own metrics: a count
   * beforehand would compute the rows twice, or need them materialised first.
   */
  public long append(TableContract table, Dataset<Row> rows) {
    long before = version(table);
    rows.write().format("delta").mode("append").save(path(table));
    Row last = DeltaTable.forPath(spark, path(table)).history(1)
        .selectExpr("version", "operation", "operationMetrics['numOutputRows']").first();
    if (last.getLong(0) == before) {
      return 0; // nothing to add: Delta made no commit
    }
    if (last.getLong(0) != before + 1 || !"WRITE".equals(last.getString(1)) || last.isNullAt(2)) {
      throw new IllegalStateException("the latest commit of " + table.qualifiedName() + " (version "
          + last.getLong(0) + ", " + last.getString(1) + ") is not this append; is another writer at work?");
    }
    return Long.parseLong(last.getString(2));
  }

  /** Delta's table property naming the columns it keeps per-file statistics for. */
  static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  /**
   * Creates the table with its contract schema (and column comments) when it does not exist, and gives it
   * the contract's statistics columns when it lacks them (a table made before the contract named them).
   * A new table is one commit of metadata, its statistics columns included: writing an empty frame
   * instead ran a Spark job and a second commit for the property, about half a second more per table.
   */
  public void ensure(TableContract table) {
    String wanted = String.join(",", table.statsColumns());
    // a Delta table is named by an absolute location; the warehouse root may be relative
    String qualified = fileSystem().makeQualified(new Path(path(table))).toString();
    if (!exists(table)) {
      // nullable, as Delta makes a written frame's columns (Spark's own asNullable): the contract's
      // required columns are checked by the stages and the quality expectations, not turned into
      // write-time constraints that would fail a whole commit
      DeltaTableBuilder create = DeltaTable.create(spark).location(qualified).addColumns(table.schema().asNullable());
      if (!wanted.isEmpty()) {
        create = create.property(STATS_COLUMNS, wanted);
      }
      create.execute();
      return;
    }
    if (wanted.isEmpty()) {
      return;
    }
    Option<String> current = DeltaLog.forTable(spark, path(table)).update(false, Option.empty(), Option.empty())
        .metadata().configuration().get(STATS_COLUMNS);
    if (!current.isDefined() || !current.get().equals(wanted)) {
      spark.sql("ALTER TABLE delta.`" + qualified.replace("`", "``") + "` SET TBLPROPERTIES ('"
          + STATS_COLUMNS + "' = '" + wanted + "')");
    }
  }

  /** Selects the contract's columns in contract order, so writers cannot drift from the schema. */
  public static Dataset<Row> conform(Dataset<Row> rows, TableContract table) {
    StructType schema = table.schema();
    return rows.select(java.util.Arrays.stream(schema.fieldNames())
        .map(f -> rows.col(f).cast(schema.apply(f).dataType()).as(f, schema.apply(f).metadata()))
        .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** True when the warehouse root holds at least one Delta table. */
  public boolean isEmpty() {
    return TABLES.stream().noneMatch(this::exists);
  }

  public FileSystem fileSystem() {
    try {
      return new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tables that exist, in registry order. */
  public List<TableContract> existing() {
    List<TableContract> out = new ArrayList<>();
    for (TableContract t : TABLES) {
      if (exists(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
