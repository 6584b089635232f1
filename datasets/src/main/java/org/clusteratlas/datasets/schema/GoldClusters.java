package org.clusteratlas.datasets.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Gold tables of the {@code clusters} stage: metrics, scores and technology specialisation per year,
 * region (sido or sigungu, current vintage) and cluster. Formulas, units and attribution rules of every
 * column are in {@code docs/data-dictionary.md}.
 */
public final class GoldClusters {
  private GoldClusters() {}

  private static final DecimalType WON = DataTypes.createDecimalType(24, 3);

  public static final List<String> REGION_LEVELS = List.of("sido", "sigungu");
  public static final List<String> CLUSTER_KINDS = List.of("ksic_division", "tech_field", "custom");

  /** The key every cluster table shares. */
  public static final List<String> KEY = List.of("year", "region_level", "region_code", "cluster_kind", "cluster_id");

  private static Columns keyed() {
    return Columns.of()
        .req("year", IntegerType, "calendar year")
        .req("region_level", StringType, "sido | sigungu")
        .req("region_code", StringType, "sido (2 digits) or sigungu (5 digits) code, current vintage")
        .req("cluster_kind", StringType, "ksic_division | tech_field | custom")
        .req("cluster_id", StringType, "KSIC division (2 digits), WIPO field id (1..35) or custom cluster id")
        .opt("cluster_name", StringType, "cluster name");
  }

  public static final TableContract CLUSTER_METRICS = new TableContract("gold", "cluster_metrics",
      keyed()
          .opt("employment", DoubleType, "annual mean NPS headcount of the cluster's workplaces in the region, persons")
          .opt("establishments", LongType, "NPS workplaces of the cluster reporting in the year")
          .opt("firms", LongType, "distinct linked firms with a workplace of the cluster in the region")
          .opt("firm_hhi", DoubleType,
              "Herfindahl index of employment over the cell's employers (1 = one employer holds it all)")
          .opt("largest_employer_share", DoubleType, "share of the cell's employment held by its largest employer")
          .opt("revenue", LongType, "revenue of the cluster's firms headquartered in the region, won")
          .opt("employment_share_national", DoubleType, "employment / national employment of the cluster")
          .opt("focus", DoubleType, "employment / all employment of the region")
          .opt("lq", DoubleType, "employment location quotient against the national total")
          .opt("establishment_lq", DoubleType,
              "establishment location quotient: the region's share of the cluster's workplaces over its share of all workplaces")
          .opt("patent_rta", DoubleType, "revealed technological advantage of fractional patent applications")
          .opt("rnd_gov_funding", WON, "government R&D funding to the cluster's organisations in the region, won")
          .opt("rnd_private_funding", WON, "private R&D funding, won")
          .opt("rnd_projects", LongType, "distinct R&D projects with a participation of the cluster in the region")
          .opt("rnd_funding_per_employee", DoubleType, "(government + private funding) / employment, won per person")
          .opt("patent_applications", DoubleType, "fractional patent applications (applicant region), patents")
          .opt("patent_grants", DoubleType, "fractional patent grants by grant year (applicant region), patents")
          .opt("patents_per_10k_employees", DoubleType, "patent_applications / employment × 10,000")
          .opt("rnd_triple_helix_share", DoubleType, "share of rnd_projects with firm, university and institute participants")
          .opt("rnd_partner_orgs", LongType, "distinct partner organisations in those projects")
          .opt("rnd_partner_outside_share", DoubleType, "share of located partners outside the region")
          .opt("employment_cagr_3y", DoubleType, "(employment / employment 3 years earlier)^(1/3) − 1")
          .opt("revenue_cagr_3y", DoubleType, "(revenue / revenue 3 years earlier)^(1/3) − 1")
          .opt("hires", LongType, "NPS new members (신규취득자수) summed over the year, persons")
          .opt("hire_rate", DoubleType, "hires / employment")
          .opt("firm_births", LongType, "firms of the cluster founded in the year with head office in the region")
          .opt("employment_change_3y", DoubleType, "employment − employment 3 years earlier, persons")
          .opt("shift_national_3y", DoubleType, "shift-share national component, persons")
          .opt("shift_industry_mix_3y", DoubleType, "shift-share industry-mix component, persons")
          .opt("shift_competitive_3y", DoubleType, "shift-share regional competitive component, persons")
          .build(),
      KEY,
      "regional cluster metrics: size, specialisation, innovation, collaboration, dynamics");

  public static final TableContract CLUSTER_SCORES = new TableContract("gold", "cluster_scores",
      keyed()
          .opt("score_size", DoubleType, "size pillar: mean of standardised size metrics")
          .opt("score_specialisation", DoubleType, "specialisation pillar")
          .opt("score_innovation_input", DoubleType, "innovation-input pillar")
          .opt("score_innovation_output", DoubleType, "innovation-output pillar")
          .opt("score_collaboration", DoubleType, "collaboration pillar")
          .opt("score_dynamics", DoubleType, "dynamics pillar")
          .opt("composite", DoubleType, "weighted mean of the available pillars")
          .opt("rank_national", IntegerType, "rank of the region among all regions of the level for this cluster and year (1 = best)")
          .opt("rank_in_kind", IntegerType, "rank among all region × cluster pairs of the kind, level and year")
          .opt("strong_cluster", BooleanType, "US CMP strong-cluster rule, cells held by one employer excluded")
          .opt("anchor_dominated", BooleanType, "largest_employer_share ≥ 0.8: the cell is in effect one employer, not a cluster")
          .opt("lq_p75", DoubleType, "75th percentile of LQ over the cluster's regions with employment")
          .opt("employment_p25", DoubleType, "25th percentile of employment over those regions")
          .opt("establishments_p25", DoubleType, "25th percentile of establishments over those regions")
          .opt("star_size", BooleanType, "European Observatory size star: top 10% employment within the cluster")
          .opt("star_specialisation", BooleanType, "specialisation star: LQ ≥ 2")
          .opt("star_focus", BooleanType, "focus star: top 10% focus within the cluster")
          .opt("stars", IntegerType, "number of stars, 0..3")
          .req("method_version", StringType, "scoring method + weights + custom-cluster file that produced the row")
          .req("weights", StringType, "composite weights used, pillar=weight")
          .build(),
      KEY,
      "regional cluster scores, ranks, strong-cluster flag and stars, with their method version");

  public static final TableContract TECH_SPECIALIZATION = new TableContract("gold", "tech_specialization",
      Columns.of()
          .req("year", IntegerType, "application year")
          .req("region_level", StringType, "sido | sigungu")
          .req("region_code", StringType, "region code, current vintage")
          .req("field_id", IntegerType, "WIPO technology field 1..35 (Schmoch 2008)")
          .req("field_name", StringType, "field name")
          .req("sector", StringType, "WIPO sector of the field")
          .req("patents_inventor", DoubleType, "fractional applications by inventor region, patents")
          .opt("rta_inventor", DoubleType, "RTA of patents_inventor")
          .req("patents_applicant", DoubleType, "fractional applications by applicant region, patents")
          .opt("rta_applicant", DoubleType, "RTA of patents_applicant")
          .build(),
      List.of("year", "region_level", "region_code", "field_id"),
      "regional technology specialisation: fractional patents and RTA per WIPO field");

  public static final List<TableContract> ALL = List.of(CLUSTER_METRICS, CLUSTER_SCORES, TECH_SPECIALIZATION);
}
