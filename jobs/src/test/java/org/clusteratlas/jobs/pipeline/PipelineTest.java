package org.clusteratlas.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void clustersAndOutcomesRunTogetherAndEverythingElseInOrder() {
    assertThat(Pipeline.waves(Pipeline.stageNames())).containsExactly(
        List.of("ingest"), List.of("link"), List.of("clusters", "outcomes"),
        List.of("quality"), List.of("publish"), List.of("report"));
  }

  @Test
  void aStageWaitsForWhatItNeedsThroughStagesLeftOut() {
    // report needs outcomes through quality and publish, which this run skips
    assertThat(Pipeline.waves(Pipeline.select(null, List.of("outcomes", "report"))))
        .containsExactly(List.of("outcomes"), List.of("report"));
    assertThat(Pipeline.waves(Pipeline.select(null, List.of("ingest", "clusters"))))
        .containsExactly(List.of("ingest"), List.of("clusters"));
    assertThat(Pipeline.waves(Pipeline.select("outcomes", null)))
        .containsExactly(List.of("outcomes"), List.of("quality"), List.of("publish"), List.of("report"));
  }

  @Test
  void upstreamIsTransitive() {
    assertThat(StageGraph.PIPELINE.upstream("quality")).containsExactlyInAnyOrder("clusters", "outcomes", "link", "ingest");
    assertThat(StageGraph.PIPELINE.upstream("ingest")).isEmpty();
  }
}
