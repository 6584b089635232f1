"""Structure test of cluster_atlas.py, runnable without Airflow: ``python3 -m unittest test_dag_structure``.

Airflow cannot be installed here, so the DAG file is executed with small stand-ins for the four
Airflow names it imports. The stand-ins only record what the DAG asks for; they accept just the
keyword arguments the real classes accept (from the Airflow 2.10 / 3.x and apache-spark provider
sources), so a misspelled argument fails here as it would in Airflow. An AST check pins the import
paths the stand-ins replace. Run for both flavours: Airflow 3 (``airflow.sdk.Asset``) and Airflow 2
(``airflow.datasets.Dataset``).
"""
from __future__ import annotations

import ast
import importlib.util
import json
import sys
import types
import unittest
from datetime import datetime
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
DAG_FILE = HERE / "cluster_atlas.py"
GRAPH = json.loads((HERE / "stage_graph.json").read_text(encoding="utf-8"))

ENV = {
    "ATLAS_APP_JAR": "/jobs/atlas-jobs-app.jar",
    "ATLAS_WAREHOUSE": "s3a://lake/atlas/",
    "ATLAS_RAW": "s3a://lake/raw",
    "ATLAS_SPARK_CONN": "spark_prod",
    "ATLAS_SCHEDULE": "0 3 1 * *",
}

# parameters of SparkSubmitOperator (provider 5.x) and of BaseOperator that a DAG may pass
SPARK_SUBMIT_PARAMS = {
    "application", "conf", "conn_id", "files", "py_files", "archives", "driver_class_path", "jars",
    "java_class", "packages", "exclude_packages", "repositories", "total_executor_cores", "executor_cores",
    "executor_memory", "driver_memory", "keytab", "principal", "proxy_user", "name", "num_executors",
    "status_poll_interval", "application_args", "env_vars", "verbose", "spark_binary", "properties_file",
    "yarn_queue", "deploy_mode", "use_krb5ccache", "post_submit_commands",
}
BASE_OPERATOR_PARAMS = {
    "task_id", "owner", "email", "retries", "retry_delay", "depends_on_past", "pool", "queue",
    "priority_weight", "execution_timeout", "trigger_rule", "inlets", "outlets", "doc_md", "dag",
    "max_active_tis_per_dag", "executor_config", "sla", "on_failure_callback", "on_success_callback",
}
DAG_PARAMS = {
    "dag_id", "description", "schedule", "start_date", "end_date", "default_args", "max_active_tasks",
    "max_active_runs", "catchup", "doc_md", "params", "user_defined_macros", "user_defined_filters", "tags",
    "dagrun_timeout", "template_searchpath", "render_template_as_native_obj", "owner_links", "is_paused_upon_creation",
}


class StandInDAG:
    current = None

    def __init__(self, **kwargs):
        unknown = set(kwargs) - DAG_PARAMS
        if unknown:
            raise TypeError(f"DAG() got unexpected keyword arguments {sorted(unknown)}")
        self.kwargs = kwargs
        self.dag_id = kwargs["dag_id"]
        self.tasks = {}

    def __enter__(self):
        StandInDAG.current = self
        return self

    def __exit__(self, *exc):
        StandInDAG.current = None
        return False


class StandInSparkSubmitOperator:
    def __init__(self, *, task_id, **kwargs):
        unknown = set(kwargs) - SPARK_SUBMIT_PARAMS - BASE_OPERATOR_PARAMS
        if unknown:
            raise TypeError(f"SparkSubmitOperator() got unexpected keyword arguments {sorted(unknown)}")
        if StandInDAG.current is None:
            raise RuntimeError(f"task {task_id} created outside a DAG context")
        if task_id in StandInDAG.current.tasks:
            raise ValueError(f"duplicate task id {task_id}")
        self.task_id = task_id
        self.kwargs = kwargs
        self.upstream_task_ids = set()
        self.downstream_task_ids = set()
        StandInDAG.current.tasks[task_id] = self

    def set_downstream(self, other):
        self.downstream_task_ids.add(other.task_id)
        other.upstream_task_ids.add(self.task_id)

    def set_upstream(self, other):
        other.set_downstream(self)

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        self.set_upstream(other)
        return other


