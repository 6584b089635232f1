package org.clusteratlas.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.clusters.ClustersJob;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "clusters", mixinStandardHelpOptions = true,
    description = "Score regional clusters: gold.cluster_metrics, gold.cluster_scores, gold.tech_specialization.")
public final class ClustersCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--years", paramLabel = "YEARS",
      description = "Years to (re)write, e.g. 2023 or 2019-2023 or 2020,2022; default: all years (full overwrite).")
  String years;

  @Option(names = "--custom-clusters", paramLabel = "FILE",
      description = "Custom cluster definitions (CSV, see docs/custom-clusters.md); default: the shipped custom_clusters_v1.csv.")
  Path customClusters;

  @Option(names = "--weights", paramLabel = "FILE",
      description = "Composite weights (CSV pillar,weight); default: the shipped weights_v1.csv.")
  Path weights;

  @Option(names = "--evaluate", paramLabel = "TRUTH_DIR",
      description = "Generator truth folder: report precision of the top-k strong clusters against truth/strong_clusters.csv.")
  Path truth;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Clusters of the latest year to print (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    List<Integer> selectedYears = parseYears(years);
    SparkSession spark = common.session(conf, "clusters");
    ClustersJob.Result r = run(new Warehouse(spark, conf.warehouse()),
        new ClustersJob.Options(selectedYears, customClusters, weights, truth), runId);
    print(System.out, r, top);
    return 0;
  }

  /** The entry the demo calls: runs the stage with its manifest and returns what it computed. */
  public static ClustersJob.Result run(Warehouse warehouse, ClustersJob.Options options, String runId) {
    return RunManifest.record(warehouse, runId, "clusters", m -> new ClustersJob(warehouse, options).run(m));
  }


  static void print(PrintStream out, ClustersJob.Result r, int top) {
    out.printf(Locale.ROOT, "clusters %s: %,d metric rows, %,d score rows, %,d tech rows (%s)%n", r.runId(),
        r.metricsRows(), r.scoresRows(), r.techRows(), r.stepSeconds());
    out.print(r.renderTop(top));
  }

  /** {@code 2023}, {@code 2019-2023}, {@code 2020,2022} or a mix; null or blank → all years. */
  static List<Integer> parseYears(String spec) {
    List<Integer> out = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (!p.matches("\\d{4}(-\\d{4})?")) {
        throw new UserError("--years takes years like 2023, 2019-2023 or 2020,2022 (got '" + spec + "')");
      }
      int from = Integer.parseInt(p.substring(0, 4));
      int to = p.length() > 4 ? Integer.parseInt(p.substring(5)) : from;
      if (to < from) {
        throw new UserError("--years range runs backwards: '" + p + "'");
      }
      for (int y = from; y <= to; y++) {
        if (!out.contains(y)) {
          out.add(y);
        }
      }
    }
    return out;
  }
}
