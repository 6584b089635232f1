package org.clusteratlas.jobs.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.testing.ContractRows;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scores on six hand-made regions of one cluster. Percentiles are R-7 (linear interpolation, as
 * d3.quantile in the CMP code and Spark's {@code percentile}), worked out below; z-scores and pillar
 * values were computed separately (Python, sample standard deviation) and pasted as literals.
 */
@ExtendWith(SharedSpark.class)
class ClusterScoresTest {
  private static final double EPS = 1e-9;

  private static Dataset<Row> metrics(SparkSession spark) {
    return metrics(spark, new Double[6]);
  }

  /**
   * The six regions, with the largest employer's share of each cell given (null: not measured, so the
   * anchor rule and the anchor-free LQ stay out).
   */
  private static Dataset<Row> metrics(SparkSession spark, Double... largestShare) {
    ContractRows rows = ContractRows.of(GoldClusters.CLUSTER_METRICS);
    Object[][] cells = {
        // region, employment, establishments, lq, focus
        {"R1", 100, 10, 3.0, 0.30}, {"R2", 50, 5, 1.5, 0.10}, {"R3", 20, 2, 0.8, 0.05},
        {"R4", 10, 1, 0.5, 0.02}, {"R5", 5, 4, 2.5, 0.20}, {"R6", 0, 0, 0.0, 0.0}};
    for (int i = 0; i < cells.length; i++) {
      Object[] c = cells[i];
      rows.row("year", 2023, "region_level", "sigungu", "region_code", c[0], "cluster_kind", "ksic_division",
          "cluster_id", "26", "employment", c[1], "establishments", c[2], "lq", c[3], "focus", c[4],
          "largest_employer_share", largestShare[i]);
    }
    rows.row("year", 2023, "region_level", "sigungu", "region_code", "R1", "cluster_kind", "tech_field",
        "cluster_id", "8", "patent_applications", 2.0, "patent_rta", 1.5);
    return rows.frame(spark);
  }

  private static Map<String, Row> byRegion(Dataset<Row> scores) {
    return scores.filter("cluster_kind = 'ksic_division'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("region_code"), Function.identity()));
  }

  @Test
  void strongClusterRuleAndStars(SparkSession spark) {
    Dataset<Row> scores = ClusterScores.score(metrics(spark), ScoreWeights.defaults(), "test");
    Map<String, Row> s = byRegion(scores);
    // over the five regions with employment: LQ 0.5 0.8 1.5 2.5 3.0 → p75 at position 3 = 2.5;
    // employment 5 10 20 50 100 → p25 at position 1 = 10; establishments 1 2 4 5 10 → p25 = 2
    Row r1 = s.get("R1");
    assertThat(r1.<Double>getAs("lq_p75")).isCloseTo(2.5, within(EPS));
    assertThat(r1.<Double>getAs("employment_p25")).isCloseTo(10.0, within(EPS));
    assertThat(r1.<Double>getAs("establishments_p25")).isCloseTo(2.0, within(EPS));
    // R1: LQ 3 ≥ 2.5 and ≥ 1, 100 > 10, 10 > 2 → strong. R5 has the LQ (2.5) but only 5 employees.
    assertThat(s.entrySet().stream().filter(e -> e.getValue().<Boolean>getAs("strong_cluster"))
        .map(Map.Entry::getKey).toList()).containsExactly("R1");
    // stars: employment p90 = 50 + 0.6·50 = 80 → R1; LQ ≥ 2 → R1, R5; focus p90 = 0.20 + 0.6·0.10 = 0.26 → R1
    assertThat(r1.<Integer>getAs("stars")).isEqualTo(3);
    assertThat(s.get("R5").<Integer>getAs("stars")).isEqualTo(1);
    assertThat(s.get("R5").<Boolean>getAs("star_specialisation")).isTrue();
    assertThat(s.get("R2").<Integer>getAs("stars")).isZero();
    assertThat(s.get("R6").<Boolean>getAs("strong_cluster")).isFalse();
    // technology fields have no employment: no CMP flag or stars rather than a false "no"
    Row tech = scores.filter("cluster_kind = 'tech_field'").first();
    assertThat(tech.<Object>getAs("strong_cluster")).isNull();
    assertThat(tech.<Object>getAs("stars")).isNull();
    assertThat(tech.<String>getAs("method_version")).isEqualTo("test");
  }

  @Test
  void aCellHeldByOneEmployerIsNotAStrongCluster(SparkSession spark) {
    // R1 passes every CMP threshold; with 85% of its employment at one employer it is that firm's cell
    Map<String, Row> anchored = byRegion(ClusterScores.score(metrics(spark, 0.85, 0.95, 0.5, 1.0, 0.4, null),
        ScoreWeights.defaults(), "test"));
    assertThat(anchored.get("R1").<Boolean>getAs("anchor_dominated")).isTrue();
    assertThat(anchored.get("R1").<Boolean>getAs("strong_cluster")).isFalse();
    // the flag takes no star away
    Map<String, Row> spread = byRegion(ClusterScores.score(metrics(spark, 0.4, 0.95, 0.5, 1.0, 0.4, null),
        ScoreWeights.defaults(), "test"));
    assertThat(spread.get("R1").<Boolean>getAs("anchor_dominated")).isFalse();
    assertThat(spread.get("R1").<Boolean>getAs("strong_cluster")).isTrue();
    assertThat(anchored.get("R1").<Integer>getAs("stars")).isEqualTo(spread.get("R1").<Integer>getAs("stars"));
    // a cell without workplaces has no employer and is not flagged; 95% and 100% are one employer
    assertThat(spread.get("R6").<Boolean>getAs("anchor_dominated")).isFalse();
    assertThat(spread.get("R2").<Boolean>getAs("anchor_dominated")).isTrue();
    assertThat(spread.get("R4").<Boolean>getAs("anchor_dominated")).isTrue();
    // two equal employers are not one
    assertThat(spread.get("R3").<Boolean>getAs("anchor_dominated")).isFalse();
    // the bar is inclusive: exactly four fifths is dominated
    Map<String, Row> atBar = byRegion(ClusterScores.score(metrics(spark, ClusterScores.ANCHOR_SHARE, 0.95, 0.5,
        1.0, 0.4, null), ScoreWeights.defaults(), "test"));
    assertThat(atBar.get("R1").<Boolean>getAs("anchor_dominated")).isTrue();
    // an anchor firm with 75% of the cell and specialised neighbours is still a strong cluster
    Map<String, Row> anchorTown = byRegion(ClusterScores.score(metrics(spark, 0.75, 0.95, 0.5, 1.0, 0.4, null),
        ScoreWeights.defaults(), "test"));
    assertThat(anchorTown.get("R1").<Boolean>getAs("anchor_dominated")).isFalse();
    assertThat(anchorTown.get("R1").<Boolean>getAs("strong_cluster")).isTrue();
  }

  @Test
  void specialisationBeyondTheLargestEmployer(SparkSession spark) {
    // anchor-free LQ = LQ · (1 − largest share): R1 3·0.6 = 1.8, R2 1.5·0.05 = 0.075, R3 0.8·0.5 = 0.4,
    // R4 0.5·0 = 0 (ln 0 = −∞: the floor, −3, outside the mean and sd), R5 2.5·0.6 = 1.5, R6 unmeasured.
    // z of ln over R1, R2, R3, R5: 0.8275, −1.3350, −0.1959, 0.7034. Pillar = mean(z ln LQ, z focus, that)
    // (computed separately in Python, as the other literals)
    ScoreWeights weights = ScoreWeights.parse("pillar,weight\nspecialisation,1\n", "w.csv");
    Map<String, Row> s = byRegion(ClusterScores.score(metrics(spark, 0.4, 0.95, 0.5, 1.0, 0.4, null), weights, "test"));
    double[] spec = {1.165373006605229, -0.4321952075077258, -0.472358841511424, -1.699858244572254,
        0.7580218142001985, -0.9569475816420709};
    List<String> regions = List.of("R1", "R2", "R3", "R4", "R5", "R6");
    for (int i = 0; i < regions.size(); i++) {
      assertThat(s.get(regions.get(i)).<Double>getAs("score_specialisation")).as(regions.get(i))
          .isCloseTo(spec[i], within(EPS));
    }
    // R2 (one employer holds 95%) falls from 0.019 without the metric (see pillarsCompositeAndRanks) to
    // −0.432, level with R3 whose LQ is half its own
  }

  @Test
  void pillarsCompositeAndRanks(SparkSession spark) {
    ScoreWeights weights = ScoreWeights.parse("pillar,weight\nsize,1\nspecialisation,3\n", "w.csv");
    Map<String, Row> s = byRegion(ClusterScores.score(metrics(spark), weights, "test"));
    List<String> regions = List.of("R1", "R2", "R3", "R4", "R5", "R6");
    // specialisation = mean(z(ln LQ), z(focus)); R6 has no log LQ (LQ 0), so only z(focus)
    double[] spec = {1.3343227232175046, 0.019183716765858005, -0.61056927096487, -1.0497873668583813,
        0.7853239886609238, -0.9569475816420709};
    // size = mean(z(log1p employment), z(log1p establishments)); the other size metrics are null
    double[] size = {1.268734751146349, 0.705195769702131, 0.02850652997024372, -0.4061828918950211,
        -0.05339460465486898, -1.5428595542688333};
    for (int i = 0; i < regions.size(); i++) {
      Row r = s.get(regions.get(i));
      assertThat(r.<Double>getAs("score_specialisation")).as(regions.get(i)).isCloseTo(spec[i], within(EPS));
      assertThat(r.<Double>getAs("score_size")).as(regions.get(i)).isCloseTo(size[i], within(EPS));
      // pillars without any metric stay null and do not weigh: composite = (size + 3·spec) / 4
      assertThat(r.<Object>getAs("score_dynamics")).isNull();
      assertThat(r.<Double>getAs("composite")).isCloseTo((size[i] + 3 * spec[i]) / 4, within(EPS));
    }
    // composites 1.318, 0.191, −0.451, −0.889, 0.576, −1.103
    assertThat(regions.stream().map(r -> s.get(r).<Integer>getAs("rank_national")).toList())
        .containsExactly(1, 3, 4, 5, 2, 6);
    assertThat(s.get("R1").<String>getAs("weights")).startsWith("size=1.0,specialisation=3.0");
  }

  @Test
  void innovationPillarsLookAtTheLastThreeYears(SparkSession spark) {
    // A had 3 projects in 2021 and none since; B has 1 in 2023. Annually B leads in 2023; over
    // 2021–2023 A does: mean ln(1+projects) = ln 4 / 3 = 0.462 against ln 2 / 3 = 0.231, so with two
    // peers z = ±1/√2. A fourth year back (2020) is outside the window and must not count.
    ContractRows rows = ContractRows.of(GoldClusters.CLUSTER_METRICS);
    int[][] projects = {{2020, 50, 0}, {2021, 3, 0}, {2022, 0, 0}, {2023, 0, 1}};
    for (int[] p : projects) {
      rows.row("year", p[0], "region_level", "sido", "region_code", "A", "cluster_kind", "ksic_division",
          "cluster_id", "26", "rnd_projects", (long) p[1]);
      rows.row("year", p[0], "region_level", "sido", "region_code", "B", "cluster_kind", "ksic_division",
          "cluster_id", "26", "rnd_projects", (long) p[2]);
    }
    Map<String, Row> s = byRegion(ClusterScores.score(rows.frame(spark), ScoreWeights.defaults(), "test")
        .filter("year = 2023"));
    assertThat(s.get("A").<Double>getAs("score_innovation_input")).isCloseTo(Math.sqrt(0.5), within(EPS));
    assertThat(s.get("B").<Double>getAs("score_innovation_input")).isCloseTo(-Math.sqrt(0.5), within(EPS));
    // 2021 still sees 2020's 50 projects for A
    Map<String, Row> y2021 = byRegion(ClusterScores.score(rows.frame(spark), ScoreWeights.defaults(), "test")
        .filter("year = 2021"));
    assertThat(y2021.get("A").<Double>getAs("score_innovation_input")).isCloseTo(Math.sqrt(0.5), within(EPS));
  }
}
