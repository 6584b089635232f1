package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The units and places EM's baseline is trained on do not depend on how the frame is partitioned. */
@ExtendWith(SharedSpark.class)
class TrainingSampleTest {
  private static List<String> drawn(Dataset<Row> frame, int salt) {
    return PairScoring.sample(frame, "unit_id", salt, 50).select("unit_id").as(Encoders.STRING()).collectAsList()
        .stream().sorted().toList();
  }

  @Test
  void theSameRowsAreDrawnWhateverThePartitioning(SparkSession spark) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add("nps:" + i);
    }
    Dataset<Row> frame = spark.createDataset(ids, Encoders.STRING()).toDF("unit_id");
    List<String> one = drawn(frame.repartition(1), 17);
    assertThat(one).hasSize(50).doesNotHaveDuplicates();
    assertThat(drawn(frame.repartition(7), 17)).isEqualTo(one);
    assertThat(drawn(frame.repartition(64), 17)).isEqualTo(one);
    // another salt draws another sample
    assertThat(drawn(frame.repartition(7), 29)).isNotEqualTo(one);
  }
}
