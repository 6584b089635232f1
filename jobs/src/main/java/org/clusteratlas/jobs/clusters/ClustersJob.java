package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.region.RegionCatalog;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas clusters}: silver → {@code gold.cluster_metrics}, {@code gold.cluster_scores},
 * {@code gold.tech_specialization}. Every year is computed (growth needs earlier years); all years
 * are overwritten, or with {@code years} only those years are replaced ({@code replaceWhere}), so a
 * re-run with the same inputs writes the same rows.
 */
public final class ClustersJob {
  private static final Logger LOG = LogManager.getLogger(ClustersJob.class);

  /** What to compute: optional year filter, definitions file, weights file, truth folder. */
  public record Options(List<Integer> years, Path customClusters, Path weights, Path truthDir) {
    public static Options defaults() {
      return new Options(List.of(), null, null, null);
    }
  }

  /** The top of the latest year's ranking (small, collected) and the truth check when asked. */
  public record Result(String runId, String methodVersion, int latestYear, long metricsRows, long scoresRows,
      long techRows, List<Row> latestTop, Optional<StrongClusterEvaluation.Outcome> evaluation,
      Map<String, Double> stepSeconds) {

    /** The top {@code n} industry clusters (KSIC division, sigungu) of the latest year, as a text table. */
    public String renderTop(int n) {
      RegionCatalog regions = RegionCatalog.load();
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "top %d industry clusters (sigungu × KSIC division), %d — %s%n", n, latestYear, methodVersion));
      sb.append(String.format(Locale.ROOT, "%4s  %-22s %-44s %9s %7s %10s %6s %5s%n",
          "rank", "region", "cluster", "composite", "LQ", "employment", "strong", "stars"));
      for (Row r : latestTop.subList(0, Math.min(n, latestTop.size()))) {
        String region = Optional.ofNullable(regions.fullNameOf(r.getAs("region_code"))).orElse(r.getAs("region_code"));
        String cluster = r.<String>getAs("cluster_id") + " " + Optional.ofNullable(r.<String>getAs("cluster_name")).orElse("");
        sb.append(String.format(Locale.ROOT, "%4d  %-22s %-44s %9.3f %7.2f %,10.0f %6s %5d%n",
            r.<Integer>getAs("rank_in_kind"), truncate(region, 22), truncate(cluster, 44),
            r.<Double>getAs("composite"), nz(r.getAs("lq")), nz(r.getAs("employment")),
            Boolean.TRUE.equals(r.getAs("strong_cluster")) ? "yes" : "", r.<Integer>getAs("stars")));
      }
      evaluation.ifPresent(e -> sb.append(e.describe()).append(System.lineSeparator()));
      return sb.toString();
    }

    private static double nz(Double v) {
      return v == null ? 0 : v;
    }

    private static String truncate(String s, int width) {
      return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
  }

  /**
   * The latest year NPS reports in full (some workplace registered in all 12 months): the NPS file runs
   * months past the last fiscal year, and a partial year's annual-mean employment is not comparable.
   * Falls back to the latest scored year when no year is complete.
   */
  private int latestCompleteYear(Dataset<Row> scores) {
    Row complete = warehouse.read(Silver.ESTABLISHMENT_YEAR).groupBy("year")
        .agg(max("months_reported").as("months")).filter(col("months").geq(12)).agg(max("year")).first();
    Row latest = scores.agg(max("year")).first();
    if (latest.isNullAt(0)) {
      return 0;
    }
    return complete.isNullAt(0) ? latest.getInt(0) : Math.min(latest.getInt(0), complete.getInt(0));
  }

  private final Warehouse warehouse;
  private final Options options;

  public ClustersJob(Warehouse warehouse, Options options) {
    this.warehouse = warehouse;
    this.options = options;
  }

  public Result run(RunManifest manifest) {
    CustomClusters custom = CustomClusters.load(options.customClusters());
    ScoreWeights weights = ScoreWeights.load(options.weights());
    List<StrongClusterEvaluation.Planted> truth =
        options.truthDir() == null ? null : StrongClusterEvaluation.readTruth(options.truthDir());
    if (!warehouse.exists(Silver.ESTABLISHMENT_YEAR) || !warehouse.exists(Silver.FIRM)) {
      throw new UserError("silver.establishment_year and silver.firm are needed in " + warehouse.root()
          + " (run 'atlas link' first)");
    }
    for (TableContract t : List.of(Silver.FIRM, Silver.FIRM_YEAR, Silver.ESTABLISHMENT_YEAR,
        Silver.RND_PARTICIPATION, Silver.PATENT, Silver.PATENT_PARTY)) {
      manifest.input(t);
    }
    String methodVersion = ClusterScores.methodVersion(weights, custom);
    manifest.detail("method_version", methodVersion);
    manifest.detail("weights", weights.describe());
    manifest.detail("custom_clusters", custom.version());
    ClusterInputs in = new ClusterInputs(warehouse.read(Silver.FIRM), warehouse.read(Silver.FIRM_YEAR),
        warehouse.read(Silver.ESTABLISHMENT_YEAR), warehouse.read(Silver.RND_PARTICIPATION),
        warehouse.read(Silver.PATENT), warehouse.read(Silver.PATENT_PARTY));

    long metricsRows = manifest.step("metrics", () -> write(GoldClusters.CLUSTER_METRICS,
        ClusterMetrics.compute(in, custom), manifest));
    long techRows = manifest.step("tech_specialization", () -> write(GoldClusters.TECH_SPECIALIZATION,
        TechSpecialization.compute(in.patent(), in.patentParty()), manifest));
    // every year is scored (the innovation pillars look back two years); write() keeps the chosen ones
    Dataset<Row> metrics = warehouse.read(GoldClusters.CLUSTER_METRICS);
    long scoresRows = manifest.step("scores", () -> write(GoldClusters.CLUSTER_SCORES,
        ClusterScores.score(metrics, weights, methodVersion), manifest));
    manifest.step("checks", () -> check(manifest));

    Dataset<Row> scores = selected(warehouse.read(GoldClusters.CLUSTER_SCORES));
    int latestYear = latestCompleteYear(scores);
    List<Row> top = scores.filter(col("year").equalTo(latestYear).and(col("region_level").equalTo("sigungu"))
            .and(col("cluster_kind").equalTo(ClusterMembership.KSIC_DIVISION)).and(col("composite").isNotNull()))
        .join(metrics.select("year", "region_level", "region_code", "cluster_kind", "cluster_id", "employment", "lq"),
            Joins.seq(GoldClusters.KEY))
        .orderBy(col("composite").desc(), col("region_code"), col("cluster_id"))
        .limit(50).collectAsList();
    Optional<StrongClusterEvaluation.Outcome> evaluation = Optional.ofNullable(truth).map(t ->
        manifest.step("evaluate", () -> StrongClusterEvaluation.evaluate(scores, t, latestYear == 0 ? null : latestYear)));
    evaluation.ifPresent(e -> {
      manifest.detail("planted_precision_at_k", e.precision());
      manifest.detail("planted_k", e.k());
      LOG.info("clusters: {}", e.describe());
    });
    Map<String, Double> seconds = new LinkedHashMap<>();
    manifest.steps().forEach(s -> seconds.put((String) s.get("step"), (Double) s.get("seconds")));
    return new Result(manifest.runId(), methodVersion, latestYear, metricsRows, scoresRows, techRows, top,
        evaluation, seconds);
  }

  private Dataset<Row> selected(Dataset<Row> rows) {
    if (options.years().isEmpty()) {
      return rows;
    }
    return rows.filter(col("year").isin(options.years().toArray()));
  }

  /** Full overwrite, or replaceWhere on the chosen years; returns the rows written. */
  private long write(TableContract table, Dataset<Row> rows, RunManifest manifest) {
    Dataset<Row> out = selected(Warehouse.conform(rows, table));
    var writer = out.write().format("delta").mode("overwrite");
    if (!options.years().isEmpty() && warehouse.exists(table)) {
      writer = writer.option("replaceWhere", "year IN (" + options.years().stream().map(String::valueOf)
          .collect(Collectors.joining(",")) + ")").option("mergeSchema", "true");
    } else {
      writer = writer.option("overwriteSchema", "true");
    }
    writer.save(warehouse.path(table));
    long count = selected(warehouse.read(table)).count();
    manifest.output(table, count);
    LOG.info("clusters: {} rows written to {}", count, table.qualifiedName());
    return count;
  }

  /**
   * Quality checks recorded in the manifest: one row per key in each table (a duplicate fails the
   * run), and the fractional applicant-based patent totals per level, which equal the number of
   * applications with a located applicant and a mapped IPC field (the same at both levels when every
   * applicant has a sigungu).
   */
  private void check(RunManifest manifest) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (TableContract t : GoldClusters.ALL) {
      Dataset<Row> rows = selected(warehouse.read(t));
      Column[] key = t.keyColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
      long duplicates = rows.count() - rows.select(key).distinct().count();
      results.put(t.qualifiedName() + ".duplicate_keys", duplicates);
      if (duplicates != 0) {
        throw new IllegalStateException(t.qualifiedName() + " has " + duplicates + " duplicate keys");
      }
    }
    List<Row> sums = selected(warehouse.read(GoldClusters.TECH_SPECIALIZATION))
        .groupBy("region_level").agg(sum("patents_applicant").as("fractional")).collectAsList();
    List<String> fractional = new ArrayList<>();
    sums.forEach(r -> fractional.add(r.getString(0) + "=" + String.format(Locale.ROOT, "%.3f", r.getDouble(1))));
    results.put("fractional_applicant_patents_by_level", String.join(",", fractional));
    manifest.detail("checks", results);
  }
}
