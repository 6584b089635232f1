/**
 * Scheduling Cluster Atlas. The Airflow DAG lives in {@code orchestration/dags/} (Python, built from the
 * committed copy of the pipeline's stage graph); {@link org.clusteratlas.orchestration.airflow} is the
 * Java client for Airflow's REST API behind {@code atlas airflow}. This module has no Spark dependency.
 */
package org.clusteratlas.orchestration;
