package org.clusteratlas.orchestration.airflow;

/** One task instance of a DAG run; {@code state} is null for a task the scheduler has not looked at yet. */
public record TaskInstance(String taskId, String state, int tryNumber, String startDate, String endDate) {}
