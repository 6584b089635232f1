package org.clusteratlas.jobs.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.did.DidPanel;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The firm-year panel, the naive before/after figure and matched DiD on frames small enough to check by hand. */
@ExtendWith(SharedSpark.class)
class FirmPanelTest {

  private static Dataset<Row> firmYears(SparkSession spark) {
    StructType s = new StructType().add("firm_id", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("sido_code", DataTypes.StringType).add("ksic_division", DataTypes.StringType)
        .add("employment", DataTypes.DoubleType).add("employment_source", DataTypes.StringType)
        .add("hires", DataTypes.LongType).add("revenue", DataTypes.LongType).add("establishments", DataTypes.IntegerType);
    return spark.createDataFrame(List.of(
        RowFactory.create("A", 2020, "11", "26", 20.0, "nps", 5L, 1000L, 1),
        RowFactory.create("A", 2021, "11", "26", 25.0, "nps", 10L, 2000L, 1),
        RowFactory.create("B", 2020, "26", "29", 8.0, "financials", null, 0L, 0),
        RowFactory.create("B", 2021, "26", "29", 9.0, "financials", null, null, 0)), s);
  }

  @Test
  void buildsOutcomesAndTreatmentCohorts(SparkSession spark) {
    Dataset<Row> rnd = SilverFixture.complete(spark.createDataFrame(List.of(
        RowFactory.create("A", 2021, "lead", "MSIT", "Alpha"),
        RowFactory.create("A", 2021, "participant", "MOTIE", "Beta"),
        RowFactory.create("A", 2023, "lead", "MSS", "Gamma"),
        RowFactory.create(null, 2019, "lead", "MSS", "Gamma")),
        new StructType().add("firm_id", DataTypes.StringType).add("year", DataTypes.IntegerType)
            .add("role", DataTypes.StringType).add("ministry", DataTypes.StringType).add("program", DataTypes.StringType)),
        Silver.RND_PARTICIPATION);
    Dataset<Row> rosters = SilverFixture.complete(spark.createDataFrame(List.of(
        RowFactory.create("B", "family_firm", 2021), RowFactory.create("B", "family_firm", 2022)),
        new StructType().add("firm_id", DataTypes.StringType).add("program_id", DataTypes.StringType)
            .add("selection_year", DataTypes.IntegerType)), Silver.PROGRAM_PARTICIPATION);
    Dataset<Row> firms = SilverFixture.complete(spark.createDataFrame(List.of(
        RowFactory.create("A", "A", java.sql.Date.valueOf("2020-05-11")), RowFactory.create("B", "B", null)),
        new StructType().add("firm_id", DataTypes.StringType).add("crn", DataTypes.StringType)
            .add("founded", DataTypes.DateType)), Silver.FIRM);
    Dataset<Row> panel = Warehouse.conform(FirmPanel.build(SilverFixture.complete(firmYears(spark), Silver.FIRM_YEAR),
        firms, rnd, rosters), GoldOutcomes.FIRM_OUTCOMES);
    Map<String, Row> byKey = new java.util.HashMap<>();
    panel.collectAsList().forEach(r -> byKey.put(r.getAs("firm_id") + ":" + r.getAs("year"), r));
    Row a21 = byKey.get("A:2021");
    assertThat((Integer) a21.getAs("first_grant_year")).isEqualTo(2021);
    assertThat((String) a21.getAs("first_grant_ministry")).isEqualTo("MOTIE"); // smallest of that year
    assertThat((Boolean) a21.getAs("grant_treated")).isTrue();
    assertThat((Boolean) byKey.get("A:2020").getAs("grant_treated")).isFalse();
    assertThat((Double) a21.getAs("log_revenue")).isCloseTo(Math.log(2000), within(1e-12));
    assertThat((Integer) a21.getAs("founded_year")).isEqualTo(2020);
    assertThat((Object) byKey.get("A:2020").getAs("log_revenue")).isNull(); // founded in May: seven months of sales
    assertThat((Long) byKey.get("A:2020").getAs("revenue")).isEqualTo(1000L);
    assertThat((Double) a21.getAs("hire_rate")).isCloseTo(10.0 / 25, within(1e-12));
    Row b20 = byKey.get("B:2020");
    assertThat((Object) b20.getAs("first_grant_year")).isNull();
    assertThat((Boolean) b20.getAs("employment_from_financials")).isTrue();
    assertThat((Object) b20.getAs("hire_rate")).isNull();   // no NPS
    assertThat((Object) b20.getAs("log_revenue")).isNull(); // revenue 0
    assertThat(b20.<scala.collection.Map<String, Integer>>getAs("program_entry").apply("family_firm")).isEqualTo(2021);
  }

  @Test
  void firmsAreStratifiedByFoundingYearWhileYoungAndInTwoClassesAfter(SparkSession spark) {
    Dataset<Row> years = spark.createDataFrame(java.util.Arrays.asList(RowFactory.create(2016), RowFactory.create(2009),
        RowFactory.create(2008), RowFactory.create(2004), RowFactory.create(2003), RowFactory.create((Object) null)),
        new StructType().add("founded_year", DataTypes.IntegerType));
    List<String> strata = years.select(FirmPanel.foundingStratum(years.col("founded_year"), 2014)).collectAsList()
        .stream().map(r -> r.getString(0)).toList();
    assertThat(strata).containsExactly("founded 2016", "founded 2009", "founded 2004-2008", "founded 2004-2008",
        "founded before 2004", "unknown");
  }

  private static Dataset<Row> estimationRows(SparkSession spark, List<Row> rows) {
    StructType s = new StructType().add(DidPanel.UNIT, DataTypes.StringType).add(DidPanel.TIME, DataTypes.IntegerType)
        .add(DidPanel.COHORT, DataTypes.IntegerType).add(DidPanel.Y, DataTypes.DoubleType)
        .add("home_sido", DataTypes.StringType).add("home_division", DataTypes.StringType)
        .add("employment", DataTypes.DoubleType);
    return spark.createDataFrame(rows, s);
  }

  @Test
  void naiveIsTheTreatedFirmsChangeSinceTheYearBefore(SparkSession spark) {
    Dataset<Row> p = estimationRows(spark, List.of(
        RowFactory.create("A", 1, 2, 1.0, "11", "26", 5.0), RowFactory.create("A", 2, 2, 2.0, "11", "26", 5.0),
        RowFactory.create("A", 3, 2, 4.0, "11", "26", 5.0),
        RowFactory.create("B", 1, 2, 0.0, "11", "26", 5.0), RowFactory.create("B", 2, 2, 2.0, "11", "26", 5.0),
        RowFactory.create("B", 3, 2, 2.0, "11", "26", 5.0),
        RowFactory.create("C", 1, 0, 0.0, "11", "26", 5.0), RowFactory.create("C", 2, 0, 9.0, "11", "26", 5.0)));
    Map<Integer, Row> r = new java.util.HashMap<>();
    NaiveBeforeAfter.estimate(p).collectAsList().forEach(x -> r.put(x.isNullAt(0) ? null : x.getInt(0), x));
    // e=0: A +1, B +2 → 1.5; e=1: A +3, B +2 → 2.5; pooled: (1+2+3+2)/4
    assertThat(r.get(0).getDouble(2)).isCloseTo(1.5, within(1e-12));
    assertThat(r.get(0).getLong(1)).isEqualTo(2);
    assertThat(r.get(1).getDouble(2)).isCloseTo(2.5, within(1e-12));
    assertThat(r.get(null).getDouble(2)).isCloseTo(2.0, within(1e-12));
    // se at e=0: sd{1,2}/√2 = 0.5
    assertThat(r.get(0).getDouble(3)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void matchedDidPairsOnCellAndPreGrowthAndDropsMatchesOnceTreated(SparkSession spark) {
    Dataset<Row> p = estimationRows(spark, List.of(
        // treated T (cohort 3): growth 1→2 = +1; outcome 2, 3, 6, 8
        RowFactory.create("T", 1, 3, 2.0, "11", "26", 20.0), RowFactory.create("T", 2, 3, 3.0, "11", "26", 20.0),
        RowFactory.create("T", 3, 3, 6.0, "11", "26", 20.0), RowFactory.create("T", 4, 3, 8.0, "11", "26", 20.0),
        // N: never treated, same cell, growth +1.1 (closest): 0, 1.1, 2.1, 3.1
        RowFactory.create("N", 1, 0, 0.0, "11", "26", 30.0), RowFactory.create("N", 2, 0, 1.1, "11", "26", 30.0),
        RowFactory.create("N", 3, 0, 2.1, "11", "26", 30.0), RowFactory.create("N", 4, 0, 3.1, "11", "26", 30.0),
        // M: same cell, growth +3 (farther)
        RowFactory.create("M", 1, 0, 0.0, "11", "26", 30.0), RowFactory.create("M", 2, 0, 3.0, "11", "26", 30.0),
        RowFactory.create("M", 3, 0, 0.0, "11", "26", 30.0), RowFactory.create("M", 4, 0, 0.0, "11", "26", 30.0),
        // X: exact growth match but another region
        RowFactory.create("X", 1, 0, 0.0, "26", "26", 30.0), RowFactory.create("X", 2, 0, 1.0, "26", "26", 30.0),
        RowFactory.create("X", 3, 0, 1.0, "26", "26", 30.0), RowFactory.create("X", 4, 0, 1.0, "26", "26", 30.0)));
    Map<Integer, Row> r = new java.util.HashMap<>();
    MatchedDid.estimate(p).collectAsList().forEach(x -> r.put(x.isNullAt(0) ? null : x.getInt(0), x));
    // pair (T, N): e=0 (6−3) − (2.1−1.1) = 2; e=1 (8−3) − (3.1−1.1) = 3
    assertThat(r.get(0).getDouble(2)).isCloseTo(2.0, within(1e-9));
    assertThat(r.get(1).getDouble(2)).isCloseTo(3.0, within(1e-9));
    assertThat(r.get(0).getLong(1)).isEqualTo(1);
  }
}
