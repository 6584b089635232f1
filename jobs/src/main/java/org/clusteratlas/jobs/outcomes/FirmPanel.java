package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.jobs.did.DidPanel;

/**
 * Pure transforms of the outcomes stage: silver tables → the firm-year outcome panel
 * ({@code gold.firm_outcomes}), and that panel → the long (unit, time, cohort, y) panel one estimation runs on.
 */
public final class FirmPanel {
  private FirmPanel() {}

  /** The outcomes the stage estimates effects on, as columns of gold.firm_outcomes. */
  public static final java.util.List<String> OUTCOMES = java.util.List.of("log_revenue", "log_employment", "hire_rate");

  /** Founding years of firms younger than this many years at the panel's first year are strata of their own. */
  static final int YOUNG_YEARS = 5;
  /** Founding years up to this many years before the panel's first year share a stratum; older firms another. */
  static final int MATURE_YEARS = 10;

  /**
   * silver.firm_year + silver.firm + silver.rnd_participation + silver.program_participation →
   * gold.firm_outcomes rows. A firm's grant cohort is the first year it appears in any R&amp;D project as lead
   * or participant; its program cohorts are the first selection year per roster. Both are absorbing. The
   * founding year's revenue is not an outcome: its accounts cover only the months since incorporation, so
   * the next year's growth would be an artefact of the founding month.
   */
  public static Dataset<Row> build(Dataset<Row> firmYear, Dataset<Row> firms, Dataset<Row> rnd, Dataset<Row> rosters) {
    Dataset<Row> grants = rnd.filter(col("firm_id").isNotNull().and(col("role").isin("lead", "participant")));
    Dataset<Row> first = grants.groupBy("firm_id").agg(min("year").as("first_grant_year"));
    Dataset<Row> firstDetail = grants.join(first, "firm_id")
        .filter(col("year").equalTo(col("first_grant_year")))
        .groupBy("firm_id").agg(min("first_grant_year").as("first_grant_year"),
            min("ministry").as("first_grant_ministry"), min("program").as("first_grant_program"));
    Dataset<Row> entries = rosters.filter(col("firm_id").isNotNull())
        .groupBy("firm_id", "program_id").agg(min("selection_year").as("entry_year"))
        .groupBy("firm_id").agg(map_from_entries(collect_list(struct(col("program_id"), col("entry_year"))))
            .as("program_entry"));
    Column nps = col("employment_source").equalTo("nps");
    Dataset<Row> founded = firms.select(col("firm_id"), year(col("founded")).as("founded_year"));
    Column wholeYear = col("founded_year").isNull().or(col("year").notEqual(col("founded_year")));
    return firmYear.join(firstDetail, firmYear.col("firm_id").equalTo(firstDetail.col("firm_id")), "left")
        .drop(firstDetail.col("firm_id"))
        .join(entries, "firm_id", "left")
        .join(founded, "firm_id", "left")
        .select(col("firm_id"), col("year"), col("region_code"), col("sido_code"), col("ksic_division"),
            col("ksic_division").as("cluster_id"), col("founded_year"), col("revenue"),
            when(col("revenue").gt(0).and(wholeYear), log(col("revenue").cast(DataTypes.DoubleType))).as("log_revenue"),
            col("employment"),
            coalesce(col("employment_source").equalTo("financials"), lit(false)).as("employment_from_financials"),
            when(col("employment").gt(0), log(col("employment"))).as("log_employment"),
            col("hires"), col("leavers"),
            when(nps.and(col("employment").gt(0)), col("hires").divide(col("employment"))).as("hire_rate"),
            col("wage_bill"), col("first_grant_year"), col("first_grant_ministry"), col("first_grant_program"),
            coalesce(col("year").geq(col("first_grant_year")), lit(false)).as("grant_treated"),
            coalesce(col("program_entry"), org.apache.spark.sql.functions.map().cast(
                DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))).as("program_entry"));
  }

  /**
   * One estimation's long panel from gold.firm_outcomes: unit = firm, cohort = the given treatment's first
   * year (0 = never), y = the outcome, stratum = the firm's founding-year stratum ({@link #foundingStratum}),
   * and the firm's home sido and KSIC division (those of its first panel year, so they are constant within a
   * firm as the estimator requires).
   */
  public static Dataset<Row> estimationPanel(Dataset<Row> outcomes, Column cohort, String outcome) {
    Dataset<Row> home = outcomes.groupBy("firm_id").agg(
        min_by(col("sido_code"), col("year")).as("home_sido"),
        min_by(col("ksic_division"), col("year")).as("home_division"));
    // the outcome's own window: years in which it is observed for at least half as many firms as in its
    // best year (revenue ends with the last fiscal year while NPS months run on), so that balancing the
    // panel does not drop every firm for a year in which the outcome simply does not exist yet
    List<Row> perYear = outcomes.filter(col(outcome).isNotNull()).groupBy("year").count().collectAsList();
    long best = perYear.stream().mapToLong(r -> r.getLong(1)).max().orElse(0);
    int[] years = perYear.stream().filter(r -> r.getLong(1) * 2 >= best).mapToInt(r -> r.getInt(0)).sorted().toArray();
    int firstYear = years.length == 0 ? 0 : years[0];
    return outcomes.filter(col("year").isin(Arrays.stream(years).boxed().toArray())).join(home, "firm_id").select(
        col("firm_id").as(DidPanel.UNIT), col("year").as(DidPanel.TIME),
        coalesce(cohort, lit(0)).cast(DataTypes.IntegerType).as(DidPanel.COHORT),
        col(outcome).cast(DataTypes.DoubleType).as(DidPanel.Y),
        lit(null).cast(DataTypes.StringType).as(DidPanel.CLUSTER),
        foundingStratum(col("founded_year"), firstYear).as(DidPanel.STRATUM),
        col("home_sido"), col("home_division"), col("employment"));
  }

  /**
   * The stratum within which treated and comparison firms are compared: young firms grow fast and their
   * growth slows year by year (the rise and fall of firm growth with age is the strongest regularity in firm
   * dynamics), so firms founded up to {@value #YOUNG_YEARS} years before the panel's first year are compared
   * with firms of the same founding year; older ones in two classes; an unknown founding year is a stratum
   * of its own. A program that favours established firms is then not credited with the slower growth of its
   * older winners, nor blamed for it.
   */
  static Column foundingStratum(Column foundedYear, int firstYear) {
    int mature = firstYear - MATURE_YEARS;
    return when(foundedYear.isNull(), lit("unknown"))
        .when(foundedYear.geq(firstYear - YOUNG_YEARS), concat(lit("founded "), foundedYear.cast(DataTypes.StringType)))
        .when(foundedYear.geq(mature), lit("founded " + mature + "-" + (firstYear - YOUNG_YEARS - 1)))
        .otherwise(lit("founded before " + mature));
  }
}
