package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.region.RegionVintage;

/**
 * Harmonises region codes to one vintage (the current one unless told otherwise) in bronze, by a
 * broadcast join against the reference crosswalk rather than a per-row function. A sigungu code is
 * mapped by the record's own date to the successor that {@link RegionVintage} marks primary (for an
 * area split that is not 1:1, the fractional shares stay available from the crosswalk for analyses
 * that need them). Sido codes are never reused, so a sido code maps without a date.
 */
final class RegionHarmoniser {
  private static final StructType CROSSWALK = new StructType()
      .add("cw_source", DataTypes.StringType, false)
      .add("cw_from", DataTypes.DateType, false)
      .add("cw_until", DataTypes.DateType, true)
      .add("cw_target", DataTypes.StringType, false);
  private static final StructType SIDO = new StructType()
      .add("sido_source", DataTypes.StringType, false)
      .add("sido_target", DataTypes.StringType, false);

  private final Dataset<Row> sigungu;
  private final Dataset<Row> sido;

  RegionHarmoniser(SparkSession spark, RegionVintage vintage) {
    List<Row> rows = new ArrayList<>();
    Map<String, Map<String, Integer>> sidoVotes = new HashMap<>();
    for (RegionVintage.CrosswalkRow r : vintage.crosswalk()) {
      if (!r.primary()) {
        continue;
      }
      rows.add(RowFactory.create(r.sourceCode(), Date.valueOf(r.validFrom()),
          r.validUntil() == null ? null : Date.valueOf(r.validUntil()), r.targetCode()));
      sidoVotes.computeIfAbsent(r.sourceCode().substring(0, 2), k -> new TreeMap<>())
          .merge(r.targetCode().substring(0, 2), 1, Integer::sum);
    }
    List<Row> sidoRows = new ArrayList<>();
    // a sido maps to where most of its sigungu went (47 stays 47 although 군위 moved to 27)
    sidoVotes.forEach((from, votes) -> sidoRows.add(RowFactory.create(from,
        votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())));
    this.sigungu = spark.createDataFrame(rows, CROSSWALK);
    this.sido = spark.createDataFrame(sidoRows, SIDO);
  }

  /** Adds {@code out}: the vintage code of the sigungu code in {@code codeCol} as of {@code date}. */
  Dataset<Row> harmoniseSigungu(Dataset<Row> df, String codeCol, Column date, String out) {
    Column match = col(codeCol).equalTo(col("cw_source"))
        .and(date.geq(col("cw_from")))
        .and(col("cw_until").isNull().or(date.lt(col("cw_until"))));
    return df.join(broadcast(sigungu), match, "left")
        .withColumnRenamed("cw_target", out)
        .drop("cw_source", "cw_from", "cw_until");
  }

  /** Adds {@code out}: the vintage sido code of the 2-digit code in {@code codeCol}. */
  Dataset<Row> harmoniseSido(Dataset<Row> df, String codeCol, String out) {
    return df.join(broadcast(sido), col(codeCol).equalTo(col("sido_source")), "left")
        .withColumnRenamed("sido_target", out)
        .drop("sido_source");
  }
}
