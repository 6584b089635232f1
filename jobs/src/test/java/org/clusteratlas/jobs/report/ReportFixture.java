package org.clusteratlas.jobs.report;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.Silver;

/**
 * Tiny hand-made gold and link frames whose report aggregates are worked out by hand in the tests.
 * The gold columns follow the keys and names of DESIGN.md and the clusters/outcomes contracts.
 */
final class ReportFixture {
  private ReportFixture() {}

  /** A cluster name that would end the page's data script early if the JSON were not escaped. */
  static final String TRICKY_NAME = "Computer technology </script><b>x";

  static Dataset<Row> scores(SparkSession spark) {
    StructType schema = new StructType()
        .add("year", IntegerType).add("region_level", StringType).add("region_code", StringType)
        .add("cluster_kind", StringType).add("cluster_id", StringType).add("cluster_name", StringType);
    for (String p : ReportColumns.PILLARS) {
      schema = schema.add(p, DoubleType);
    }
    schema = schema.add("composite", DoubleType).add("rank_national", IntegerType).add("strong_cluster", BooleanType)
        .add("star_size", BooleanType).add("star_specialisation", BooleanType).add("star_focus", BooleanType)
        .add("stars", IntegerType).add("method_version", StringType);
    List<Row> rows = new ArrayList<>();
    rows.add(score(2023, "sido", "31", "ksic_division", "30", "자동차 및 트레일러 제조업", 2.5, 1, 3));
    rows.add(score(2023, "sido", "41", "ksic_division", "30", "자동차 및 트레일러 제조업", 1.2, 2, 1));
    rows.add(score(2023, "sido", "26", "ksic_division", "30", "자동차 및 트레일러 제조업", 0.3, 3, 0));
    rows.add(score(2023, "sido", "11", "ksic_division", "30", "자동차 및 트레일러 제조업", -0.4, 4, 0));
    rows.add(score(2023, "sido", "41", "ksic_division", "26", "전자부품 제조업", 1.9, 1, 2));
    rows.add(score(2023, "sido", "47", "ksic_division", "26", "전자부품 제조업", 1.9, 2, 2));
    rows.add(score(2023, "sido", "11", "ksic_division", "26", "전자부품 제조업", 0.1, 3, 0));
    rows.add(score(2023, "sido", "50", "ksic_division", "26", "전자부품 제조업", null, null, 0));
    rows.add(score(2023, "sigungu", "31140", "ksic_division", "30", "자동차 및 트레일러 제조업", 3.9, 1, 3));
    rows.add(score(2023, "sido", "11", "tech_field", "6", TRICKY_NAME, 2.2, 1, 1)); // leads, yet draws no trend
    rows.add(score(2023, "sido", "30", "tech_field", "6", TRICKY_NAME, 0.8, 2, 0));
    rows.add(score(2022, "sido", "31", "ksic_division", "30", "자동차 및 트레일러 제조업", 2.0, 1, 3));
    rows.add(score(2022, "sido", "41", "ksic_division", "30", "자동차 및 트레일러 제조업", 1.5, 2, 1));
    rows.add(score(2022, "sido", "11", "ksic_division", "26", "전자부품 제조업", 0.7, 1, 0));
    return spark.createDataFrame(rows, schema);
  }

  /** Pillars derived from the composite so every row has distinct bars; the last pillar is missing. */
  private static Row score(int year, String level, String region, String kind, String id, String name,
      Double composite, Integer rank, int stars) {
    List<Object> v = new ArrayList<>(List.of(year, level, region, kind, id, name));
    double c = composite == null ? 0 : composite;
    v.add(composite == null ? null : c);
    v.add(composite == null ? null : c * 0.5);
    v.add(composite == null ? null : -0.5);
    v.add(composite == null ? null : c * 1.5);
    v.add(composite == null ? null : 0.2);
    v.add(null);
    v.add(composite);
    v.add(rank);
    v.add(stars >= 2);
    v.add(stars >= 1);
    v.add(stars >= 2);
    v.add(stars >= 3);
    v.add(stars);
    v.add("test");
    return RowFactory.create(v.toArray());
  }

