package org.clusteratlas.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.quality.QualityJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "quality", mixinStandardHelpOptions = true, description = "Check the gold tables' expectations; fails (and blocks publish) when one does not hold.")
public final class QualityCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    SparkSession spark = common.session(conf, "quality");
    QualityJob.Result r = run(new Warehouse(spark, conf.warehouse()), common.runId());
    System.out.print(r.render());
    return 0;
  }

  public static QualityJob.Result run(Warehouse warehouse, String runId) {
    return RunManifest.record(warehouse, runId, "quality", m -> new QualityJob(warehouse).run(m));
  }
}
