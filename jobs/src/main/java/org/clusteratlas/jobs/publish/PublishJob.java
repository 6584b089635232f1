package org.clusteratlas.jobs.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.link.LinkQuality;
import org.clusteratlas.jobs.quality.QualityJob;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas publish}: writes the run's serving snapshot of the gold tables (the gold tables stay
 * the source of truth) and a summary of the entity links, and moves the {@code latest} pointer. Run
 * after {@code quality}.
 */
public final class PublishJob {
  private final Warehouse warehouse;

  public PublishJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Returns the folder the snapshot was written to. */
  public String run(RunManifest manifest) {
    List<TableContract> gold = QualityJob.gated().stream().filter(warehouse::exists).toList();
    if (gold.isEmpty()) {
      throw new UserError("no gold tables in " + warehouse.root() + " to publish (run the clusters and outcomes stages first)");
    }
    ServingSnapshot snapshot = new ServingSnapshot(warehouse);
    List<ServingSnapshot.Served> served = new ArrayList<>();
    gold.forEach(t -> served.add(snapshot.asIs(t)));
    // the link-quality notebook reads a summary: entity_link has a row per source record
    if (warehouse.exists(Silver.ENTITY_LINK)) {
      served.add(snapshot.summary(Link.ENTITY_LINK_SUMMARY, Silver.ENTITY_LINK, LinkQuality::summary));
    }
    served.forEach(s -> manifest.input(s.readFrom()));
    Map<String, Object> written = manifest.step("snapshot", () -> snapshot.publish(manifest.runId(), served));
    manifest.detail("snapshot", snapshot.runFolder(manifest.runId()));
    manifest.detail("tables", written.get("tables"));
    return snapshot.runFolder(manifest.runId());
  }
}
