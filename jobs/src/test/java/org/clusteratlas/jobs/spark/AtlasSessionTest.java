package org.clusteratlas.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AtlasSessionTest {
  @Test
  void deltaReplaysItsLogWithOnePartitionPerLocalCoreAtMostTheShufflesCount() {
    assertThat(AtlasSession.snapshotPartitions(64, 2)).isEqualTo(2);
    assertThat(AtlasSession.snapshotPartitions(8, 200)).isEqualTo(8);
    assertThat(AtlasSession.snapshotPartitions(1, 2)).isEqualTo(1);
    // on a cluster the shuffle's count, whatever had registered when the session started
    assertThat(AtlasSession.snapshotPartitions(64, null)).isEqualTo(64);
  }
}
