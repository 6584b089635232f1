package org.clusteratlas.orchestration.airflow;

import java.util.Set;

/** One DAG run as the API reports it; {@code logicalDate} is null for Airflow 3 runs without one. */
public record DagRun(String dagId, String dagRunId, String state, String logicalDate) {
  // Airflow's DagRunState; anything else (queued, running) is still in progress
  private static final Set<String> FINISHED = Set.of("success", "failed");

  public boolean finished() {
    return FINISHED.contains(state);
  }

  public boolean succeeded() {
    return "success".equals(state);
  }
}
