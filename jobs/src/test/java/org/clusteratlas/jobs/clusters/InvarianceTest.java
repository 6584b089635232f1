package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shuffled and repartitioned inputs give exactly the same rows (not merely close ones). */
@ExtendWith(SharedSpark.class)
class InvarianceTest {
  private static Dataset<Row> shuffle(Dataset<Row> rows, long seed, int partitions) {
    return rows.orderBy(rand(seed)).repartition(partitions);
  }

  private static ClusterInputs shuffled(ClusterInputs in) {
    return new ClusterInputs(shuffle(in.firm(), 1, 3), shuffle(in.firmYear(), 2, 2),
        shuffle(in.establishmentYear(), 3, 5), shuffle(in.rndParticipation(), 4, 3),
        shuffle(in.patent(), 5, 2), shuffle(in.patentParty(), 6, 4).repartition(3, col("role")));
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(Comparator.comparing(Row::toString)).toList();
  }

  @Test
  void metricsScoresAndTechAreInvariantToRowOrderAndPartitioning(SparkSession spark) {
    ClusterInputs in = TinyAtlas.inputs(spark);
    ClusterInputs mixed = shuffled(in);
    List<Row> metrics = TinyAtlas.metrics(spark);
    List<Row> metricsMixed = ClusterMetrics.compute(mixed, TinyAtlas.custom()).collectAsList();
    assertThat(sorted(metricsMixed)).isEqualTo(sorted(metrics));

    Dataset<Row> frame = spark.createDataFrame(metrics, GoldClusters.CLUSTER_METRICS.schema());
    List<Row> scores = ClusterScores.score(frame, ScoreWeights.defaults(), "v").collectAsList();
    List<Row> scoresMixed = ClusterScores.score(shuffle(frame, 7, 5), ScoreWeights.defaults(), "v").collectAsList();
    assertThat(sorted(scoresMixed)).isEqualTo(sorted(scores));
    assertThat(scores).hasSameSizeAs(metrics);

    List<Row> tech = TechSpecialization.compute(in.patent(), in.patentParty()).collectAsList();
    List<Row> techMixed = TechSpecialization.compute(mixed.patent(), mixed.patentParty()).collectAsList();
    assertThat(sorted(techMixed)).isEqualTo(sorted(tech));
  }
}
