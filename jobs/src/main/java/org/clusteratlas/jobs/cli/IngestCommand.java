package org.clusteratlas.jobs.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.jobs.ingest.IngestJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Load the raw source files into typed bronze Delta tables.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--raw", paramLabel = "PATH", defaultValue = "atlas-data",
      description = "Raw root holding registry/, financials/, nps/, ntis/, kipris/, programs/ (default: ${DEFAULT-VALUE}).")
  String raw;

  @Option(names = "--vintage", paramLabel = "DATE",
      description = "Region-code vintage to harmonise to (YYYY-MM-DD); default: the current codes.")
  LocalDate vintage;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    SparkSession spark = common.session(conf, "ingest");
    IngestJob.Result r = run(new Warehouse(spark, conf.warehouse()), raw, vintage, runId);
    print(System.out, r);
    return r.failed().isEmpty() ? 0 : 1;
  }

  public static IngestJob.Result run(Warehouse warehouse, String raw, LocalDate vintage, String runId) {
    RegionVintage v = vintage == null ? RegionVintage.current() : RegionVintage.asOf(vintage);
    return RunManifest.record(warehouse, runId, "ingest", manifest -> {
      IngestJob.Result r = new IngestJob(warehouse, raw, v).run(manifest);
      if (!r.failed().isEmpty()) {
        manifest.outcome("partial");
      }
      return r;
    });
  }

  public static void print(PrintStream out, IngestJob.Result r) {
    out.printf("ingest %s: %d files read, %d unchanged, %d failed; rows read %,d = loaded %,d + quarantined %,d%n",
        r.loadId(), r.files().size() - r.failed().size(), r.skipped(), r.failed().size(),
        r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined());
    for (IngestJob.FileResult f : r.failed()) {
      out.printf("  FAILED %s: %s%n", f.file(), f.message());
    }
  }
}