class StandInAsset:
    """airflow.sdk.Asset (3.x): name and uri, each defaulting to the other."""

    def __init__(self, name=None, uri=None, *, group="asset", extra=None, watchers=()):
        if name is None and uri is None:
            raise TypeError("Asset() needs a name or a uri")
        self.name = name if name is not None else uri
        self.uri = uri if uri is not None else name


class StandInDataset:
    """airflow.datasets.Dataset (2.x): a uri and optional extra; there is no name."""

    def __init__(self, uri, extra=None):
        if not isinstance(uri, str) or not uri.isascii() or uri.startswith("airflow:"):
            raise ValueError(f"invalid dataset URI {uri!r}")
        self.uri = uri


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    return m


def airflow_modules(version):
    mods = {
        "airflow": module("airflow", DAG=StandInDAG),
        "airflow.providers": module("airflow.providers"),
        "airflow.providers.apache": module("airflow.providers.apache"),
        "airflow.providers.apache.spark": module("airflow.providers.apache.spark"),
        "airflow.providers.apache.spark.operators": module("airflow.providers.apache.spark.operators"),
        "airflow.providers.apache.spark.operators.spark_submit": module(
            "airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=StandInSparkSubmitOperator),
        "airflow.datasets": module("airflow.datasets", Dataset=StandInDataset),
    }
    if version == 3:
        mods["airflow.sdk"] = module("airflow.sdk", DAG=StandInDAG, Asset=StandInAsset)
    else:
        mods["airflow.sdk"] = None  # a None entry makes "import airflow.sdk" raise ImportError, as on Airflow 2
    return mods


def load_dag_module(version, env=ENV):
    with mock.patch.dict(sys.modules, airflow_modules(version)), mock.patch.dict("os.environ", env):
        spec = importlib.util.spec_from_file_location(f"cluster_atlas_af{version}", DAG_FILE)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    return mod


class DagStructureTest(unittest.TestCase):
    def check_structure(self, version, asset_class):
        mod = load_dag_module(version)
        dag = mod.dag
        self.assertEqual(dag.dag_id, GRAPH["pipeline"])
        self.assertEqual(list(dag.tasks), [s["name"] for s in GRAPH["stages"]])
        for stage in GRAPH["stages"]:
            task = dag.tasks[stage["name"]]
            with self.subTest(stage=stage["name"]):
                self.assertEqual(task.upstream_task_ids, set(stage["depends_on"]))
                expected_outlets = [f"s3a://lake/atlas/{o['path']}" for o in stage["outputs"] if o["asset"]]
                self.assertEqual([a.uri for a in task.kwargs["outlets"]], expected_outlets)
                self.assertTrue(all(isinstance(a, asset_class) for a in task.kwargs["outlets"]))
                self.assertEqual(task.kwargs["java_class"], "org.clusteratlas.jobs.Main")
                self.assertEqual(task.kwargs["application"], "/jobs/atlas-jobs-app.jar")
                self.assertEqual(task.kwargs["conn_id"], "spark_prod")
                args = task.kwargs["application_args"]
                self.assertEqual(args[:7], [stage["name"], "--warehouse", "s3a://lake/atlas/", "--run-id", "{{ run_id }}",
                                            "--run-date", "{{ atlas_run_date(dag_run, params) }}"])
        self.assertEqual(dag.tasks["ingest"].kwargs["application_args"][7:], ["--raw", "s3a://lake/raw"])
        self.assertEqual(dag.kwargs["schedule"], "0 3 1 * *")
        self.assertEqual(dag.kwargs["max_active_runs"], 1)
        return mod

    def test_airflow3_uses_assets(self):
        mod = self.check_structure(3, StandInAsset)
        # named by URI, so a consumer's Asset("<uri>") is the same asset
        for a in mod.dag.tasks["clusters"].kwargs["outlets"]:
            self.assertEqual(a.name, a.uri)

    def test_airflow2_uses_datasets(self):
        self.check_structure(2, StandInDataset)

    def test_gold_tables_and_snapshot_are_the_only_outlets(self):
        mod = load_dag_module(3)
        outlets = [a.uri for t in mod.dag.tasks.values() for a in t.kwargs["outlets"]]
        self.assertEqual(outlets, [
            "s3a://lake/atlas/gold/cluster_metrics", "s3a://lake/atlas/gold/cluster_scores",
            "s3a://lake/atlas/gold/tech_specialization", "s3a://lake/atlas/gold/firm_outcomes",
            "s3a://lake/atlas/gold/program_effects", "s3a://lake/atlas/_serving/latest"])

    def test_local_warehouse_becomes_a_file_uri(self):
        mod = load_dag_module(3, dict(ENV, ATLAS_WAREHOUSE="/data/atlas/warehouse"))
        self.assertEqual([a.uri for a in mod.dag.tasks["outcomes"].kwargs["outlets"]],
                         ["file:///data/atlas/warehouse/gold/firm_outcomes",
                          "file:///data/atlas/warehouse/gold/program_effects"])


class RunDateTest(unittest.TestCase):
    def setUp(self):
        self.run_date = load_dag_module(3).atlas_run_date

    def test_param_wins(self):
        run = types.SimpleNamespace(data_interval_end=datetime(2026, 2, 1))
        self.assertEqual(self.run_date(run, {"run_date": "2025-12-31"}), "2025-12-31")

    def test_scheduled_run_uses_the_end_of_its_interval(self):
        run = types.SimpleNamespace(data_interval_end=datetime(2026, 2, 1, 3), logical_date=datetime(2026, 1, 1, 3))
        self.assertEqual(self.run_date(run, {"run_date": ""}), "2026-02-01")

    def test_airflow3_manual_run_without_logical_date_uses_run_after(self):
        run = types.SimpleNamespace(data_interval_end=None, logical_date=None, run_after=datetime(2026, 11, 23, 14, 5))
        self.assertEqual(self.run_date(run, {}), "2026-11-23")

    def test_a_run_without_any_date_is_an_error(self):
        with self.assertRaises(ValueError):
            self.run_date(types.SimpleNamespace(run_id="x"), {})

    def test_templates_render(self):
        try:
            import jinja2
        except ImportError:
            self.skipTest("jinja2 not installed")
        mod = load_dag_module(3)
        env = jinja2.Environment(undefined=jinja2.StrictUndefined)  # Airflow's default for DAG templates
        context = {"run_id": "scheduled__2026-01-01T03:00:00+00:00",
                   "dag_run": types.SimpleNamespace(data_interval_end=datetime(2026, 2, 1, 3)),
                   "params": {"run_date": ""}, **mod.dag.kwargs["user_defined_macros"]}
        rendered = [env.from_string(a).render(context) for a in mod.dag.tasks["clusters"].kwargs["application_args"]]
        self.assertEqual(rendered, ["clusters", "--warehouse", "s3a://lake/atlas/", "--run-id",
                                    "scheduled__2026-01-01T03:00:00+00:00", "--run-date", "2026-02-01"])


class ImportsTest(unittest.TestCase):
    """The stand-ins replace exactly these Airflow names, the documented import paths."""

    def test_imports(self):
        tree = ast.parse(DAG_FILE.read_text(encoding="utf-8"))
        imports = sorted((node.module, tuple(sorted(a.name for a in node.names)))
                         for node in ast.walk(tree)
                         if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("airflow"))
        self.assertEqual(imports, [
            ("airflow", ("DAG",)),
            ("airflow.datasets", ("Dataset",)),
            ("airflow.providers.apache.spark.operators.spark_submit", ("SparkSubmitOperator",)),
            ("airflow.sdk", ("Asset", "DAG")),
        ])

    def test_stand_in_operator_rejects_unknown_arguments(self):
        with StandInDAG(dag_id="x"):
            with self.assertRaises(TypeError):
                StandInSparkSubmitOperator(task_id="t", java_klass="Main")
        with self.assertRaises(TypeError):
            StandInDataset(uri="s3://x", name="x")  # Airflow 2 datasets have no name


if __name__ == "__main__":
    unittest.main()
