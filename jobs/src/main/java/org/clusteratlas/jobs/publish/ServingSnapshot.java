package org.clusteratlas.jobs.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.spark.AtlasSession;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * The serving snapshot of one run: each gold table, read at one Delta version, written as a single
 * Parquet file and a single CSV file under {@code <warehouse>/_serving/<run_id>/}, with a
 * {@code manifest.json} (run id, Delta version, schema, rows, SHA-256 of every file) and, last, the
 * {@code <warehouse>/_serving/latest} pointer. Readers without Spark (pandas, DuckDB, BI tools) read a
 * consistent, versioned set: the pointer only moves once every file of the run is complete.
 */
public final class ServingSnapshot {
  public static final String FOLDER = "_serving";
  public static final String LATEST = "latest";

  private final Warehouse warehouse;

  public ServingSnapshot(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public String runFolder(String runId) {
    return warehouse.root() + "/" + FOLDER + "/" + runId;
  }

  /**
   * One table of the snapshot: its contract, the rows, and the Delta table and version they were read
   * from (the table itself, or the one a summary is computed from).
   */
  public record Served(TableContract contract, Dataset<Row> rows, TableContract readFrom, long deltaVersion) {}

  /** A warehouse table as it is at its current version. */
  public Served asIs(TableContract table) {
    long version = warehouse.version(table);
    return new Served(table, atVersion(table, version), table, version);
  }

  /** A summary of a warehouse table, computed from the table at its current version. */
  public Served summary(TableContract summary, TableContract of,
      java.util.function.UnaryOperator<Dataset<Row>> summarise) {
    long version = warehouse.version(of);
    return new Served(summary, Warehouse.conform(summarise.apply(atVersion(of, version)), summary), of, version);
  }

  private Dataset<Row> atVersion(TableContract table, long version) {
    return warehouse.spark().read().format("delta").option("versionAsOf", version).load(warehouse.path(table));
  }

  /** Writes the snapshot of {@code tables} and moves the latest pointer; returns the manifest. */
  public Map<String, Object> publish(String runId, List<Served> tables) {
    FileSystem fs = warehouse.fileSystem();
    String folder = runFolder(runId);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("run_date", AtlasSession.runDate(warehouse.spark()));
    manifest.put("created_at", Instant.now().toString());
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Served served : tables) {
      TableContract t = served.contract();
      Dataset<Row> rows = served.rows();
      Map<String, Object> entry = new LinkedHashMap<>();
      if (!served.readFrom().equals(t)) {
        entry.put("derived_from", served.readFrom().qualifiedName());
      }
      entry.put("delta_version", served.deltaVersion());
      entry.put("rows", rows.count());
      List<Map<String, String>> schema = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        schema.add(Map.of("name", f.name(), "type", f.dataType().simpleString(),
            "nullable", String.valueOf(f.nullable()),
            "comment", f.getComment().isDefined() ? f.getComment().get() : ""));
      }
      entry.put("schema", schema);
      List<Map<String, Object>> files = new ArrayList<>();
      files.add(writeSingle(fs, rows, "parquet", folder, t.qualifiedName() + ".parquet"));
      files.add(writeSingle(fs, flatForCsv(rows), "csv", folder, t.qualifiedName() + ".csv"));
      entry.put("files", files);
      entries.put(t.qualifiedName(), entry);
    }
    manifest.put("tables", entries);
    try {
      try (OutputStream out = fs.create(new Path(folder, "manifest.json"), true)) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
      }
      // move the pointer last, atomically (write aside, then rename over)
      Path latest = new Path(warehouse.root() + "/" + FOLDER, LATEST);
      Path tmp = new Path(warehouse.root() + "/" + FOLDER, "." + LATEST + "." + runId);
      try (OutputStream out = fs.create(tmp, true)) {
        out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(latest, false);
      if (!fs.rename(tmp, latest)) {
        throw new IOException("cannot move the latest pointer to " + runId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return manifest;
  }

  /** CSV has no nested types: maps, arrays and structs are written as JSON text in their cell. */
  static Dataset<Row> flatForCsv(Dataset<Row> rows) {
    Column[] cols = java.util.Arrays.stream(rows.schema().fields())
        .map(f -> f.dataType() instanceof MapType || f.dataType() instanceof ArrayType
            || f.dataType() instanceof StructType ? to_json(col(f.name())).as(f.name()) : col(f.name()))
        .toArray(Column[]::new);
    return rows.select(cols);
  }

  /** Writes {@code rows} as exactly one file {@code folder/name} and returns its path, bytes and checksum. */
  private Map<String, Object> writeSingle(FileSystem fs, Dataset<Row> rows, String format, String folder,
      String name) {
    Path staging = new Path(folder, "_staging_" + name);
    var writer = rows.coalesce(1).write().mode("overwrite").format(format);
    if (format.equals("csv")) {
      writer = writer.option("header", "true").option("encoding", "UTF-8");
    }
    writer.save(staging.toString());
    try {
      FileStatus part = null;
      for (FileStatus st : fs.listStatus(staging)) {
        if (st.getPath().getName().startsWith("part-")) {
          part = st;
        }
      }
      if (part == null) {
        throw new IOException("no data file written for " + name);
      }
      Path target = new Path(folder, name);
      fs.delete(target, false);
      if (!fs.rename(part.getPath(), target)) {
        throw new IOException("cannot move " + part.getPath() + " to " + target);
      }
      fs.delete(staging, true);
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", name);
      file.put("format", format);
      file.put("bytes", fs.getFileStatus(target).getLen());
      file.put("sha256", sha256(fs, target));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(FileSystem fs, Path p) throws IOException {
    try (InputStream in = new DigestInputStream(fs.open(p), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) > 0) {
        // digest accumulates
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