  static Dataset<Row> metrics(SparkSession spark) {
    StructType schema = new StructType()
        .add("year", IntegerType).add("region_level", StringType).add("region_code", StringType)
        .add("cluster_kind", StringType).add("cluster_id", StringType).add("cluster_name", StringType)
        .add("employment", DoubleType).add("rnd_gov_funding", DataTypes.createDecimalType(24, 3))
        .add("rnd_private_funding", DataTypes.createDecimalType(24, 3)).add("patent_applications", DoubleType);
    String car = "자동차 및 트레일러 제조업";
    String chips = "전자부품 제조업";
    List<Row> rows = List.of(
        metric(2021, "sido", "31", "ksic_division", "30", car, 1000.0, "5000000", "1000000", 10.5),
        metric(2022, "sido", "31", "ksic_division", "30", car, 1100.0, "6000000", null, 12.0),
        metric(2023, "sido", "31", "ksic_division", "30", car, 1250.0, null, null, 14.25),
        metric(2022, "sido", "41", "ksic_division", "26", chips, 800.0, "2000000", "500000", 30.0),
        metric(2023, "sido", "41", "ksic_division", "26", chips, 900.0, "2500000", "500000", 33.0),
        metric(2023, "sido", "47", "ksic_division", "26", chips, 700.0, "1000000", "0", 8.0),
        metric(2023, "sido", "11", "ksic_division", "30", car, 300.0, "100", "100", 1.0),
        metric(2023, "sigungu", "31140", "ksic_division", "30", car, 900.0, "1", "1", 1.0));
    return spark.createDataFrame(rows, schema);
  }

  private static Row metric(int year, String level, String region, String kind, String id, String name,
      double employment, String gov, String priv, double patents) {
    return RowFactory.create(year, level, region, kind, id, name, employment,
        gov == null ? null : new BigDecimal(gov), priv == null ? null : new BigDecimal(priv), patents);
  }

  static Dataset<Row> effects(SparkSession spark) {
    StructType schema = new StructType()
        .add("program", StringType).add("outcome", StringType).add("estimator", StringType)
        .add("aggregation", StringType).add("cohort", IntegerType).add("year", IntegerType)
        .add("event_time", IntegerType).add("region_code", StringType).add("cluster_id", StringType)
        .add("att", DoubleType).add("se", DoubleType).add("ci_low", DoubleType).add("ci_high", DoubleType)
        .add("n_treated", LongType).add("n_control", LongType)
        .add("pretest_p", DoubleType).add("pretest_early_p", DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int e = -2; e <= 2; e++) {
      // naive: a level gap already before entry (selection); counterfactual: flat before, growing after
      double naive = 0.20 + (e >= 0 ? 0.05 * (e + 1) : 0);
      double cs = e >= 0 ? 0.03 * (e + 1) : 0.0;
      rows.add(effect("R&D 과제", "log_revenue", "naive", "dynamic", e, null, naive, 0.02));
      rows.add(effect("R&D 과제", "log_revenue", "callaway_santanna", "dynamic", e, null, cs, 0.015));
    }
    rows.add(effect("R&D 과제", "log_revenue", "callaway_santanna", "dynamic", null, null, 0.06, 0.01));
    rows.add(effect("R&D 과제", "log_revenue", "callaway_santanna", "group_time", 1, null, 0.05, 0.02));
    rows.add(effect("R&D 과제", "log_revenue", "callaway_santanna", "dynamic", 1, "31", 0.5, 0.2));
    return spark.createDataFrame(rows, schema);
  }

  private static Row effect(String program, String outcome, String estimator, String aggregation, Integer e,
      String region, double att, double se) {
    // the counterfactual's pre-tests: rejected over every pre-entry year, passed without the year before entry
    boolean cs = estimator.equals("callaway_santanna");
    return RowFactory.create(program, outcome, estimator, aggregation, 2020, e == null ? null : 2020 + e, e,
        region, null, att, se, att - 1.96 * se, att + 1.96 * se, 120L, 3400L, cs ? 0.0004 : null, cs ? 0.41 : null);
  }

  static Dataset<Row> entityLinks(SparkSession spark) {
    List<Row> rows = List.of(
        link("ntis", 1, "1101110000001", "firm", "crn_exact", 1.0),
        link("ntis", 2, "1101110000002", "firm", "brn_exact", 1.0),
        link("ntis", 3, "1101110000003", "firm", "model", 0.95),
        link("ntis", 4, "1101110000004", "firm", "model", 0.85),
        link("ntis", 5, null, "university", "non_firm", null),
        link("ntis", 6, null, "firm", "unlinked", 0.4),
        link("kipris", 1, "1101110000001", "firm", "applicant_code", 1.0),
        link("kipris", 2, "1101110000005", "firm", "applicant_code", 1.0),
        link("kipris", 3, "1101110000006", "firm", "review", 0.7),
        link("kipris", 4, null, "firm", "unlinked", null));
    return spark.createDataFrame(rows, Silver.ENTITY_LINK.schema());
  }

  private static Row link(String source, long row, String firm, String kind, String method, Double p) {
    return RowFactory.create(source, source + "/2023.csv", row, 1, firm, kind, null, method, p, null, null, "link-1");
  }
}
