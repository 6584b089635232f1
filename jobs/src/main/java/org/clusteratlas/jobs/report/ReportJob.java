package org.clusteratlas.jobs.report;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * The {@code report} stage: reads the gold cluster and outcome tables and the entity links, computes
 * the report's small aggregates with Spark, collects them and writes one self-contained HTML page to
 * {@code <warehouse>/_reports/<run_id>/report.html}, plus a {@code _reports/latest.html} copy. Sections
 * whose table is absent are left out with a note, so a partial pipeline still gets a report.
 */
public final class ReportJob {
  public static final String FOLDER = "_reports";
  public static final String STAGE = "report";
  /** Guard against collecting a big frame by mistake; every section is far below this. */
  static final int MAX_ROWS = 20_000;

  /** How much the report shows: best pairs per year and kind, and how many clusters get trend lines. */
  public record Settings(int topPerKind, int trendClusters) {
    public Settings {
      if (topPerKind < 1 || trendClusters < 1) {
        throw new UserError("--top and --trends must be at least 1");
      }
    }
  }

  public record Result(String reportPath, String latestPath, Map<String, Integer> sectionRows) {}

  private final Warehouse warehouse;
  private final Settings settings;

  public ReportJob(Warehouse warehouse, Settings settings) {
    this.warehouse = warehouse;
    this.settings = settings;
  }

  public Result run(RunManifest manifest) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<Dataset<Row>> scores = table(ReportColumns.CLUSTER_SCORES, manifest, inputs);
    Optional<Dataset<Row>> metrics = table(ReportColumns.CLUSTER_METRICS, manifest, inputs);
    Optional<Dataset<Row>> effects = table(ReportColumns.PROGRAM_EFFECTS, manifest, inputs);
    Optional<Dataset<Row>> links = table(ReportColumns.ENTITY_LINK, manifest, inputs);
    if (scores.isEmpty() && metrics.isEmpty() && effects.isEmpty() && links.isEmpty()) {
      throw new UserError("warehouse " + warehouse.root() + " has no gold tables or entity links yet: "
          + "run the pipeline (e.g. atlas demo) before atlas report");
    }

    List<Map<String, Object>> top = manifest.step("top_clusters", () -> scores
        .map(s -> collect("top clusters", ReportFrames.topClusters(s, settings.topPerKind()), notes))
        .orElse(List.of()));
    List<Map<String, Object>> sido = manifest.step("sido_scores", () -> scores
        .map(s -> collect("tile map", ReportFrames.latestSidoScores(s), notes)).orElse(List.of()));
    List<Map<String, Object>> trends = manifest.step("trends", () -> scores.isPresent() && metrics.isPresent()
        ? collect("trends", ReportFrames.trends(metrics.get(),
            ReportFrames.trendSelection(scores.get(), settings.trendClusters())), notes)
        : List.<Map<String, Object>>of());
    List<Map<String, Object>> effectRows = manifest.step("effects", () -> effects
        .map(e -> collect("program effects", ReportFrames.eventTimeEffects(e), notes)).orElse(List.of()));
    List<Map<String, Object>> linkRows = manifest.step("link_quality", () -> links
        .map(l -> collect("link quality", ReportFrames.linkQuality(l), notes)).orElse(List.of()));

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("run_id", manifest.runId());
    meta.put("generated_at", Instant.now().toString());
    meta.put("warehouse", warehouse.root());
    meta.put("inputs", inputs);
    meta.put("notes", notes);
    ReportData data = new ReportData(meta, top, sido, trends, effectRows, linkRows);
    String html = manifest.step("render", () -> ReportPage.render(data));

    String folder = warehouse.root() + "/" + FOLDER;
    String report = folder + "/" + manifest.runId() + "/report.html";
    String latest = folder + "/latest.html";
    manifest.step("write", () -> {
      write(report, html);
      write(latest, html);
    });
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("top", top.size());
    counts.put("sido_scores", sido.size());
    counts.put("trends", trends.size());
    counts.put("effects", effectRows.size());
    counts.put("links", linkRows.size());
    manifest.detail("report", report);
    manifest.detail("section_rows", counts);
    manifest.detail("notes", notes);
    return new Result(report, latest, counts);
  }

  /**
   * The table's current rows when it exists, recorded as an input. Tables whose contract is not in the
   * catalog yet are found at their conventional path {@code <warehouse>/<layer>/<name>}.
   */
  private Optional<Dataset<Row>> table(String qualifiedName, RunManifest manifest, List<Map<String, Object>> inputs) {
    Optional<TableContract> contract = Warehouse.contract(qualifiedName);
    String path = warehouse.root() + "/" + qualifiedName.replace('.', '/');
    boolean exists = DeltaTable.isDeltaTable(warehouse.spark(), path);
    long version = exists
        ? DeltaTable.forPath(warehouse.spark(), path).history(1).select("version").first().getLong(0)
        : -1;
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("table", qualifiedName);
    input.put("version", version);
    inputs.add(input);
    if (contract.isPresent()) {
      manifest.input(contract.get());
    } else {
      manifest.input(qualifiedName, exists ? "version " + version : "absent");
    }
    return exists ? Optional.of(warehouse.spark().read().format("delta").load(path)) : Optional.empty();
  }

  /** Collects a small aggregate as JSON-ready rows; non-finite numbers become null, decimals doubles. */
  static List<Map<String, Object>> collect(String section, Dataset<Row> frame, List<String> notes) {
    List<Row> rows = frame.limit(MAX_ROWS + 1).collectAsList();
    if (rows.size() > MAX_ROWS) {
      notes.add(section + ": only the first " + MAX_ROWS + " rows are shown");
      rows = rows.subList(0, MAX_ROWS);
    }
    String[] names = frame.columns();
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], jsonValue(r.get(i)));
      }
      out.add(m);
    }
    return out;
  }

  private static Object jsonValue(Object v) {
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : d;
    }
    if (v instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
    }
    if (v instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof String || v == null) {
      return v;
    }
    return v.toString();
  }

  private void write(String path, String html) {
    FileSystem fs = warehouse.fileSystem();
    try (OutputStream out = fs.create(new Path(path), true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + path, e);
    }
  }
}
