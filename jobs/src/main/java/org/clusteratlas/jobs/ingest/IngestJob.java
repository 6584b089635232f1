package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas ingest}: raw files → typed bronze Delta tables, rejected rows → {@code bronze._quarantine},
 * one ledger row per file in {@code bronze._loads}.
 *
 * <p>Idempotent by file: a file whose path, size and modification time match a successful ledger
 * entry is not read again; a new or changed file is read and its earlier rows (in the source table and
 * the quarantine) are replaced in the same commit that writes the new ones. For every file read,
 * {@code rows_read = rows_loaded + rows_quarantined}. A file that cannot be read (missing, wrong
 * layout, unknown header) is recorded as failed with the reason; the other files still load and the
 * failed file's earlier rows, if any, stay as they were.
 */
public final class IngestJob {
  private static final Logger LOG = LogManager.getLogger(IngestJob.class);
  private static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";
  private static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  /** Per-file outcome of one ingest run. */
  public record FileResult(String source, String file, String status, long rowsRead, long rowsLoaded,
      long rowsQuarantined, String message) {}

  /** What one run did: the files it read, skipped and failed, and the time per step. */
  public record Result(String loadId, List<FileResult> files, int skipped, Map<String, Double> stepSeconds) {
    public long rowsRead() {
      return files.stream().mapToLong(FileResult::rowsRead).sum();
    }

    public long rowsLoaded() {
      return files.stream().mapToLong(FileResult::rowsLoaded).sum();
    }

    public long rowsQuarantined() {
      return files.stream().mapToLong(FileResult::rowsQuarantined).sum();
    }

    public List<FileResult> failed() {
      return files.stream().filter(f -> f.status().equals("failed")).toList();
    }
  }

  private final Warehouse warehouse;
  private final SparkSession spark;
  private final String rawRoot;
  private final RegionVintage vintage;

  public IngestJob(Warehouse warehouse, String rawRoot, RegionVintage vintage) {
    this.warehouse = warehouse;
    this.spark = warehouse.spark();
    this.rawRoot = rawRoot.endsWith("/") ? rawRoot.substring(0, rawRoot.length() - 1) : rawRoot;
    this.vintage = vintage;
  }

