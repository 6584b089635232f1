package org.clusteratlas.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.datasets.synth.GenerationSummary;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.pipeline.Pipeline;
import org.clusteratlas.jobs.pipeline.Progress;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atlas bench}: measures generation and the pipeline's computing stages at a given scale, on a
 * scratch folder of its own, and prints rows/s, seconds per stage and per step, and peak memory. A
 * command, not a timed test: its figures go into the README.
 *
 * <p>Each stage runs exactly as in {@code atlas run} (full settings: outcomes with 999 bootstrap draws
 * and every breakdown). Per-step seconds and the link stage's comparison counts come from the stages'
 * own run manifests, so the benchmark and a production run report the same things.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark generate and the pipeline stages at a given scale (rows/s, seconds per stage and step, peak memory).")
public final class BenchCommand implements Callable<Integer> {
  /** The stages worth timing; quality, publish and report only read what these wrote. */
  static final List<String> TIMED = List.of("ingest", "link", "clusters", "outcomes");

  @Mixin
  CommonOptions common;

  @Option(names = "--scale", defaultValue = "0.1", description = "Dataset scale. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--seed", defaultValue = "20261123", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--dir", defaultValue = "bench-out", paramLabel = "PATH",
      description = "Scratch folder: raw files go to PATH/scale-S/raw, the warehouse to PATH/scale-S/warehouse. Default: ${DEFAULT-VALUE}.")
  String dir;

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "Stages to time, in pipeline order (default: ingest,link,clusters,outcomes). "
          + "With ingest the warehouse starts empty; without it the stages run on the warehouse left by an "
          + "earlier bench (link then links every record anew, as with 'atlas link --full').")
  List<String> stages;

  @Option(names = "--regenerate",
      description = "Generate the raw files even when the same dataset is already on disk (to time generation).")
  boolean regenerate;

  @Override
  public Integer call() throws IOException {
    List<String> selected = stages == null || stages.isEmpty() ? TIMED : stages;
    for (String s : selected) {
      if (!TIMED.contains(s)) {
        throw new UserError("atlas bench times " + String.join(", ", TIMED) + "; not '" + s + "'");
      }
    }
    selected = TIMED.stream().filter(selected::contains).toList();
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    Path base = Path.of(dir, "scale-" + scale);
    Path warehouseRoot = base.resolve("warehouse");
    if (!selected.contains("ingest") && !Files.isDirectory(warehouseRoot.resolve("bronze"))) {
      throw new UserError("no bench warehouse in " + warehouseRoot + "; run 'atlas bench --scale " + scale
          + "' with the ingest stage first");
    }
    String raw = base.resolve("raw").toString();
    SparkSession spark = common.session(conf, "bench");
    if (selected.contains("ingest")) {
      org.apache.hadoop.fs.Path wh = new org.apache.hadoop.fs.Path(warehouseRoot.toString());
      wh.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(wh, true);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("run_id", runId);
    report.put("scale", scale);
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("max_heap_gib", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    report.put("spark_master", spark.sparkContext().master());
    Progress progress = new Progress(System.out, Pipeline.withGenerate(selected));

    GeneratorConfig config = new GeneratorConfig(scale, 2015, 2025, YearMonth.of(2026, 9), seed, raw);
    progress.stage(Pipeline.GENERATE, () -> {
      if (!regenerate && GenerationReport.sameAsOnDisk(spark, config)) {
        System.out.println("      the same dataset is already in " + raw + "; reused (--regenerate to time generation)");
        report.put("generate", Map.of("reused", true));
      } else {
        GenerationSummary gen = NationalGenerator.generate(spark, config);
        System.out.print(GenerationReport.render(gen));
        report.put("generate", Map.of("seconds", gen.totalSeconds(), "rows", gen.totalRows(),
            "bytes", gen.totalBytes(), "rows_per_second", gen.rowsPerSecond(), "steps", gen.stageSeconds()));
      }
      return null;
    });

    Warehouse warehouse = new Warehouse(spark, warehouseRoot.toString());
    Pipeline.Settings settings = new Pipeline.Settings(raw, base.resolve("raw/truth").toString(), runId, false, true);
    Map<String, Object> timed = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    report.put("stages", timed);
    Path out = Path.of(dir, "bench-scale-" + scale + ".json");
    for (String stage : selected) {
      long t0 = System.nanoTime();
      try {
        Pipeline.run(warehouse, settings, List.of(stage), progress, System.out);
      } catch (RuntimeException e) {
        // what was measured before the failure is kept
        timed.put(stage, Map.of("failed", String.valueOf(e.getMessage()), "seconds", (System.nanoTime() - t0) / 1e9));
        writeReport(report, out);
        throw e;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seconds", seconds);
      UnitCount units = unitsOf(warehouse, stage);
      m.put("rows", units.rows());
      m.put("rows_are", units.what());
      m.put("rows_per_second", units.rows() / seconds);
      // what the stage's own manifests recorded (the link stage also writes the conform manifest)
      for (String manifest : stage.equals("link") ? List.of("link", "conform") : List.of(stage)) {
        JsonNode doc = readManifest(warehouse, runId, manifest);
        if (doc != null) {
          m.put(manifest.equals(stage) ? "steps" : manifest + "_steps", doc.path("steps"));
          if (manifest.equals("link")) {
            m.put("slices", doc.path("details").path("slices"));
          }
        }
      }
      timed.put(stage, m);
      lines.add(String.format(Locale.ROOT, "  %-9s %9.1f s %,14d %-34s %,12.0f rows/s", stage, seconds,
          units.rows(), units.what(), units.rows() / seconds));
    }

    System.out.printf("bench at scale %s (%d cores, heap %.1f GiB):%n", scale,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    lines.forEach(System.out::println);
    System.out.println("  " + PeakMemory.describe());
    writeReport(report, out);
    System.out.println("bench report (with seconds per step): " + out);
    return 0;
  }

  private static void writeReport(Map<String, Object> report, Path out) {
    report.put("peak_heap_bytes", PeakMemory.heapPeakBytes());
    PeakMemory.residentPeakBytes().ifPresent(b -> report.put("peak_resident_bytes", b));
    try {
      Files.createDirectories(out.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a stage's rows/s counts: rows read for ingest, the rows of the stage's main output otherwise. */
  record UnitCount(long rows, String what) {}

  private static UnitCount unitsOf(Warehouse warehouse, String stage) {
    return switch (stage) {
      case "ingest" -> new UnitCount(ingestRowsRead(warehouse), "raw rows read");
      case "link" -> count(warehouse, Silver.ENTITY_LINK, "source records linked");
      case "clusters" -> count(warehouse, GoldClusters.CLUSTER_METRICS, "cluster-year metric rows");
      case "outcomes" -> count(warehouse, GoldOutcomes.FIRM_OUTCOMES, "firm-years in the panel");
      default -> throw new IllegalArgumentException(stage);
    };
  }

  private static UnitCount count(Warehouse warehouse, TableContract table, String what) {
    return new UnitCount(warehouse.read(table).count(), what);
  }

  private static long ingestRowsRead(Warehouse warehouse) {
    return warehouse.read(Bronze.LOADS).agg(functions.sum("rows_read")).first().getLong(0);
  }

  private static JsonNode readManifest(Warehouse warehouse, String runId, String stage) {
    var p = new org.apache.hadoop.fs.Path(warehouse.root() + "/_runs/" + runId + "/" + stage + ".json");
    try (InputStream in = warehouse.fileSystem().open(p)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      return null; // a stage without a manifest still has its wall time
    }
  }
}
