package org.clusteratlas.orchestration.airflow;

/** Any failure talking to Airflow. Messages are one line and never contain credentials. */
public class AirflowException extends RuntimeException {
  public AirflowException(String message) {
    super(message);
  }

  public AirflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