  public Result run(RunManifest manifest) {
    String loadId = manifest.runId();
    Path root = new Path(rawRoot);
    FileSystem fs = fileSystem(root);
    try {
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new UserError("raw folder not found: " + rawRoot + " (run 'atlas generate --out " + rawRoot + "' first)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    manifest.input("raw", rawRoot);
    for (TableContract t : Bronze.ALL) {
      warehouse.ensure(t);
      manifest.input(t);
    }

    List<RawFile> found = manifest.step("list", () -> RawFile.list(fs, root));
    if (found.isEmpty()) {
      throw new UserError("no raw files under " + rawRoot + " (expected folders: "
          + java.util.Arrays.stream(RawSource.values()).map(RawSource::folder).collect(Collectors.joining(", ")) + ")");
    }
    Map<String, Row> ledger = manifest.step("ledger", () -> readLedger());
    List<FileResult> results = new ArrayList<>();
    List<Row> ledgerUpdates = new ArrayList<>();
    List<RawFile> toRead = new ArrayList<>();
    int skipped = 0;
    for (RawFile f : found) {
      Row prev = ledger.get(f.relative());
      if (f.source() == null) {
        String msg = "file name does not match " + f.folder() + " pattern";
        results.add(new FileResult(f.folder(), f.relative(), "failed", 0, 0, 0, msg));
        ledgerUpdates.add(ledgerRow(f, f.folder(), null, null, 0, 0, 0, "failed", msg, loadId));
      } else if (prev != null && "loaded".equals(prev.getAs("status"))
          && prev.<Long>getAs("file_size") == f.size()
          && prev.<Timestamp>getAs("modified_at").getTime() == f.modifiedMillis()) {
        skipped++;
      } else {
        toRead.add(f);
      }
    }
    LOG.info("ingest {}: {} files found, {} unchanged, {} to read", rawRoot, found.size(), skipped, toRead.size());

    if (!toRead.isEmpty()) {
      RegionHarmoniser regions = new RegionHarmoniser(spark, vintage);
      List<Dataset<Row>> parsedSources = new ArrayList<>();
      List<String> replaced = new ArrayList<>();
      for (SourceParser parser : SourceParser.all(regions)) {
        List<RawFile> files = toRead.stream().filter(f -> f.source() == parser.source()).toList();
        if (files.isEmpty()) {
          continue;
        }
        // each source's files are read once: parsed rows and file records come out of one cached pass
        Dataset<Row> parsed = manifest.step("read " + parser.source().id(), () -> readAndParse(parser, files, loadId));
        parsedSources.add(parsed);
        Map<String, Row> fileRecords = new HashMap<>();
        for (Row r : parsed.filter(col("kind").equalTo(RawLines.KIND_FILE))
            .select("source_file", "file_error", "layout", "sha256").collectAsList()) {
          fileRecords.put(r.getString(0), r); // one small record per file
        }
        List<String> readable = new ArrayList<>();
        for (RawFile f : files) {
          Row rec = fileRecords.get(f.relative());
          String error = rec == null ? "file was not read" : rec.getString(1);
          if (error != null) {
            LOG.error("{}: {}", f.relative(), error);
            results.add(new FileResult(parser.source().id(), f.relative(), "failed", 0, 0, 0, error));
            ledgerUpdates.add(ledgerRow(f, parser.source().id(), rec == null ? null : rec.getString(2),
                rec == null ? null : rec.getString(3), 0, 0, 0, "failed", error, loadId));
          } else {
            readable.add(f.relative());
          }
        }
        if (readable.isEmpty()) {
          continue;
        }
        replaced.addAll(readable);
        Map<String, long[]> counts = manifest.step("load " + parser.source().id(),
            () -> writeSource(parser, dataRows(parsed, readable), readable));
        for (String file : readable) {
          long[] c = counts.get(file);
          Row rec = fileRecords.get(file);
          RawFile f = files.stream().filter(x -> x.relative().equals(file)).findFirst().orElseThrow();
          results.add(new FileResult(parser.source().id(), file, "loaded", c[0], c[1], c[2], null));
          ledgerUpdates.add(ledgerRow(f, parser.source().id(), rec.getString(2), rec.getString(3),
              c[0], c[1], c[2], "loaded", null, loadId));
        }
      }
      if (!replaced.isEmpty()) {
        manifest.step("quarantine", () -> writeQuarantine(
            parsedSources.stream().map(p -> dataRows(p, replaced)).toList(), replaced));
      }
      parsedSources.forEach(Dataset::unpersist);
    }
    if (!ledgerUpdates.isEmpty()) {
      manifest.step("ledger update", () -> mergeLedger(ledgerUpdates));
    }
    for (TableContract t : Bronze.ALL) {
      manifest.output(t, warehouse.read(t).count());
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    manifest.steps().forEach(s -> seconds.merge((String) s.get("step"), (Double) s.get("seconds"), Double::sum));
    Result result = new Result(loadId, results, skipped, seconds);
    manifest.detail("files", results);
    manifest.detail("files_unchanged", skipped);
    return result;
  }

  private FileSystem fileSystem(Path root) {
    try {
      return root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Row> readLedger() {
    Map<String, Row> out = new HashMap<>();
    for (Row r : warehouse.read(Bronze.LOADS).collectAsList()) { // one row per raw file: small
      out.put(r.getAs("source_file"), r);
    }
    return out;
  }

  /**
   * Tasks of about {@code spark.sql.files.maxPartitionBytes} (128 MiB unless set) each read their files
   * in turn, decoding, checksumming and splitting them; the parser types and checks the rows in the
   * same pass. The result (data rows and one record per file) is cached for the writes.
   */
  private Dataset<Row> readAndParse(SourceParser parser, List<RawFile> files, String loadId) {
    Map<String, String> hadoop = new HashMap<>();
    for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
      hadoop.put(e.getKey(), e.getValue());
    }
    Broadcast<Map<String, String>> conf =
        spark.sparkContext().broadcast(hadoop, scala.reflect.ClassTag$.MODULE$.apply(Map.class));
    String root = rawRoot;
    RawSource source = parser.source();
    List<List<String>> tasks = ReadTasks.pack(files, spark.sessionState().conf().filesMaxPartitionBytes(),
        spark.sparkContext().defaultParallelism());
    // one partition per task: parallelize gives each element (a task's file list) a slice of its own
    JavaRDD<Row> paths = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(tasks, Math.max(1, tasks.size()))
        .flatMap(task -> task.stream().map(f -> (Row) RowFactory.create(f)).iterator());
    Dataset<Row> fileList = spark.createDataFrame(paths,
        new org.apache.spark.sql.types.StructType().add("relative", "string"));
    FlatMapFunction<Row, Row> read = r -> {
      Configuration c = new Configuration(false);
      conf.value().forEach(c::set);
      return RawFileReader.open(source, root, r.getString(0), c);
    };
    Dataset<Row> lines = fileList.flatMap(read, Encoders.row(RawLines.SCHEMA));
    Dataset<Row> parsed = parser.parse(lines).withColumn("load_id", lit(loadId));
    // Typing and checking some 40 columns compiles to one whole-stage method of about 40 KB, which
    // HotSpot never JIT-compiles (its limit is 8,000 bytes): every row would run interpreted. Over the
    // limit Spark runs the operators on their own, with the expressions split into small methods. Only
    // here: for the later stages' many small queries whole-stage code was faster (measured).
    // The cache lives for this run only and is read back three or four times: compressing its columns
    // (dictionary and run-length statistics gathered value by value) took about a quarter of the
    // ingest's task time at demo scale.
    withSessionConf(Map.of(HUGE_METHOD_LIMIT, "8000", CACHE_COMPRESSED, "false"), () -> {
      parsed.persist(StorageLevel.MEMORY_AND_DISK()).count(); // materialise once
    });
    return parsed;
  }

  /** Runs {@code action} with the session's SQL settings changed, restoring them afterwards. */
  private void withSessionConf(Map<String, String> settings, Runnable action) {
    Map<String, String> previous = new HashMap<>();
    settings.forEach((key, value) -> {
      previous.put(key, spark.conf().get(key));
      spark.conf().set(key, value);
    });
    try {
      action.run();
    } finally {
      previous.forEach(spark.conf()::set);
    }
  }

  /** The data rows of the given files (file records dropped). */
  private static Dataset<Row> dataRows(Dataset<Row> parsed, List<String> files) {
    return parsed.filter(col("kind").equalTo(RawLines.KIND_ROW).and(col("source_file").isin(files.toArray())));
  }

  private static String fileFilter(List<String> files) {
    return "source_file IN (" + files.stream().map(IngestJob::sqlString).collect(Collectors.joining(", ")) + ")";
  }

  /**
   * Replaces the files' earlier rows in the source's bronze table with the accepted rows (one commit)
   * and returns per file {read, loaded, quarantined}.
   */
  private Map<String, long[]> writeSource(SourceParser parser, Dataset<Row> parsed, List<String> files) {
    TableContract table = parser.table();
    Warehouse.conform(parsed.filter(col(SourceParser.REASON).isNull()), table)
        .write().format("delta").mode("overwrite").option("replaceWhere", fileFilter(files))
        .save(warehouse.path(table));
    Map<String, long[]> counts = new HashMap<>();
    for (Row r : parsed.groupBy("source_file")
        .agg(count(lit(1)).as("read"),
            sum(when(col(SourceParser.REASON).isNull(), 1).otherwise(0)).as("loaded"),
            sum(when(col(SourceParser.REASON).isNotNull(), 1).otherwise(0)).as("quarantined"))
        .collectAsList()) {
      counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
    }
    for (String f : files) {
      counts.putIfAbsent(f, new long[] {0, 0, 0}); // a header-only file
    }
    return counts;
  }

  /** Every source's rejected rows in one commit that replaces the re-read files' earlier ones. */
  private void writeQuarantine(List<Dataset<Row>> parsedSources, List<String> files) {
    Dataset<Row> rejected = null;
    for (Dataset<Row> parsed : parsedSources) {
      Dataset<Row> q = Warehouse.conform(parsed.filter(col(SourceParser.REASON).isNotNull())
          .withColumn("reason", col(SourceParser.REASON)).withColumn("detail", col(SourceParser.DETAIL)),
          Bronze.QUARANTINE);
      rejected = rejected == null ? q : rejected.unionByName(q);
    }
    rejected.write().format("delta").mode("overwrite").option("replaceWhere", fileFilter(files))
        .save(warehouse.path(Bronze.QUARANTINE));
  }

  static String sqlString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Row ledgerRow(RawFile f, String source, String layout, String sha, long read, long loaded,
      long quarantined, String status, String message, String loadId) {
    return RowFactory.create(source, f.relative(), layout, f.size(), new Timestamp(f.modifiedMillis()), sha,
        read, loaded, quarantined, status, message, loadId, Timestamp.from(Instant.now()));
  }

  private void mergeLedger(List<Row> updates) {
    Dataset<Row> src = spark.createDataFrame(updates, Bronze.LOADS.schema());
    DeltaTable.forPath(spark, warehouse.path(Bronze.LOADS)).as("t")
        .merge(src.as("s"), "t.source_file = s.source_file")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }
}
