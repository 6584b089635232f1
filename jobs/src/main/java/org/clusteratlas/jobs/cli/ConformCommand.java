package org.clusteratlas.jobs.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.conform.ConformJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "conform", mixinStandardHelpOptions = true, description = "Build the conformed silver tables (establishment_year, firm_year, "
    + "rnd_participation, patent, patent_party, program_participation) from bronze and the linked firms.")
public final class ConformCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    SparkSession spark = common.session(conf, "conform");
    print(System.out, run(new Warehouse(spark, conf.warehouse()), runId));
    return 0;
  }

  /** Runs the stage with its manifest; the entry the demo and {@code atlas link} call. */
  public static ConformJob.Result run(Warehouse warehouse, String runId) {
    return ConformJob.run(warehouse, runId);
  }

  public static void print(PrintStream out, ConformJob.Result r) {
    out.printf("conform %s:%n", r.runId());
    for (Map.Entry<String, Long> e : r.rows().entrySet()) {
      out.printf("  %-30s %,12d rows%n", e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Object> e : r.coverage().entrySet()) {
      out.printf("  %-45s %s%n", e.getKey(), e.getValue());
    }
  }
}
