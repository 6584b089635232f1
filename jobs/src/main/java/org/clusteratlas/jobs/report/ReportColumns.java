package org.clusteratlas.jobs.report;

import java.util.List;

/**
 * Every table and column name the report reads, in one place. The gold contracts are owned by the
 * clusters and outcomes stages; when a name changes there, this is the only file to adapt.
 */
public final class ReportColumns {
  private ReportColumns() {}

  public static final String CLUSTER_SCORES = "gold.cluster_scores";
  public static final String CLUSTER_METRICS = "gold.cluster_metrics";
  public static final String PROGRAM_EFFECTS = "gold.program_effects";
  public static final String ENTITY_LINK = "silver.entity_link";

  // key shared by cluster_scores and cluster_metrics
  public static final String YEAR = "year";
  public static final String REGION_LEVEL = "region_level";
  public static final String REGION_CODE = "region_code";
  public static final String CLUSTER_KIND = "cluster_kind";
  public static final String CLUSTER_ID = "cluster_id";
  public static final String CLUSTER_NAME = "cluster_name";
  public static final List<String> CLUSTER_KEY = List.of(REGION_LEVEL, REGION_CODE, CLUSTER_KIND, CLUSTER_ID);

  /** The report maps and ranks 시도, the level every region vintage has 16–17 of. */
  public static final String SIDO_LEVEL = "sido";

  // gold.cluster_scores
  public static final String COMPOSITE = "composite";
  public static final List<String> PILLARS = List.of("score_size", "score_specialisation",
      "score_innovation_input", "score_innovation_output", "score_collaboration", "score_dynamics");
  public static final String STRONG = "strong_cluster";
  public static final String STARS = "stars";
  public static final List<String> STAR_FLAGS = List.of("star_size", "star_specialisation", "star_focus");
  public static final String RANK_NATIONAL = "rank_national";

  // gold.cluster_metrics
  public static final String EMPLOYMENT = "employment";
  public static final String RND_GOV = "rnd_gov_funding";
  public static final String RND_PRIVATE = "rnd_private_funding";
  public static final String PATENTS = "patent_applications";

  // gold.program_effects
  public static final String PROGRAM = "program";
  public static final String OUTCOME = "outcome";
  public static final String ESTIMATOR = "estimator";
  public static final String AGGREGATION = "aggregation";
  /** The event-study aggregation (R did's aggte type "dynamic"): one ATT per event time. */
  public static final String EVENT_AGGREGATION = "dynamic";
  public static final String EVENT_TIME = "event_time";
  public static final String ATT = "att";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";
  public static final String N_TREATED = "n_treated";
  public static final String N_CONTROL = "n_control";
  /** Wald pre-tests of parallel trends: every pre-treatment year, and without the year before entry. */
  public static final String PRETEST_P = "pretest_p";
  public static final String PRETEST_EARLY_P = "pretest_early_p";

  // silver.entity_link
  public static final String SOURCE = "source";
  public static final String FIRM_ID = "firm_id";
  public static final String METHOD = "method";
  public static final String MATCH_PROBABILITY = "match_probability";
  public static final String NON_FIRM = "non_firm";
  public static final String MODEL = "model";
  /** Link methods that attach a firm, in the order the quality table shows them. */
  public static final List<String> LINK_METHODS = List.of("crn_exact", "brn_exact", "applicant_code", MODEL, "review");
}
