package org.clusteratlas.orchestration.airflow;

/** A DAG run did not finish within the time allowed; {@link #lastSeen()} is its last reported state. */
public final class WaitTimeoutException extends AirflowException {
  private final DagRun lastSeen;

  WaitTimeoutException(String message, DagRun lastSeen) {
    super(message);
    this.lastSeen = lastSeen;
  }

  public DagRun lastSeen() {
    return lastSeen;
  }
}
