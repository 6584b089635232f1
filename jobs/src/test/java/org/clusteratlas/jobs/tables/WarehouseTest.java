package org.clusteratlas.jobs.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

@ExtendWith(SharedSpark.class)
class WarehouseTest {
  @TempDir
  Path tmp;

  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType).add("kind", DataTypes.StringType).add("note", DataTypes.StringType);
  private static final TableContract NARROW = new TableContract("silver", "narrow", SCHEMA, List.of("id"),
      "a table with statistics on its id and kind only", List.of("id", "kind"));

  private static Dataset<Row> rows(SparkSession spark, int n) {
    return spark.sql("SELECT id, IF(id % 2 = 0, 'even', 'odd') AS kind, repeat('long text ', 20) AS note"
        + " FROM range(" + n + ")").coalesce(1);
  }

  /** The columns the table's files carry min/max statistics for, read from the log's add actions. */
  private static Set<String> statisticsColumns(SparkSession spark, String path) {
    Dataset<Row> files = DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty())
        .allFiles().toDF();
    Set<String> out = new TreeSet<>();
    for (String c : spark.read().json(files.select("stats").as(Encoders.STRING())).select("minValues.*").columns()) {
      out.add(c);
    }
    return out;
  }

  @Test
  void aNewTableKeepsStatisticsOnItsContractColumnsOnly(SparkSession spark) {
    // a relative root, as `bin/atlas demo` gives (SQL names Delta tables by absolute paths only)
    Warehouse warehouse = new Warehouse(spark, Path.of("").toAbsolutePath().relativize(tmp).toString());
    assertThat(warehouse.root()).doesNotStartWith("/");
    warehouse.ensure(NARROW);
    assertThat(warehouse.append(NARROW, rows(spark, 7))).isEqualTo(7);
    assertThat(warehouse.append(NARROW, rows(spark, 3))).isEqualTo(3);
    assertThat(warehouse.append(NARROW, rows(spark, 3).filter("id > 5"))).isZero();
    assertThat(warehouse.read(NARROW).count()).isEqualTo(10);
    assertThat(statisticsColumns(spark, warehouse.path(NARROW))).containsExactly("id", "kind");
  }

  @Test
  void aTableMadeBeforeTheContractNamedItsColumnsGetsThemOnTheNextEnsure(SparkSession spark) {
    Warehouse warehouse = new Warehouse(spark, tmp.toString());
    rows(spark, 4).write().format("delta").save(warehouse.path(NARROW));
    assertThat(statisticsColumns(spark, warehouse.path(NARROW))).containsExactly("id", "kind", "note");
    long before = warehouse.version(NARROW);

    warehouse.ensure(NARROW);
    warehouse.ensure(NARROW); // already in place: no second commit
    assertThat(warehouse.version(NARROW)).isEqualTo(before + 1);
    assertThat(warehouse.append(NARROW, rows(spark, 2))).isEqualTo(2);
    // the new file has statistics on the contract's columns; the old one keeps what it was written with
    Dataset<Row> files = DeltaLog.forTable(spark, warehouse.path(NARROW))
        .update(false, Option.empty(), Option.empty()).allFiles().toDF();
    assertThat(files.filter("stats LIKE '%\"note\"%'").count()).isEqualTo(1);
    assertThat(files.filter("stats NOT LIKE '%\"note\"%'").count()).isEqualTo(1);
  }

  @Test
  void aNewTableKeepsTheContractsCommentsAndAcceptsNullsInRequiredColumns(SparkSession spark) {
    StructType required = new StructType()
        .add(new org.apache.spark.sql.types.StructField("id", DataTypes.LongType, false,
            new org.apache.spark.sql.types.MetadataBuilder().putString("comment", "the row's key").build()))
        .add("kind", DataTypes.StringType);
    TableContract contract = new TableContract("silver", "required", required, List.of("id"), "a required id",
        List.of());
    Warehouse warehouse = new Warehouse(spark, tmp.toString());
    warehouse.ensure(contract);

    StructType created = warehouse.read(contract).schema();
    assertThat(created.apply("id").getComment().isDefined()).isTrue();
    assertThat(created.apply("id").getComment().get()).isEqualTo("the row's key");
    // required is checked by the stages and the quality expectations, as for a table made by a write:
    // a null id is not a write-time constraint that fails the commit
    assertThat(created.apply("id").nullable()).isTrue();
    assertThat(warehouse.append(contract, spark.sql("SELECT CAST(NULL AS BIGINT) AS id, 'x' AS kind"))).isEqualTo(1);
  }

  @Test
  void aContractCannotNameStatisticsForAColumnItDoesNotHave() {
    assertThatThrownBy(() -> new TableContract("silver", "narrow", SCHEMA, List.of("id"), "typo",
        List.of("id", "knid")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("silver.narrow: statistics column knid is not in the schema");
  }
}
