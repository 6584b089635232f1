package org.clusteratlas.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The report's aggregates against values worked out by hand from {@link ReportFixture}. */
@ExtendWith(SharedSpark.class)
class ReportFramesTest {

  private static List<String> keys(Dataset<Row> frame, String... columns) {
    return frame.collectAsList().stream().map(r -> {
      StringBuilder b = new StringBuilder();
      for (String c : columns) {
        b.append(b.isEmpty() ? "" : "/").append((Object) r.getAs(c));
      }
      return b.toString();
    }).toList();
  }

  @Test
  void topClustersRankSidoPairsPerYearAndKindWithTiesByRegionCode(SparkSession spark) {
    Dataset<Row> top = ReportFrames.topClusters(ReportFixture.scores(spark), 2);
    // 2023 ksic: 31/30 2.5, then 41/26 and 47/26 tie at 1.9 (41 first); the sigungu 3.9 is not a sido pair
    assertThat(keys(top, "year", "cluster_kind", "rank", "region_code", "cluster_id")).containsExactly(
        "2022/ksic_division/1/31/30", "2022/ksic_division/2/41/30",
        "2023/ksic_division/1/31/30", "2023/ksic_division/2/41/26",
        "2023/tech_field/1/11/6", "2023/tech_field/2/30/6");
    Row first = top.collectAsList().get(2);
    assertThat((Double) first.getAs("score_innovation_output")).isEqualTo(3.75);
    assertThat((Integer) first.getAs("stars")).isEqualTo(3);
    assertThat((Boolean) first.getAs("strong_cluster")).isTrue();
    assertThat(top.columns()).contains(ReportColumns.PILLARS.toArray(String[]::new));
  }

  @Test
  void tileMapHoldsEverySidoScoreOfTheLatestYearOnly(SparkSession spark) {
    Dataset<Row> map = ReportFrames.latestSidoScores(ReportFixture.scores(spark));
    assertThat(keys(map, "year").stream().distinct()).containsExactly("2023");
    assertThat(keys(map, "cluster_kind", "cluster_id", "region_code")).containsExactly(
        "ksic_division/26/11", "ksic_division/26/41", "ksic_division/26/47", "ksic_division/26/50",
        "ksic_division/30/11", "ksic_division/30/26", "ksic_division/30/31", "ksic_division/30/41",
        "tech_field/6/11", "tech_field/6/30");
  }

  @Test
  void trendsFollowTheLeadingPairsAndAddBothFundingSources(SparkSession spark) {
    Dataset<Row> selection = ReportFrames.trendSelection(ReportFixture.scores(spark), 3);
    assertThat(keys(selection, "region_code", "cluster_id")).containsExactly("31/30", "41/26", "47/26");
    Dataset<Row> trends = ReportFrames.trends(ReportFixture.metrics(spark), selection);
    assertThat(keys(trends, "region_code", "cluster_id", "year", "employment", "rnd_funding", "patent_applications"))
        .containsExactly(
            "31/30/2021/1000.0/6000000.0/10.5",
            "31/30/2022/1100.0/6000000.0/12.0",
            "31/30/2023/1250.0/null/14.25",
            "41/26/2022/800.0/2500000.0/30.0",
            "41/26/2023/900.0/3000000.0/33.0",
            "47/26/2023/700.0/1000000.0/8.0");
  }

  @Test
  void eventTimeEffectsKeepTheNationalEventStudyRows(SparkSession spark) {
    Dataset<Row> effects = ReportFrames.eventTimeEffects(ReportFixture.effects(spark));
    // 5 event times × 2 estimators; the overall row, the group-time cell and the regional row are left out
    assertThat(effects.count()).isEqualTo(10);
    Row cs2 = effects.filter("estimator = 'callaway_santanna' and event_time = 2").first();
    assertThat((Double) cs2.getAs("att")).isCloseTo(0.09, within(1e-12));
    assertThat((Double) cs2.getAs("ci_low")).isCloseTo(0.09 - 1.96 * 0.015, within(1e-12));
    assertThat((Double) cs2.getAs("pretest_early_p")).isEqualTo(0.41);
    Row naive = effects.filter("estimator = 'naive'").first();
    assertThat(naive.isNullAt(effects.schema().fieldIndex("pretest_p"))).isTrue();
  }

  @Test
  void linkQualityCountsBySourceAndMethod(SparkSession spark) {
    List<Map<String, Object>> rows = ReportJob.collect("links",
        ReportFrames.linkQuality(ReportFixture.entityLinks(spark)), new java.util.ArrayList<>());
    assertThat(rows).hasSize(2);
    Map<String, Object> kipris = rows.get(0);
    Map<String, Object> ntis = rows.get(1);
    assertThat(kipris).containsEntry("source", "kipris").containsEntry("records", 4L).containsEntry("linked", 3L)
        .containsEntry("non_firm", 0L).containsEntry("unlinked", 1L).containsEntry("applicant_code", 2L)
        .containsEntry("review", 1L).containsEntry("model", 0L).containsEntry("link_rate", 0.75)
        .containsEntry("model_probability_mean", null);
    // ntis: 6 records, 1 university, 4 of the 5 others linked (crn, brn, two model links at 0.95 and 0.85)
    assertThat(ntis).containsEntry("records", 6L).containsEntry("linked", 4L).containsEntry("non_firm", 1L)
        .containsEntry("unlinked", 1L).containsEntry("crn_exact", 1L).containsEntry("brn_exact", 1L)
        .containsEntry("model", 2L).containsEntry("link_rate", 0.8).containsEntry("model_probability_min", 0.85);
    assertThat((Double) ntis.get("model_probability_mean")).isCloseTo(0.90, within(1e-12));
  }
}
