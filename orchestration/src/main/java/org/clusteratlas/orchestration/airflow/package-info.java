/**
 * A small client for Airflow's stable REST API: trigger a DAG run with conf, wait for it, list its task
 * instances, and post a dataset (Airflow 2) or asset (Airflow 3) event.
 *
 * <p>{@link org.clusteratlas.orchestration.airflow.ApiVersion} holds what differs between API v1
 * (Airflow 2.9+, basic auth) and API v2 (Airflow 3, a JWT from {@code POST /auth/token}); the paths and
 * payloads follow the OpenAPI specifications of those versions. Secrets live in
 * {@link org.clusteratlas.orchestration.airflow.Secret}, which never prints its value.
 */
package org.clusteratlas.orchestration.airflow;
