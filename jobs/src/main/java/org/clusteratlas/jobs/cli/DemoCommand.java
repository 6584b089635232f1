package org.clusteratlas.jobs.cli;

import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.ingest.IngestJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.warehouse.Warehouse;
import org.clusteratlas.jobs.warehouse.WarehouseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atlas demo}: the main job on the embedded default. Generates a small national dataset (unless
 * the same one is already there), ingests it, and shows what landed where.
 */
@Command(name = "demo", description = "Generate a small national dataset and run the pipeline on it, embedded.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--scale", defaultValue = "0.01", description = "Dataset scale. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--seed", defaultValue = "20261123", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", defaultValue = "atlas-data/demo", paramLabel = "PATH",
      description = "Where the raw files go. Default: ${DEFAULT-VALUE}.")
  String out;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    GeneratorConfig config = new GeneratorConfig(scale, 2015, 2025, YearMonth.of(2026, 9), seed, out);
    Progress progress = new Progress(System.out, 2);
    System.out.printf("Cluster Atlas demo: scale %s, seed %d, raw files in %s, warehouse %s%n",
        scale, seed, out, conf.warehouse());
    SparkSession spark = common.session(conf, "demo");
    progress.stage("generate", () -> {
      if (GenerationReport.sameAsOnDisk(spark, config)) {
        System.out.println("  same dataset already in " + out + "; not regenerated");
      } else {
        System.out.print(GenerationReport.render(NationalGenerator.generate(spark, config)));
      }
      return null;
    });
    Warehouse warehouse = new Warehouse(spark, conf.warehouse());
    IngestJob.Result r = progress.stage("ingest", () -> IngestCommand.run(warehouse, out, null, runId));
    IngestCommand.print(System.out, r);
    System.out.println();
    System.out.print(WarehouseInfo.render(WarehouseInfo.describe(warehouse)));
    System.out.println();
    System.out.println("quarantined rows by source and reason:");
    for (Row q : warehouse.read(Bronze.QUARANTINE).groupBy("source", "reason").count()
        .orderBy("source", "reason").collectAsList()) {
      System.out.printf("  %-10s %-18s %,8d%n", q.getString(0), q.getString(1), q.getLong(2));
    }
    System.out.println("run manifest: " + conf.warehouse() + "/_runs/" + runId + "/ingest.json");
    return r.failed().isEmpty() ? 0 : 1;
  }
}
