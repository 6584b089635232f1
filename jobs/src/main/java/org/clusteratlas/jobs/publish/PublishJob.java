package org.clusteratlas.jobs.publish;

import java.util.List;
import java.util.Map;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.quality.QualityJob;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas publish}: writes the run's serving snapshot of the gold tables (the gold tables stay
 * the source of truth) and moves the {@code latest} pointer. Run after {@code quality}.
 */
public final class PublishJob {
  private final Warehouse warehouse;

  public PublishJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Returns the folder the snapshot was written to. */
  public String run(RunManifest manifest) {
    // the gold tables, and the link decisions the link-quality notebook reads
    List<TableContract> tables = java.util.stream.Stream.concat(QualityJob.gated().stream(),
        java.util.stream.Stream.of(Silver.ENTITY_LINK)).filter(warehouse::exists).toList();
    if (tables.stream().noneMatch(t -> t.layer().equals("gold"))) {
      throw new UserError("no gold tables in " + warehouse.root() + " to publish (run the clusters and outcomes stages first)");
    }
    tables.forEach(manifest::input);
    ServingSnapshot snapshot = new ServingSnapshot(warehouse);
    Map<String, Object> written = manifest.step("snapshot", () -> snapshot.publish(manifest.runId(), tables));
    manifest.detail("snapshot", snapshot.runFolder(manifest.runId()));
    manifest.detail("tables", written.get("tables"));
    return snapshot.runFolder(manifest.runId());
  }
}
