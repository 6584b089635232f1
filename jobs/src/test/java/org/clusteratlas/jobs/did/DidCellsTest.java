package org.clusteratlas.jobs.did;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DidEstimator#estimateCells}: every cell of a panel estimated at once gives what the cell's rows give
 * alone, whatever the pre-processing rules do to that cell. Cells of mpdta, each built to take a different
 * path: plain; stratified (the others are not); without the last year (so its periods differ and cohort 2007
 * becomes never treated); without never-treated units (cohort 2007 becomes the control); without treated
 * units (an error); absent from the panel (an error). Counties appear in several cells, as never-granted
 * firms do in every treatment's panel.
 */
@ExtendWith(SharedSpark.class)
class DidCellsTest {
  private static final List<String> CELLS = List.of("plain", "strata", "short", "no-never", "no-treated", "absent");

  private static Dataset<Row> cells(SparkSession spark) {
    Mpdta m = Mpdta.load();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < m.county.size(); i++) {
      int g = m.cohort.get(i);
      for (int j = 0; j < Mpdta.YEARS.length; j++) {
        int year = Mpdta.YEARS[j];
        double y = m.lemp.get(i)[j];
        String county = m.county.get(i);
        if (i % 3 == 0) {
          rows.add(RowFactory.create(county, year, g, y, null, null, "plain"));
        }
        if (i % 3 == 1) {
          rows.add(RowFactory.create(county, year, g, y, null, i % 2 == 0 ? "even" : "odd", "strata"));
        }
        if (i % 3 == 2 && year < 2007) {
          rows.add(RowFactory.create(county, year, g, y, null, null, "short"));
        }
        if (i % 2 == 0 && g > 0) {
          rows.add(RowFactory.create(county, year, g, y, null, null, "no-never"));
        }
        if (i % 7 == 0 && g == 0) {
          rows.add(RowFactory.create(county, year, g, y, null, null, "no-treated"));
        }
        if (i % 11 == 0) { // a cell not asked for, malformed: it must not touch the others
          rows.add(RowFactory.create(county, year, g, y, null, null, "other"));
          rows.add(RowFactory.create(county, year, g, y + 1, null, null, "other"));
        }
      }
    }
    StructType schema = Mpdta.schema().add(DidPanel.STRATUM, DataTypes.StringType).add("part", DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void everyCellGivesWhatItsRowsGiveAlone(SparkSession spark) {
    Dataset<Row> panel = cells(spark);
    DidOptions boot = DidOptions.defaults().withBootstrap(199, 7);
    for (DidOptions opt : List.of(boot, boot.withControl(DidOptions.Control.NOT_YET).withBase(DidOptions.Base.UNIVERSAL))) {
      Map<String, DidEstimator.Attempt> together = DidEstimator.estimateCells(panel, "part", CELLS, opt, false);
      assertThat(together.keySet()).containsExactlyElementsOf(CELLS);
      for (String cell : CELLS) {
        Dataset<Row> alone = panel.filter(col("part").equalTo(cell)).drop("part");
        DidEstimator.Attempt a = together.get(cell);
        try {
          DidResult expected = DidEstimator.estimate(alone, opt, false);
          assertThat(a.error()).as(cell).isNull();
          DidAssertions.assertSameEstimates(a.result(), expected);
          assertThat(a.result().periods()).as(cell).containsExactly(expected.periods());
          assertThat(a.result().units()).as(cell).isEqualTo(expected.units());
          assertThat(a.result().preTest() == null).as(cell).isEqualTo(expected.preTest() == null);
          if (expected.preTest() != null) {
            assertThat(a.result().preTest().statistic()).as(cell).isCloseTo(expected.preTest().statistic(), within(1e-9));
          }
          if (expected.earlyPreTest() != null) {
            assertThat(a.result().earlyPreTest().pValue()).as(cell).isEqualTo(expected.earlyPreTest().pValue());
          }
        } catch (UserError e) {
          assertThat(a.result()).as(cell).isNull();
          assertThat(a.error()).as(cell).hasMessage(e.getMessage());
        }
      }
      // each path was taken
      assertThat(together.get("strata").result().notes()).anyMatch(n -> n.startsWith("parallel trends assumed within 2 strata"));
      assertThat(together.get("plain").result().notes()).noneMatch(n -> n.startsWith("parallel trends"));
      assertThat(together.get("short").result().periods()).containsExactly(2003, 2004, 2005, 2006);
      assertThat(together.get("short").result().notes()).anyMatch(n -> n.contains("first treated after the last period"));
      assertThat(together.get("no-never").result().notes()).anyMatch(n -> n.startsWith("no never-treated units"));
      assertThat(together.get("no-treated").error()).hasMessageStartingWith("no treated units left");
      assertThat(together.get("absent").error()).hasMessageContaining("at least two periods");
    }
  }

  @Test
  void clusteredCellsCountTheirOwnClusters(SparkSession spark) {
    Dataset<Row> panel = cells(spark).withColumn(DidPanel.CLUSTER,
        org.apache.spark.sql.functions.substring(col(DidPanel.UNIT), 1, 2));
    DidOptions opt = DidOptions.defaults().withBootstrap(99, 3);
    List<String> some = List.of("plain", "short", "no-never");
    Map<String, DidEstimator.Attempt> together = DidEstimator.estimateCells(panel, "part", some, opt, true);
    for (String cell : some) {
      DidResult alone = DidEstimator.estimate(panel.filter(col("part").equalTo(cell)).drop("part"), opt, true);
      DidAssertions.assertSameEstimates(together.get(cell).result(), alone);
      assertThat(together.get(cell).result().clusters()).as(cell).isEqualTo(alone.clusters());
    }
  }
}
