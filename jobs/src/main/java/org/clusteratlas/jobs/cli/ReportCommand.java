package org.clusteratlas.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.report.ReportJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report (clusters, tile map, trends, program outcomes, link quality).")
public final class ReportCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Best 시도 × cluster pairs listed per year and cluster kind (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--trends", paramLabel = "N", defaultValue = "6",
      description = "Leading clusters of the latest year whose trends are drawn (default: ${DEFAULT-VALUE}).")
  int trends;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    SparkSession spark = common.session(conf, "report");
    ReportJob.Result r = run(new Warehouse(spark, conf.warehouse()), runId, new ReportJob.Settings(top, trends));
    System.out.printf("report %s: %s (also %s)%n", runId, r.reportPath(), r.latestPath());
    return 0;
  }

  /** Writes the report of {@code runId} with the default settings and returns its path (for the demo). */
  public static String write(Warehouse warehouse, String runId) {
    return run(warehouse, runId, new ReportJob.Settings(10, 6)).reportPath();
  }

  static ReportJob.Result run(Warehouse warehouse, String runId, ReportJob.Settings settings) {
    RunManifest manifest = new RunManifest(warehouse, runId, ReportJob.STAGE);
    try {
      ReportJob.Result r = new ReportJob(warehouse, settings).run(manifest);
      manifest.finish("succeeded");
      return r;
    } catch (UserError e) {
      throw e; // nothing was read or written: no manifest for a run that did not start
    } catch (RuntimeException e) {
      manifest.detail("error", String.valueOf(e.getMessage()));
      manifest.finish("failed");
      throw e;
    }
  }
}
