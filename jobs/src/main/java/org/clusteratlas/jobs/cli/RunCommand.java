package org.clusteratlas.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.pipeline.Pipeline;
import org.clusteratlas.jobs.pipeline.Progress;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the pipeline: ingest → link → clusters → outcomes → quality → publish → report.")
public final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--raw", paramLabel = "PATH", defaultValue = "atlas-data",
      description = "Raw root for ingest. Default: ${DEFAULT-VALUE}.")
  String raw;

  @Option(names = "--truth", paramLabel = "DIR",
      description = "Generator truth folder: also evaluate linking, clusters and outcomes against it.")
  String truth;

  @Option(names = "--from", paramLabel = "STAGE", description = "Start at this stage (resume after a failure).")
  String from;

  @Option(names = "--only", paramLabel = "STAGE", split = ",", description = "Run only these stages (comma-separated).")
  List<String> only = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> stages = Pipeline.select(from, only);
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    SparkSession spark = common.session(conf, "run");
    System.out.printf("run %s: %s (warehouse %s)%n", runId, String.join(" → ", stages), conf.warehouse());
    Pipeline.run(new Warehouse(spark, conf.warehouse()), new Pipeline.Settings(raw, truth, runId, false, false), stages,
        new Progress(System.out, stages), System.out);
    return 0;
  }
}
