package org.clusteratlas.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.jobs.pipeline.StageGraph;
import org.junit.jupiter.api.Test;
import scala.Option;

class StagesCommandTest {
  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute(args)).isZero();
      return buf.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void jsonIsTheStageGraphAndStartsNoSpark() throws Exception {
    // other test classes may have started the shared session: hide it, then see that none appears
    Option<SparkSession> shared = SparkSession.getDefaultSession();
    SparkSession.clearDefaultSession();
    SparkSession.clearActiveSession();
    String json;
    try {
      json = stdout("stages", "--json");
      assertThat(SparkSession.getDefaultSession().isEmpty()).as("default session").isTrue();
      assertThat(SparkSession.getActiveSession().isEmpty()).as("active session").isTrue();
    } finally {
      if (shared.isDefined()) {
        SparkSession.setDefaultSession(shared.get());
      }
    }

    assertThat(json).isEqualTo(StageGraph.PIPELINE.toJson());
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("main_class").asText()).isEqualTo("org.clusteratlas.jobs.Main");
    List<String> names = new ArrayList<>();
    root.path("stages").forEach(s -> names.add(s.path("name").asText()));
    assertThat(names).containsExactly("ingest", "link", "clusters", "outcomes", "quality", "publish", "report");
    JsonNode quality = root.path("stages").get(4);
    assertThat(quality.path("depends_on").toString()).isEqualTo("[\"clusters\",\"outcomes\"]");
    JsonNode metrics = root.path("stages").get(2).path("outputs").get(0);
    assertThat(metrics.toString()).isEqualTo("{\"name\":\"gold.cluster_metrics\",\"path\":\"gold/cluster_metrics\",\"asset\":true}");
  }

  @Test
  void theTableNamesEachStage() {
    assertThat(stdout("stages").lines())
        .hasSize(7)
        .anySatisfy(l -> assertThat(l).startsWith("quality").contains("after clusters, outcomes"))
        .anySatisfy(l -> assertThat(l).startsWith("outcomes").contains("gold.program_effects (asset)"));
  }
}
