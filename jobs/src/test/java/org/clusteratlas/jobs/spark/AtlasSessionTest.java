package org.clusteratlas.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
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

  @Test
  void localRunsTakeSmallPagesAndBroadcastChunksUnlessSetAndClustersKeepSparksSizes() {
    assertThat(AtlasSession.localBuffers("local[*]", key -> false))
        .containsExactlyInAnyOrderEntriesOf(Map.of("spark.buffer.pageSize", "2m", "spark.broadcast.blockSize", "1m"));
    assertThat(AtlasSession.localBuffers("local[2]", Set.of("spark.buffer.pageSize")::contains))
        .containsExactlyInAnyOrderEntriesOf(Map.of("spark.broadcast.blockSize", "1m"));
    assertThat(AtlasSession.localBuffers("yarn", key -> false)).isEmpty();
    assertThat(AtlasSession.localBuffers("spark://host:7077", key -> false)).isEmpty();
  }
}
