package org.clusteratlas.datasets.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * Gold tables of the {@code outcomes} stage: the firm-year outcome panel with treatment cohorts, and the
 * program effects — the naive before/after figure beside counterfactual estimates (Callaway &amp; Sant'Anna,
 * matched difference-in-differences), overall and broken down by region, cluster and program.
 */
public final class GoldOutcomes {
  private GoldOutcomes() {}

  public static final TableContract FIRM_OUTCOMES = new TableContract("gold", "firm_outcomes",
      Columns.of()
          .req("firm_id", StringType, "firm (13-digit CRN)")
          .req("year", IntegerType, "calendar year")
          .opt("region_code", StringType, "head-office sigungu that year (current vintage)")
          .opt("sido_code", StringType, "head-office sido that year (current vintage)")
          .opt("ksic_division", StringType, "KSIC division that year")
          .opt("cluster_id", StringType, "cluster of that year (cluster_kind ksic_division): the KSIC division, within region_code")
          .opt("founded_year", IntegerType, "founding year (registry); growth differs by firm age, so estimates compare "
              + "firms within founding-year strata")
          .opt("revenue", LongType, "매출액, won (financials)")
          .opt("log_revenue", DoubleType, "ln(revenue), null unless revenue > 0 and the fiscal year is a whole one "
              + "(the founding year's accounts cover only the months since incorporation)")
          .opt("employment", DoubleType, "annual mean NPS headcount; financials' headcount where NPS is missing")
          .req("employment_from_financials", BooleanType, "true when employment is the financials' headcount (no NPS)")
          .opt("log_employment", DoubleType, "ln(employment), null unless employment > 0")
          .opt("hires", LongType, "NPS new members in the year")
          .opt("leavers", LongType, "NPS lost members in the year")
          .opt("hire_rate", DoubleType, "hires / NPS employment (null without NPS employment)")
          .opt("wage_bill", LongType, "NPS billed pension, won (wage-bill proxy)")
          .opt("first_grant_year", IntegerType, "year of the firm's first national R&D grant (lead or participant), null = never")
          .opt("first_grant_ministry", StringType, "ministry of the first grant (smallest name when several that year)")
          .opt("first_grant_program", StringType, "R&D program (사업명) of the first grant")
          .req("grant_treated", BooleanType, "year >= first_grant_year (treatment is absorbing)")
          .req("program_entry", DataTypes.createMapType(StringType, IntegerType, true),
              "support program id -> first selection year in its roster")
          .build(),
      List.of("firm_id", "year"),
      "firm-year outcome panel with treatment cohorts (R&D grants, program rosters)");

  public static final TableContract PROGRAM_EFFECTS = new TableContract("gold", "program_effects",
      Columns.of()
          .req("program", StringType, "treatment: rnd_grant | rnd_grant:ministry=<name> | rnd_grant:program=<name> | roster:<program_id>")
          .req("outcome", StringType, "log_revenue | log_employment | hire_rate")
          .req("estimator", StringType, "naive_before_after (the programs' own before/after figure) | callaway_santanna | matched_did")
          .req("control_group", StringType, "none (naive) | never | notyet | matched_notyet")
          .req("base_period", StringType, "varying | universal | g-1 (naive, matched)")
          .req("aggregation", StringType, "group_time | simple | group | dynamic | calendar")
          .req("overall", BooleanType, "the aggregation's single summary row")
          .req("breakdown", StringType, "all | region | cluster")
          .req("region_code", StringType, "sido code for breakdown=region, else ''")
          .req("cluster_id", StringType, "KSIC division for breakdown=cluster, else ''")
          .req("cell", StringType, "the row within its aggregation: g=<cohort>,t=<year> | g=<cohort> | e=<event time> | t=<year> | '' (overall)")
          .opt("cohort", IntegerType, "first treated year g (group_time, group)")
          .opt("year", IntegerType, "calendar year t (group_time, calendar)")
          .opt("event_time", IntegerType, "t − g (group_time, dynamic)")
          .opt("base_year", IntegerType, "comparison year of a group_time cell")
          .req("att", DoubleType, "effect estimate, in log points for log outcomes (0.05 ≈ +5%)")
          .opt("se", DoubleType, "analytic (influence-function) standard error; clustered by firm")
          .opt("ci_low", DoubleType, "pointwise 95% interval, low")
          .opt("ci_high", DoubleType, "pointwise 95% interval, high")
          .opt("se_boot", DoubleType, "multiplier-bootstrap standard error")
          .opt("band_low", DoubleType, "simultaneous (sup-t) 95% band over the aggregation's buckets, low")
          .opt("band_high", DoubleType, "simultaneous (sup-t) 95% band, high")
          .req("n_treated", LongType, "treated firms behind the number")
          .req("n_control", LongType, "comparison firms behind the number (largest over cells)")
          .opt("pretest_p", DoubleType,
              "Wald pre-test p-value of the estimation over every pre-treatment cell (CS rows)")
          .opt("pretest_early_p", DoubleType, "sup-t test (multiplier bootstrap) that the event study's points "
              + "before e = -1 are zero (CS rows, varying base): passes where pretest_p rejects when treated "
              + "units were selected on the last pre-treatment year's shock rather than on a diverging trend")
          .req("method_version", StringType, "estimator version that produced the row")
          .req("run_id", StringType, "outcomes run that wrote the row")
          .build(),
      List.of("program", "outcome", "estimator", "control_group", "base_period", "aggregation", "overall",
          "breakdown", "region_code", "cluster_id", "cell"),
      "program and grant effects: naive before/after beside counterfactual estimates, with cell counts; "
          + "cells with fewer firms than the suppression threshold are not published");

  public static final List<TableContract> ALL = List.of(FIRM_OUTCOMES, PROGRAM_EFFECTS);
}
