/**
 * The pipeline's stage graph: which stages exist, what each depends on and what it writes. It is the
 * source of truth for the Airflow DAG ({@code orchestration/dags/stage_graph.json} is its committed JSON
 * copy, printed by {@code atlas stages --json}) and lives in {@code jobs} because the stages do.
 */
package org.clusteratlas.jobs.pipeline;
