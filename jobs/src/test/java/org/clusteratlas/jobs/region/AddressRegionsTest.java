package org.clusteratlas.jobs.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Masked addresses → current codes. Expected codes are read off reference/regions/*.csv by hand
 * (successor notes of the retired codes), e.g. 42110 춘천시 → 51110, 29170 광주 북구 → 12300.
 */
@ExtendWith(SharedSpark.class)
class AddressRegionsTest {

  private static final String[][] CASES = {
      // address, region_code, sido_code
      {"강원도 춘천시...", "51110", "51"},                  // old 시도 name → 51xxx
      {"강원특별자치도 원주시...", "51130", "51"},
      {"강원 원주시 ...", "51130", "51"},                   // short form
      {"경기도 수원시 영통구...", "41117", "41"},           // 일반구 beats its city
      {"서울특별시 성북구...", "11290", "11"},
      {"서울특별시 성북구 삼선교로 16길", "11290", "11"},   // an unmasked address works too
      {"광주광역시 북구...", "12300", "12"},                // merged into 전남광주통합특별시
      {"전라남도 목포시...", "12110", "12"},
      {"전라북도 전주시 완산구...", "52111", "52"},
      {"경상북도 군위군...", "27720", "27"},                // moved to 대구
      {"인천광역시 남구...", "28177", "28"},                // renamed 미추홀구 in 2018
      {"인천광역시 중구...", "28125", "28"},                // split 2026: primary successor 제물포구
      {"세종특별자치시...", "36110", "36"},                 // single-tier
      {"경기도 광주시 도척면", "41610", "41"},              // 광주시 in 경기도 is not 광주광역시
      {"서울특별시...", null, "11"},                        // masked before the 시군구
      {"미국 캘리포니아주...", null, null},                 // foreign
      {"", null, null}};

  @Test
  void resolvesCurrentHistoricalShortAndPartialAddresses(SparkSession spark) {
    List<Row> in = new ArrayList<>();
    for (int i = 0; i < CASES.length; i++) {
      in.add(RowFactory.create(i, CASES[i][0]));
    }
    in.add(RowFactory.create(CASES.length, null));
    Dataset<Row> df = spark.createDataFrame(in,
        new StructType().add("id", DataTypes.IntegerType).add("address", DataTypes.StringType));
    Map<Integer, Row> out = new HashMap<>();
    for (Row r : AddressRegions.resolve(df, "address", AddressRegions.lookup(spark), "region_code", "sido_code")
        .collectAsList()) {
      out.put(r.getInt(0), r);
    }
    assertThat(out).hasSize(CASES.length + 1);
    for (int i = 0; i < CASES.length; i++) {
      assertThat(out.get(i).<String>getAs("region_code")).as(CASES[i][0]).isEqualTo(CASES[i][1]);
      assertThat(out.get(i).<String>getAs("sido_code")).as(CASES[i][0]).isEqualTo(CASES[i][2]);
    }
    assertThat(out.get(CASES.length).<String>getAs("sido_code")).isNull();
  }

  @Test
  void everyCurrentLeafIsReachableByItsOwnFullName() {
    Map<String, String[]> entries = AddressRegions.entries(RegionVintage.current());
    var catalog = org.clusteratlas.datasets.region.RegionCatalog.load();
    for (var leaf : catalog.leafSigungu()) {
      String[] hit = entries.get(catalog.fullNameOf(leaf.code()));
      assertThat(hit).as(leaf.code()).isNotNull();
      assertThat(hit[0]).as(catalog.fullNameOf(leaf.code())).isEqualTo(leaf.code());
    }
  }
}
