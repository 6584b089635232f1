package org.clusteratlas.orchestration.airflow;

import java.util.List;

/**
 * A dataset (Airflow 2) or asset (Airflow 3) event that was recorded, with the ids of the DAG runs it
 * created right away (often none: the scheduler queues them).
 */
public record AssetEvent(long assetId, String uri, List<String> createdDagRunIds) {
  public AssetEvent {
    createdDagRunIds = List.copyOf(createdDagRunIds);
  }
}
