package org.clusteratlas.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clusteratlas.datasets.raw.RawSource;
import org.junit.jupiter.api.Test;

class ReadTasksTest {
  private static RawFile file(String name, long size) {
    return new RawFile(RawSource.NPS, "nps/" + name, size, 0L);
  }

  @Test
  void smallFilesShareTasksButEveryCoreGetsOne() {
    List<RawFile> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(file(String.format("2025%02d.csv", m), 1_000));
    }
    List<List<String>> tasks = ReadTasks.pack(months, 128L << 20, 2);
    assertThat(tasks).hasSize(2).allSatisfy(t -> assertThat(t).hasSize(6));
    assertThat(tasks.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(
        months.stream().map(RawFile::relative).toList());
  }

  @Test
  void largeFilesGetATaskEachAndTheLoadIsBalanced() {
    // 3 + 3 + 2 + 2 + 2 = 12 units at 4 per task: three tasks, largest first into the lightest
    List<RawFile> files = List.of(file("a", 3), file("b", 3), file("c", 2), file("d", 2), file("e", 2));
    List<List<String>> tasks = ReadTasks.pack(files, 4, 1);
    assertThat(tasks).containsExactly(List.of("nps/a", "nps/e"), List.of("nps/b"), List.of("nps/c", "nps/d"));
    assertThat(ReadTasks.pack(files, 1, 1)).hasSize(5);
  }

  @Test
  void oneFileIsOneTaskAndNoFilesNoTask() {
    assertThat(ReadTasks.pack(List.of(file("only", 10)), 128, 8)).containsExactly(List.of("nps/only"));
    assertThat(ReadTasks.pack(List.of(), 128, 8)).isEmpty();
  }
}
