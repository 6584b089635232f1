package org.clusteratlas.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusteratlas.datasets.schema.Catalog;
import org.clusteratlas.datasets.schema.TableContract;
import org.junit.jupiter.api.Test;

class StageGraphTest {
  /** The committed copy next to the DAG; Surefire runs with the module folder as working directory. */
  static final Path COMMITTED = Path.of("..", "orchestration", "dags", "stage_graph.json");

  @Test
  void stagesAndDependenciesAreThoseOfThePipeline() {
    // from the design: link also conforms; clusters and outcomes both need link; quality needs both
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("ingest", List.of());
    expected.put("link", List.of("ingest"));
    expected.put("clusters", List.of("link"));
    expected.put("outcomes", List.of("link"));
    expected.put("quality", List.of("clusters", "outcomes"));
    expected.put("publish", List.of("quality"));
    expected.put("report", List.of("publish"));

    Map<String, List<String>> actual = new LinkedHashMap<>();
    StageGraph.PIPELINE.stages().forEach(s -> actual.put(s.name(), s.dependsOn()));
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void theAssetsAreTheGoldTablesAndThePublishedSnapshot() {
    assertThat(StageGraph.PIPELINE.assets()).extracting(StageGraph.Output::name).containsExactly(
        "gold.cluster_metrics", "gold.cluster_scores", "gold.tech_specialization",
        "gold.firm_outcomes", "gold.program_effects", "serving.snapshot");
    assertThat(StageGraph.PIPELINE.stage("clusters").orElseThrow().outputs()).extracting(StageGraph.Output::path)
        .containsExactly("gold/cluster_metrics", "gold/cluster_scores", "gold/tech_specialization");
    // publish writes <warehouse>/_serving/<run_id>/ and then moves the _serving/latest pointer
    assertThat(StageGraph.PIPELINE.stage("publish").orElseThrow().outputs()).extracting(StageGraph.Output::path)
        .containsExactly("_serving/latest");
  }

  @Test
  void everyCatalogTableIsWrittenByExactlyOneStage() {
    Map<String, List<String>> writers = StageGraph.PIPELINE.stages().stream()
        .flatMap(s -> s.outputs().stream().map(o -> Map.entry(o.name(), s.name())))
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    for (TableContract t : Catalog.ALL) {
      assertThat(writers.get(t.qualifiedName())).as(t.qualifiedName()).hasSize(1);
    }
    assertThat(writers.get("bronze._quarantine")).containsExactly("ingest");
    assertThat(writers.get("silver.entity_link")).containsExactly("link");
  }

  @Test
  void tableOutputsMatchTheirContractsOnceTheLayerHasContracts() {
    // gold contracts arrive stage by stage (clusters, outcomes); an output whose contract exists must agree
    // with it (a contract without a writing stage fails everyCatalogTableIsWrittenByExactlyOneStage)
    Map<String, String> paths = Catalog.ALL.stream()
        .collect(Collectors.toMap(TableContract::qualifiedName, TableContract::relativePath));
    StageGraph.PIPELINE.stages().stream().flatMap(s -> s.outputs().stream())
        .filter(o -> paths.containsKey(o.name()))
        .forEach(o -> assertThat(paths).as(o.name()).containsEntry(o.name(), o.path()));
  }

  @Test
  void aGraphOutOfOrderOrWithUnknownStagesIsRejected() {
    StageGraph.Stage a = new StageGraph.Stage("a", List.of(), List.of());
    StageGraph.Stage b = new StageGraph.Stage("b", List.of("a"), List.of());
    assertThatThrownBy(() -> new StageGraph(List.of(b, a))).hasMessageContaining("b depends on a");
    assertThatThrownBy(() -> new StageGraph(List.of(a, new StageGraph.Stage("c", List.of("x"), List.of()))))
        .hasMessageContaining("x, which is not an earlier stage");
    assertThatThrownBy(() -> new StageGraph(List.of(a, a))).hasMessageContaining("appears twice");
    StageGraph.Output o = new StageGraph.Output("gold.x", "gold/x", true);
    assertThatThrownBy(() -> new StageGraph(List.of(new StageGraph.Stage("a", List.of(), List.of(o)),
        new StageGraph.Stage("b", List.of(), List.of(o))))).hasMessageContaining("more than one stage");
  }

  @Test
  void theDagsCommittedCopyIsCurrent() throws Exception {
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("orchestration/dags/stage_graph.json is stale: regenerate it with 'atlas stages --json'")
        .isEqualTo(StageGraph.PIPELINE.toJson());
  }
}
