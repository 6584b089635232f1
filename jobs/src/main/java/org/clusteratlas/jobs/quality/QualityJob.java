package org.clusteratlas.jobs.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clusteratlas.datasets.schema.Catalog;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.publish.ServingSnapshot;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas quality}: the expectations on the gold tables that must hold before anything is
 * published (see {@link TableExpectations}). Row counts are compared with the latest published
 * snapshot. A failing expectation fails the stage, which stops publishing.
 */
public final class QualityJob {
  /** Thrown when an expectation fails; its message names every failing expectation. */
  public static final class QualityFailure extends RuntimeException {
    QualityFailure(String message) {
      super(message);
    }
  }

  public record Result(List<Expectation> expectations) {
    public List<Expectation> failed() {
      return expectations.stream().filter(e -> !e.passed()).toList();
    }

    public String render() {
      StringBuilder sb = new StringBuilder();
      expectations.forEach(e -> sb.append("  ").append(e).append('\n'));
      return sb.toString();
    }
  }

  private final Warehouse warehouse;

  public QualityJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The tables quality gates: every gold table of the catalog. */
  public static List<TableContract> gated() {
    return Catalog.ALL.stream().filter(t -> t.layer().equals("gold")).toList();
  }

  public Result run(RunManifest manifest) {
    List<Expectation> all = new ArrayList<>();
    JsonNode previous = latestManifest();
    for (TableContract t : gated()) {
      manifest.input(t);
      if (!warehouse.exists(t)) {
        all.add(new Expectation(t.qualifiedName(), "exists", false, "table was never written"));
        continue;
      }
      JsonNode prev = previous == null ? null : previous.path("tables").path(t.qualifiedName()).path("rows");
      OptionalLong prevRows = prev == null || prev.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(prev.asLong());
      all.addAll(manifest.step("check " + t.qualifiedName(),
          () -> TableExpectations.check(t, warehouse.read(t), prevRows)));
    }
    Result result = new Result(all);
    manifest.detail("expectations", all.stream().map(Expectation::toString).toList());
    if (!result.failed().isEmpty()) {
      throw new QualityFailure(result.failed().size() + " expectation(s) failed, nothing published: "
          + String.join("; ", result.failed().stream().map(Expectation::toString).toList()));
    }
    return result;
  }

  /** The manifest of the latest published snapshot, or null when nothing was published yet. */
  private JsonNode latestManifest() {
    FileSystem fs = warehouse.fileSystem();
    Path pointer = new Path(warehouse.root() + "/" + ServingSnapshot.FOLDER, ServingSnapshot.LATEST);
    try {
      if (!fs.exists(pointer)) {
        return null;
      }
      String runId;
      try (InputStream in = fs.open(pointer)) {
        runId = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      Path manifest = new Path(warehouse.root() + "/" + ServingSnapshot.FOLDER + "/" + runId, "manifest.json");
      try (InputStream in = fs.open(manifest)) {
        return new ObjectMapper().readTree(in);
      }
    } catch (IOException e) {
      return null; // an unreadable previous snapshot only disables the row-count comparison
    }
  }
}
