package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The column-expression checksums must agree with the plain-Java ones on real and random numbers. */
@ExtendWith(SharedSpark.class)
class IdColumnsTest {
  @Test
  void brnExpressionAgreesWithJava(SparkSession spark) {
    List<String> numbers = new ArrayList<>(List.of("124-81-00998", "120-81-47521", "220-81-62517",
        "107-86-14075", "124-81-00997", "", "12-345", "abc-de-fghij", "1248100998 "));
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 3000; i++) {
      numbers.add(String.format("%010d", rnd.nextLong(10_000_000_000L)));
    }
    Dataset<Row> df = spark.createDataset(numbers, Encoders.STRING()).toDF("raw")
        .select(col("raw"), IdColumns.brnStatus(col("raw")).as("status"));
    int validSeen = 0;
    for (Row r : df.collectAsList()) {
      String rawValue = r.getString(0);
      boolean javaValid = Brn.isValid(rawValue);
      assertThat(r.getString(1).equals("valid")).as(rawValue).isEqualTo(javaValid && !rawValue.isBlank());
      validSeen += javaValid ? 1 : 0;
    }
    assertThat(validSeen).isGreaterThan(250); // about 1 in 10 random numbers passes
  }

  @Test
  void crnExpressionAgreesWithJava(SparkSession spark) {
    List<String> numbers = new ArrayList<>(List.of("1301110006246", "1101116638542", "1311110541796",
        "1101110414758", "1301110006247"));
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 3000; i++) {
      numbers.add(String.format("%013d", rnd.nextLong(10_000_000_000_000L)));
    }
    Dataset<Row> df = spark.createDataset(numbers, Encoders.STRING()).toDF("raw")
        .select(col("raw"), IdColumns.crnValid(col("raw")).as("ok"));
    for (Row r : df.collectAsList()) {
      assertThat(r.getBoolean(1)).as(r.getString(0)).isEqualTo(Crn.isValid(r.getString(0)));
    }
    assertThat(df.where("ok").count()).isGreaterThan(250);
  }
}
