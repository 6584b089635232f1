"""Cluster Atlas on Airflow: one spark-submit task per pipeline stage.

Runs on Airflow 2.9+ (datasets) and 3.x (assets). The stages, their dependencies and their outputs are
read from ``stage_graph.json`` beside this file: the committed output of ``atlas stages --json``, which
a Java test keeps equal to the pipeline's own definition. Nothing about the pipeline's shape is
written here.

Each task runs ``spark-submit --class org.clusteratlas.jobs.Main <app jar> <stage> --warehouse ...
--run-id <Airflow run id> --run-date <run date>``. Public outputs (gold tables, the published snapshot)
are task outlets, so dashboard DAGs can use ``schedule=[Asset("<warehouse URI>/gold/cluster_scores")]``
(``Dataset(...)`` on Airflow 2).

Deployment settings, read from the environment when the file is parsed:

- ``ATLAS_APP_JAR``: the application jar (``atlas-jobs-<version>-app.jar``) as spark-submit sees it
- ``ATLAS_WAREHOUSE``: warehouse root as Spark sees it (``s3a://...``, ``hdfs://...`` or a local path)
- ``ATLAS_RAW``: root of the raw source files, for the ingest stage
- ``ATLAS_SPARK_CONN``: Airflow connection for spark-submit (default ``spark_default``)
- ``ATLAS_SCHEDULE``: cron expression or preset (default ``@monthly``)

The run date is the ``run_date`` param when a run is triggered with it (``atlas airflow trigger
--conf '{"run_date": "2026-06-30"}'``); otherwise the end of the run's data interval, or, for an
Airflow 3 run without a logical date, the time it was queued. Every stage records it in its run
manifest (``_runs/<run id>/<stage>.json``) and ``publish`` writes it into the snapshot's manifest, so a
dashboard can tell which run date the data it reads is for. The stages compute from everything the
warehouse holds; the run date does not filter the data.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

try:  # Airflow 3
    from airflow.sdk import DAG, Asset
except ImportError:  # Airflow 2.9+: the same idea, called a dataset
    from airflow import DAG
    from airflow.datasets import Dataset as Asset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

GRAPH = json.loads(Path(__file__).with_name("stage_graph.json").read_text(encoding="utf-8"))

APP_JAR = os.environ.get("ATLAS_APP_JAR", "/opt/cluster-atlas/atlas-jobs-app.jar")
WAREHOUSE = os.environ.get("ATLAS_WAREHOUSE", "/opt/cluster-atlas/warehouse")
RAW = os.environ.get("ATLAS_RAW", "/opt/cluster-atlas/raw")
SPARK_CONN = os.environ.get("ATLAS_SPARK_CONN", "spark_default")
SCHEDULE = os.environ.get("ATLAS_SCHEDULE", "@monthly")

# options only some stages take; every stage takes the common ones
STAGE_OPTIONS = {"ingest": ["--raw", RAW]}


def warehouse_uri(warehouse: str) -> str:
    """The warehouse as a URI (asset URIs need a scheme): local paths become file:// URIs."""
    if "://" in warehouse:
        return warehouse.rstrip("/")
    return Path(warehouse).absolute().as_uri().rstrip("/")


def output_asset(output: dict) -> Asset:
    # uri only: Airflow 3 then names the asset by its URI, so consumers declare it the same way on 2 and 3
    return Asset(uri=f"{warehouse_uri(WAREHOUSE)}/{output['path']}")


def atlas_run_date(dag_run, params) -> str:
    """The run date as YYYY-MM-DD, for templates: ``{{ atlas_run_date(dag_run, params) }}``."""
    given = (params or {}).get("run_date")
    if given:
        return str(given)
    # Airflow 2 runs always have a data interval; an Airflow 3 run may have no logical date at all
    for field in ("data_interval_end", "logical_date", "run_after"):
        value = getattr(dag_run, field, None)
        if value is not None:
            return value.strftime("%Y-%m-%d")
    raise ValueError(f"DAG run {getattr(dag_run, 'run_id', '?')} has no date to run for")


def stage_arguments(stage: str) -> list[str]:
    return [stage, "--warehouse", WAREHOUSE, "--run-id", "{{ run_id }}",
            "--run-date", "{{ atlas_run_date(dag_run, params) }}"] + STAGE_OPTIONS.get(stage, [])


with DAG(
    dag_id=GRAPH["pipeline"],
    description="Cluster Atlas: score regional clusters and track firm outcomes",
    doc_md=__doc__,
    schedule=SCHEDULE,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    # every stage rewrites shared warehouse tables: runs must not overlap
    max_active_runs=1,
    params={"run_date": ""},
    user_defined_macros={"atlas_run_date": atlas_run_date},
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["cluster-atlas"],
) as dag:
    tasks = {}
    for stage in GRAPH["stages"]:
        name = stage["name"]
        tasks[name] = SparkSubmitOperator(
            task_id=name,
            conn_id=SPARK_CONN,
            application=APP_JAR,
            java_class=GRAPH["main_class"],
            name=f"cluster-atlas-{name}",
            application_args=stage_arguments(name),
            outlets=[output_asset(o) for o in stage["outputs"] if o["asset"]],
        )
        for upstream in stage["depends_on"]:
            tasks[upstream] >> tasks[name]
