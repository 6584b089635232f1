package org.clusteratlas.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void aStageKeepsItsPlaceInTheRunWhateverOrderTheStagesStartIn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        List.of("link", "clusters", "outcomes"));
    // outcomes started before clusters (they run side by side): still 3 of 3
    assertThat(progress.stage("outcomes", () -> 7)).isEqualTo(7);
    progress.stage("clusters", () -> null);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("[3/3] outcomes …");
    assertThat(lines.get(1)).startsWith("[3/3] outcomes done in ");
    assertThat(lines.get(2)).isEqualTo("[2/3] clusters …");
    assertThat(lines.get(3)).startsWith("[2/3] clusters done in ").contains("(elapsed ");
  }

  @Test
  void aStageOutsideTheRunIsAnError() {
    Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        List.of("ingest"));
    assertThatThrownBy(() -> progress.stage("report", () -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("report");
  }
}
