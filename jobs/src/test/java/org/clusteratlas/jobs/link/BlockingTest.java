package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Blocking on hand-made units and places, counted by hand: an exact name pairs nationwide, a typo only
 * within the unit's province or through its BRN prefix (a unit with a bare BRN prefix, as NPS gives, only
 * through the prefix), and a firm founded after a unit's records (or closed before them) is no candidate
 * for it.
 */
@ExtendWith(SharedSpark.class)
class BlockingTest {
  private static final StructType UNITS = new StructType()
      .add("unit_id", DataTypes.StringType).add("r_key", DataTypes.StringType)
      .add("r_brn", DataTypes.StringType).add("r_brn6", DataTypes.StringType).add("r_sido", DataTypes.StringType)
      .add("r_sido_text", DataTypes.StringType)
      .add("r_first_year", DataTypes.IntegerType).add("r_last_year", DataTypes.IntegerType);
  private static final StructType PLACES = new StructType()
      .add("place_id", DataTypes.StringType).add("p_key", DataTypes.StringType)
      .add("p_key_en", DataTypes.StringType).add("p_brn6", DataTypes.StringType)
      .add("p_sido", DataTypes.StringType).add("p_sido_text", DataTypes.StringType)
      .add("p_founded_year", DataTypes.IntegerType).add("p_closed_year", DataTypes.IntegerType);

  private static List<String> pairs(List<Row> units, List<Row> places) {
    SparkSession spark = SharedSpark.session();
    return PairScoring.block(spark.createDataFrame(units, UNITS), spark.createDataFrame(places, PLACES))
        .selectExpr("concat(unit_id, ' ', place_id)").as(Encoders.STRING()).collectAsList().stream().sorted()
        .toList();
  }

  private static List<Row> typoPlaces() {
    return List.of(
        // same name: met wherever it is
        RowFactory.create("busan", "한솔정밀", null, "617000", "26", null, 2000, null),
        // one syllable substituted (same length, same first three letters): only in the unit's province
        RowFactory.create("seoul-typo", "한솔정말", null, "120000", "11", null, 2000, null),
        RowFactory.create("busan-typo", "한솔정말", null, "617001", "26", null, 2000, null),
        // the same typo elsewhere, but the unit's BRN prefix and the first letter agree
        RowFactory.create("daegu-typo", "한솔정말", null, "503999", "27", null, 2000, null),
        // another name in the unit's province: shares neither first nor last three letters
        RowFactory.create("seoul-other", "대성산업", null, "120001", "11", null, 2000, null));
  }

  @Test
  void anExactNamePairsNationwideATypoOnlyInItsProvinceOrByItsBrnPrefix() {
    // a full BRN that failed its check: its prefix may be wrong too, so the province rules apply as well
    List<String> got = pairs(List.of(
        RowFactory.create("u", "한솔정밀", "5039991234", "503999", "11", null, 2020, 2021)), typoPlaces());
    assertThat(got).containsExactly("u busan", "u daegu-typo", "u seoul-typo");
  }

  @Test
  void aUnitWithABarePrefixMeetsATypoOnlyThroughThePrefix() {
    List<String> got = pairs(List.of(
        RowFactory.create("u", "한솔정밀", null, "503999", "11", null, 2020, 2021)), typoPlaces());
    assertThat(got).containsExactly("u busan", "u daegu-typo");
  }

  /**
   * Names ending in one trade word: the last three letters and the length meet only with the first or
   * the second letter, so a typo in the first letter still meets its firm, a different name does not.
   */
  @Test
  void aSharedTradeWordPairsOnlyWithTheFirstOrSecondLetter() {
    List<Row> places = List.of(
        // first letter substituted: the second letter, the last three and the length agree
        RowFactory.create("typo-first", "간솔홀딩스", null, "120000", "11", null, 2000, null),
        // second letter substituted: the first letter, the last three and the length agree
        RowFactory.create("typo-second", "한빛홀딩스", null, "120001", "11", null, 2000, null),
        // another firm of the same trade word and length in the province: no letter of its own agrees
        RowFactory.create("other", "대성홀딩스", null, "120002", "11", null, 2000, null));
    List<String> got = pairs(List.of(
        RowFactory.create("u", "한솔홀딩스", null, null, "11", null, 2020, 2021)), places);
    assertThat(got).containsExactly("u typo-first", "u typo-second");
  }

  @Test
  void aFirmFoundedAfterTheRecordsIsNoCandidate() {
    List<Row> places = List.of(
        RowFactory.create("old", "한솔정밀", null, null, "11", null, 2001, null),
        RowFactory.create("young", "한솔정밀", null, null, "11", null, 2019, null),
        RowFactory.create("closed", "한솔정밀", null, null, "11", null, 2001, 2016));
    List<String> got = pairs(List.of(RowFactory.create("u", "한솔정밀", null, null, "11", null, 2017, 2018)), places);
    assertThat(got).containsExactly("u old");
  }
}
