package org.clusteratlas.jobs.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class ScratchTest {
  @TempDir
  Path tmp;

  @Test
  void keptFrameHoldsTheSameRowsWithoutItsLineageAndIsDeletedOnClose(SparkSession spark) {
    Warehouse warehouse = new Warehouse(spark, tmp.toString());
    Dataset<Row> source = spark.sql("SELECT id, CAST(id * 2 AS STRING) AS doubled FROM range(5)");
    // an Airflow run id: its ':' and '+' do not reach the path
    Path folder = tmp.resolve("_scratch/manual__2026-12-06T10_13_34_00_00-test");
    try (Scratch scratch = new Scratch(warehouse, "manual__2026-12-06T10:13:34+00:00", "test")) {
      Dataset<Row> kept = scratch.keep(source.filter("id % 2 = 0"));
      assertThat(kept.orderBy("id").collectAsList()).extracting(Row::toString)
          .containsExactly("[0,0]", "[2,4]", "[4,8]");
      // read back from files: the plan no longer holds the filter it was made with
      assertThat(kept.queryExecution().analyzed().toString()).doesNotContain("Filter");
      assertThat(Files.isDirectory(folder.resolve("0"))).isTrue();
      scratch.keep(source);
      assertThat(Files.isDirectory(folder.resolve("1"))).isTrue();
      scratch.clear();
      assertThat(folder).doesNotExist();
      // usable again after clear
      assertThat(scratch.keep(source).count()).isEqualTo(5);
    }
    assertThat(folder).doesNotExist();
    assertThat(List.of(tmp.toFile().list())).containsExactly("_scratch");
  }
}
