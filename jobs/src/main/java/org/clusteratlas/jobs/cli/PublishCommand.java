package org.clusteratlas.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.publish.PublishJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish", mixinStandardHelpOptions = true, description = "Write the serving snapshot of the gold tables (Parquet + CSV + manifest) and move 'latest'.")
public final class PublishCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    SparkSession spark = common.session(conf, "publish");
    System.out.println("published " + run(new Warehouse(spark, conf.warehouse()), common.runId()));
    return 0;
  }

  public static String run(Warehouse warehouse, String runId) {
    return RunManifest.record(warehouse, runId, "publish", m -> new PublishJob(warehouse).run(m));
  }
}
