package org.clusteratlas.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.synth.GenerationSummary;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.ingest.IngestJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atlas bench}: measures the pipeline at a given scale on a fresh output folder and warehouse
 * and prints rows/s, seconds per stage and step, and peak memory. A command, not a timed test: its
 * figures go into the README.
 */
@Command(name = "bench", description = "Benchmark generate and ingest at a given scale (rows/s, seconds per stage, peak memory).")
public final class BenchCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--scale", defaultValue = "0.1", description = "Dataset scale. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--seed", defaultValue = "20261123", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--dir", defaultValue = "bench-out", paramLabel = "PATH",
      description = "Scratch folder; raw files and warehouse go below it and are replaced. Default: ${DEFAULT-VALUE}.")
  String dir;

  @Override
  public Integer call() throws IOException {
    AtlasConf conf = common.resolve();
    Path base = Path.of(dir, "scale-" + scale);
    deleteRecursively(base);
    String raw = base.resolve("raw").toString();
    String warehouseRoot = base.resolve("warehouse").toString();
    SparkSession spark = common.session(conf, "bench");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("scale", scale);
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("max_heap_gib", Runtime.getRuntime().maxMemory() / (double) (1L << 30));

    GeneratorConfig config = new GeneratorConfig(scale, 2015, 2025, YearMonth.of(2026, 9), seed, raw);
    GenerationSummary gen = NationalGenerator.generate(spark, config);
    report.put("generate", Map.of("seconds", gen.totalSeconds(), "rows", gen.totalRows(),
        "bytes", gen.totalBytes(), "rows_per_second", gen.rowsPerSecond(), "stages", gen.stageSeconds()));
    System.out.print(GenerationReport.render(gen));

    long t0 = System.nanoTime();
    IngestJob.Result ing = IngestCommand.run(new Warehouse(spark, warehouseRoot), raw, null, common.runId());
    double ingestSeconds = (System.nanoTime() - t0) / 1e9;
    report.put("ingest", Map.of("seconds", ingestSeconds, "rows_read", ing.rowsRead(),
        "rows_loaded", ing.rowsLoaded(), "rows_quarantined", ing.rowsQuarantined(),
        "rows_per_second", ing.rowsRead() / ingestSeconds, "steps", ing.stepSeconds()));
    IngestCommand.print(System.out, ing);
    System.out.printf("ingest: %,d rows in %.1f s = %,.0f rows/s%n", ing.rowsRead(), ingestSeconds,
        ing.rowsRead() / ingestSeconds);
    ing.stepSeconds().forEach((step, s) -> System.out.printf("  %-22s %8.1f s%n", step, s));

    report.put("peak_heap_bytes", PeakMemory.heapPeakBytes());
    PeakMemory.residentPeakBytes().ifPresent(b -> report.put("peak_resident_bytes", b));
    System.out.println(PeakMemory.describe());
    Path out = Path.of(dir, "bench-scale-" + scale + ".json");
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    System.out.println("bench report: " + out);
    return 0;
  }

  private static void deleteRecursively(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
