package org.clusteratlas.jobs.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.spark.AtlasSession;
import picocli.CommandLine.Option;

/** Options every Spark command shares; resolved through {@link AtlasConf}'s precedence. */
public final class CommonOptions {
  @Option(names = "--warehouse", paramLabel = "PATH",
      description = "Warehouse root (local path, hdfs://, s3a://). Env ATLAS_WAREHOUSE; default ./warehouse.")
  String warehouse;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master. Env ATLAS_MASTER; default local[*]. Ignored under spark-submit.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting (repeatable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id for the manifests (Airflow passes its run id); default: UTC time + random suffix.")
  String runId;

  @Option(names = "--run-date", paramLabel = "DATE",
      description = "The date this run is for, YYYY-MM-DD (the Airflow DAG passes its run date), recorded in every "
          + "run manifest and in the published snapshot's manifest; default: today, UTC.")
  LocalDate runDate;

  public LocalDate runDate() {
    return runDate != null ? runDate : LocalDate.now(ZoneOffset.UTC);
  }

  public AtlasConf resolve() {
    return AtlasConf.fromEnvironment(warehouse, master, conf);
  }

  public SparkSession session(AtlasConf conf, String command) {
    SparkSession spark = AtlasSession.create(conf, "cluster-atlas " + command);
    spark.conf().set(AtlasSession.RUN_DATE, runDate().toString());
    return spark;
  }

  public String runId() {
    if (runId != null && !runId.isBlank()) {
      if (!runId.matches("[A-Za-z0-9_.:+\\-]+")) {
        throw new IllegalArgumentException("--run-id may hold letters, digits and _.:+- only, got '" + runId + "'");
      }
      return runId;
    }
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
