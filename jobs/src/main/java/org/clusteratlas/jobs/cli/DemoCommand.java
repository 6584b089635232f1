package org.clusteratlas.jobs.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.pipeline.Pipeline;
import org.clusteratlas.jobs.pipeline.Progress;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atlas demo}: the main job on the embedded default. Generates a small national dataset (unless
 * the same one is already there), runs the whole pipeline on it, judges links, clusters and effects
 * against the generator's truth, and says where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate a small national dataset and run the whole pipeline on it, embedded.")
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
    List<String> stages = Pipeline.stageNames();
    Progress progress = new Progress(System.out, Pipeline.withGenerate(stages));
    System.out.printf("Cluster Atlas demo %s: scale %s, seed %d, raw files in %s, warehouse %s%n",
        runId, scale, seed, out, conf.warehouse());
    SparkSession spark = common.session(conf, "demo");
    progress.stage(Pipeline.GENERATE, () -> {
      if (GenerationReport.sameAsOnDisk(spark, config)) {
        System.out.println("      the same dataset is already in " + out + "; not regenerated");
      } else {
        System.out.print(GenerationReport.render(NationalGenerator.generate(spark, config)));
      }
      return null;
    });
    Pipeline.run(new Warehouse(spark, conf.warehouse()), new Pipeline.Settings(out, out + "/truth", runId, true, false),
        stages, progress, System.out);
    System.out.println("run manifests: " + conf.warehouse() + "/_runs/" + runId + "/");
    return 0;
  }
}
