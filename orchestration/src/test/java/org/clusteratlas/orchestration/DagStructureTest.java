package org.clusteratlas.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the DAG's Python structure test (dags/test_dag_structure.py, plain unittest, no Airflow needed)
 * as part of the Maven build. Together with jobs' StageGraphTest, which keeps dags/stage_graph.json
 * equal to the pipeline's StageGraph, this ties the DAG's tasks, dependencies and outlets to the stages.
 */
class DagStructureTest {
  @Test
  void dagMatchesTheStageGraph() throws Exception {
    Path dags = Path.of("dags");
    assertThat(dags.resolve("test_dag_structure.py")).exists();
    ProcessBuilder pb = new ProcessBuilder("python3", "-m", "unittest", "-v", "test_dag_structure")
        .directory(dags.toFile())
        .redirectErrorStream(true);
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // leave no __pycache__ in the source tree
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    assertThat(status).as(output).isZero();
    assertThat(output).as(output).contains("\nOK").doesNotContain("FAILED");
  }
}
