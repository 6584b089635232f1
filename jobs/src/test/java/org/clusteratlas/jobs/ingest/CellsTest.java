package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Typed parsing of single cells, and the rule that tells a malformed value from a missing one. */
@ExtendWith(SharedSpark.class)
class CellsTest {
  private static final String[] DAY = {"yyyy-MM-dd", "yyyyMMdd"};

  /** One-cell rows: (value, parsed, reason of the first broken rule or null). */
  private List<Row> eval(SparkSession spark, java.util.function.Function<Column, Column> parse,
      java.util.function.BiConsumer<RowChecks, Column> rule, String... values) {
    Dataset<Row> df = spark.createDataset(Arrays.asList(values), Encoders.STRING()).toDF("v")
        .withColumn("cells", array(col("v")))
        .withColumn("duplicate_of", lit(null).cast(DataTypes.LongType));
    Column parsed = parse.apply(Cells.cell(0));
    df = df.withColumn("parsed", parsed);
    RowChecks checks = RowChecks.forLayout(1);
    rule.accept(checks, col("parsed"));
    return df.select(col("v"), col("parsed"), checks.violation().getField("reason")).collectAsList();
  }

  @Test
  void datesAcceptEveryNullEncodingAndRejectImpossibleDays(SparkSession spark) {
    List<Row> rows = eval(spark, c -> Cells.date(c, DAY), (ch, p) -> ch.date("d", Cells.cell(0), p),
        "1988-01-01", "19880101", "0001-01-01", "00010101", "10101", "", "20191345", "20190231", "2019-1-5");
    assertThat(rows).extracting(r -> r.get(1) == null ? null : r.get(1).toString(), r -> r.get(2))
        .containsExactly(
            tuple("1988-01-01", null), tuple("1988-01-01", null),
            tuple(null, null), tuple(null, null), tuple(null, null), tuple(null, null),
            tuple(null, "bad_date"), tuple(null, "bad_date"), tuple(null, "bad_date"));
  }

  @Test
  void koreanNumberFormatsParse(SparkSession spark) {
    List<Row> rows = eval(spark, Cells::whole, (ch, p) -> ch.number("n", Cells.cell(0), p),
        "1,234,567", "(12,000)", "-3", "12a4", "1.2.3", "0");
    assertThat(rows).extracting(r -> r.get(1), r -> r.get(2)).containsExactly(
        tuple(1234567L, null), tuple(-12000L, null), tuple(-3L, null),
        tuple(null, "bad_number"), tuple(null, "bad_number"), tuple(0L, null));
  }

  @Test
  void moneyKeepsWonDecimals(SparkSession spark) {
    List<Row> rows = eval(spark, Cells::money, (ch, p) -> ch.number("m", Cells.cell(0), p),
        "625840000.000", "1,000", "12a4");
    assertThat(rows).extracting(r -> r.get(1) == null ? null : r.getDecimal(1).toPlainString(), r -> r.get(2))
        .containsExactly(tuple("625840000.000", null), tuple("1000.000", null), tuple(null, "bad_number"));
  }
}
