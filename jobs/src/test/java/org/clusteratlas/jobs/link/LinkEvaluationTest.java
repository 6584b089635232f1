package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Link evaluation on seven hand-made records of one source, each of a different kind, so every count
 * is read off the table below. Until 2026-12-04 an unlinked record of a true firm (rows 3 and 4) was
 * compared with a null firm id and counted nowhere, which read as perfect recall.
 *
 * <pre>
 * row  truth  linked  method    candidate of its unit   counts as
 *  1   F1     F1      model     F1                      TP
 *  2   F1     F2      model     F1, F2                  FP and FN (scored wrong)
 *  3   F2     –       unlinked  F2                      FN (scored wrong)
 *  4   F2     –       unlinked  F3                      FN (lost at blocking: F2 never compared)
 *  5   F3     –       non_firm  –                       FN (kept as a non-firm)
 *  6   –      F3      model     F3                      FP, and a non-firm linked
 *  7   –      –       non_firm  –                       nothing
 * </pre>
 * precision = 1 / (1 + 2), recall = 1 / (1 + 4).
 */
@ExtendWith(SharedSpark.class)
class LinkEvaluationTest {
  private static final String FILE = "ntis/ntis_2020.csv";
  private static final StructType LINKS = new StructType()
      .add("source", DataTypes.StringType).add("source_file", DataTypes.StringType)
      .add("row_number", DataTypes.LongType).add("position", DataTypes.IntegerType)
      .add("firm_id", DataTypes.StringType).add("method", DataTypes.StringType);
  private static final StructType UNITS = new StructType()
      .add("source", DataTypes.StringType).add("source_file", DataTypes.StringType)
      .add("row_number", DataTypes.LongType).add("position", DataTypes.IntegerType)
      .add("unit_id", DataTypes.StringType);
  private static final StructType CANDIDATES = new StructType()
      .add("unit_id", DataTypes.StringType).add("crn", DataTypes.StringType);

  @Test
  void everyKindOfMissIsCountedOnce() {
    SparkSession spark = SharedSpark.session();
    Object[][] rows = {
        // row, truth, linked, method, candidates
        {1L, "F1", "F1", "model", List.of("F1")},
        {2L, "F1", "F2", "model", List.of("F1", "F2")},
        {3L, "F2", null, "unlinked", List.of("F2")},
        {4L, "F2", null, "unlinked", List.of("F3")},
        {5L, "F3", null, "non_firm", List.of()},
        {6L, null, "F3", "model", List.of("F3")},
        {7L, null, null, "non_firm", List.of()}};
    List<Row> truth = new java.util.ArrayList<>();
    List<Row> links = new java.util.ArrayList<>();
    List<Row> units = new java.util.ArrayList<>();
    List<Row> candidates = new java.util.ArrayList<>();
    for (Object[] r : rows) {
      long row = (Long) r[0];
      String unit = "ntis:" + row;
      truth.add(RowFactory.create("ntis", FILE, String.valueOf(row), "1", r[1]));
      links.add(RowFactory.create("ntis", FILE, row, 1, r[2], r[3]));
      units.add(RowFactory.create("ntis", FILE, row, 1, unit));
      for (Object crn : (List<?>) r[4]) {
        candidates.add(RowFactory.create(unit, crn));
      }
    }
    Dataset<Row> truthFrame = spark.createDataFrame(truth, LinkEvaluation.TRUTH)
        .withColumn("t_row", org.apache.spark.sql.functions.col("t_row").cast(DataTypes.LongType))
        .withColumn("t_position", org.apache.spark.sql.functions.col("t_position").cast(DataTypes.IntegerType));

    List<LinkEvaluation.SourceQuality> out = LinkEvaluation.evaluate(truthFrame, spark.createDataFrame(links, LINKS),
        spark.createDataFrame(units, UNITS), spark.createDataFrame(candidates, CANDIDATES), List.of("ntis"));

    assertThat(out).hasSize(1);
    LinkEvaluation.SourceQuality q = out.get(0);
    assertThat(new long[] {q.records(), q.truePositives(), q.falsePositives(), q.falseNegatives(),
        q.nonFirmLinked(), q.missedAsNonFirm(), q.missedAtBlocking(), q.missedInScoring(), q.notInBronze()})
        .containsExactly(7, 1, 2, 4, 1, 1, 1, 2, 0);
    assertThat(q.precision()).isEqualTo(1 / 3.0);
    assertThat(q.recall()).isEqualTo(1 / 5.0);
  }
}
