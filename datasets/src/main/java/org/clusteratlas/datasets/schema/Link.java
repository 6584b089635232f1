package org.clusteratlas.datasets.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;

/**
 * Tables of the link stage besides {@code silver.firm} and {@code silver.entity_link}: the review queue
 * of uncertain links, the trained Fellegi–Sunter parameters (reused by incremental runs) and the scored
 * candidate pairs (so an evaluation can tell pairs lost at blocking from pairs scored wrong).
 */
public final class Link {
  private Link() {}

  public static final TableContract REVIEW = new TableContract("silver", "link_review",
      Columns.of()
          .req("source", StringType, "ntis | kipris | nps | programs")
          .req("unit_id", StringType, "linked unit: a row, an NPS workplace or a KIPRIS applicant code")
          .req("unit_records", LongType, "source records that share the unit's decision")
          .req("source_file", StringType, "first record of the unit (bronze lineage)")
          .req("row_number", LongType, "first record of the unit")
          .req("position", IntegerType, "first record of the unit")
          .req("record_name", StringType, "name as written in the source")
          .opt("record_brn", StringType, "BRN digits or 6-digit prefix as written")
          .opt("record_region", StringType, "region of the record (code or text)")
          .req("candidate_crn", StringType, "proposed firm")
          .req("candidate_name", StringType, "registered name of the proposed firm")
          .opt("candidate_brn", StringType, "BRN of the compared place of business")
          .opt("candidate_region", StringType, "sigungu code of the compared place")
          .req("match_probability", DoubleType, "probability that the record is this candidate among the unit's candidates (pairwise odds 2^match_weight over their sum + the odds of none)")
          .req("match_weight", DoubleType, "log2 Bayes factor including the prior")
          .opt("evidence", StringType, "comparison levels and weights (JSON)")
          .req("rank", IntegerType, "1 = best candidate of the unit")
          .req("link_run_id", StringType, "run that queued the pair")
          .build(),
      List.of("source", "unit_id", "candidate_crn"),
      "uncertain links with both sides side by side, for clerical review");

  public static final TableContract MODEL = new TableContract("silver", "link_model",
      Columns.of()
          .req("slice", StringType, "source the parameters were trained for")
          .req("comparison", StringType, "comparison name, or _prior for lambda")
          .req("level", IntegerType, "comparison level (higher = closer agreement)")
          .req("label", StringType, "what the level means")
          .req("m", DoubleType, "P(level | match), EM estimate")
          .req("u", DoubleType, "P(level | non-match), from random pairs")
          .req("trained_run_id", StringType, "run that trained the parameters")
          .build(),
      List.of("slice", "comparison", "level"),
      "Fellegi–Sunter parameters per source slice, reused by incremental runs");

  public static final TableContract CANDIDATE = new TableContract("silver", "link_candidate",
      Columns.of()
          .req("source", StringType, "source slice")
          .req("unit_id", StringType, "linked unit")
          .req("crn", StringType, "compared firm")
          .req("match_weight", DoubleType, "best weight over the firm's places")
          .req("link_run_id", StringType, "run that scored the pair")
          .build(),
      List.of("source", "unit_id", "crn"),
      "every scored candidate pair (unit × firm)");

  /**
   * Served, not stored: the serving snapshot carries this summary of {@code silver.entity_link} (one
   * row per source, kind, method and probability bin) instead of the link table itself, whose one row
   * per source record runs to tens of millions at national scale.
   */
  public static final TableContract ENTITY_LINK_SUMMARY = new TableContract("silver", "entity_link_summary",
      Columns.of()
          .req("source", StringType, "raw source id")
          .req("org_kind", StringType, "firm | university | institute | government | individual | foreign | other")
          .req("method", StringType, "crn_exact | brn_exact | applicant_code | model | review | unlinked | non_firm")
          .req("linked", BooleanType, "the records carry a firm_id")
          .opt("probability_bin", DoubleType,
              "lower edge of the match-probability bin (width 0.025) for model and review links; null otherwise")
          .req("records", LongType, "source records in the cell")
          .build(),
      List.of("source", "org_kind", "method", "linked", "probability_bin"),
      "silver.entity_link counted by source, organisation kind, method and match-probability bin (serving snapshot only)");

  public static final List<TableContract> ALL = List.of(REVIEW, MODEL, CANDIDATE);
}
