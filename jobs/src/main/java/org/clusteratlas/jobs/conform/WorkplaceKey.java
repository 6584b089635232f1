package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.levenshtein;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The key of one NPS workplace across months: {@code <brn_prefix>|<name key>|<region>}. NPS has no
 * workplace id (its {@code seq} numbers one monthly row), so a workplace is recognised by the 6-digit BRN
 * prefix and its name, with the legal-form token and spacing removed because employers write them
 * differently from month to month ({@code (주)한빛테크} / {@code 한빛테크 주식회사}).
 *
 * <p>The region part tells apart workplaces that share prefix and name (two shops of one owner in two
 * towns) without splitting a workplace that moves:
 * <ul>
 * <li>when the (prefix, name) group never has two different rows in one month, it is one workplace that
 *     may move; its region part is the region of its first month, so a move does not change the key;</li>
 * <li>when it has two different rows in some month, it holds several workplaces; each row takes its own
 *     month's region (a move of one of them then starts a new key — the ambiguity cannot be resolved
 *     from NPS alone).</li>
 * </ul>
 * Exact duplicate rows do not count as two rows. The part after a {@code /} (construction sites,
 * {@code (주)포유이엔지/일용/서울숲 신축공사}) is kept: a site is a workplace of its own. Entity resolution
 * truncates at the {@code /} when it matches the name to a firm; that is a different question.
 *
 * <p>A name misspelt in a month or two would otherwise start a workplace of its own (and, linked to the
 * same firm, add its headcount a second time); such keys are folded into the workplace whose name is one
 * character away, see {@link #typoRemap}. Measured on the synthetic country (scale 0.002, 132,600 rows):
 * 1,346 of 2,901 keys were one-month typos before this repair.
 *
 * <p>Keys are stable across runs as long as the earliest month of a workplace stays loaded, and do not
 * depend on the region vintage (regions are the harmonised codes).
 */
public final class WorkplaceKey {
  private WorkplaceKey() {}

  public static final String COLUMN = "workplace_key";

  /** Lineage columns: two rows that differ only in these are the same row written twice. */
  static final List<String> LINEAGE = ExactDuplicates.LINEAGE;

  private static final String LEGAL_FORM = "\\(주\\)|㈜|주식회사|\\(유\\)|㈲|유한회사|\\(합\\)|합자회사|\\(株\\)|\\(有\\)|주\\)";

  /** The workplace name without legal-form token, spaces and punctuation, lower-cased; {@code /} kept. */
  public static Column nameKey(Column workplaceName) {
    Column noForm = regexp_replace(workplaceName, LEGAL_FORM, "");
    return lower(regexp_replace(noForm, "[^\\p{L}\\p{N}/]", ""));
  }

  /** A workplace seen in this many months or fewer may be a misspelling of another. */
  static final int ORPHAN_MONTHS = 2;

  /** Shorter names are too easily one edit from a neighbour's to be repaired. */
  private static final int MIN_NAME_LENGTH = 4;

  /** The region a row is counted in: the harmonised sigungu, else the code as written. */
  private static Column region() {
    return coalesce(col("region_code"), col("region_code_raw"), lit(""));
  }

  /**
   * Adds {@link #COLUMN} to bronze NPS rows (any subset of months, with or without exact duplicates).
   * A few aggregations and joins blocked by BRN prefix and region; no per-row driver work. The keyed
   * rows and the per-key summary are materialised by {@code keep} (the job's {@code Scratch::keep}).
   */
  public static Dataset<Row> assign(Dataset<Row> nps, UnaryOperator<Dataset<Row>> keep) {
    // the repair and the final join both read the keyed rows: compute them once, not once per branch
    Dataset<Row> base = keep.apply(baseKeys(nps));
    Dataset<Row> remap = typoRemap(base, keep);
    return base.join(remap, new String[] {"_wk_base"}, "left")
        .withColumn(COLUMN, coalesce(col("_wk_anchor"), col("_wk_base")))
        .drop("_wk_base", "_wk_anchor", "_wk_prefix", "_wk_region", "_wk_compact");
  }

  /** prefix | name key | region part, before typo repair; keeps the helper columns the repair needs. */
  private static Dataset<Row> baseKeys(Dataset<Row> nps) {
    Dataset<Row> named = nps
        .withColumn("_wk_prefix", coalesce(col("brn_prefix"), lit("")))
        .withColumn("_wk_name", nameKey(col("workplace_name")))
        .withColumn("_wk_region", region());
    // a 64-bit hash of the row's content stands for the row: it keeps the distinct count cheap at
    // national scale, and a collision could only hide a namesake, never merge two rows' figures
    Column content = xxhash64(Arrays.stream(nps.columns()).filter(c -> !LINEAGE.contains(c))
        .map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> groups = named
        .groupBy("_wk_prefix", "_wk_name", "data_month")
        .agg(count_distinct(content).as("_wk_rows"), min(col("_wk_region")).as("_wk_month_region"))
        .groupBy("_wk_prefix", "_wk_name")
        .agg(max("_wk_rows").as("_wk_concurrent"),
            min(struct(col("data_month").as("m"), col("_wk_month_region").as("r"))).getField("r").as("_wk_first"));
    Column regionPart = when(col("_wk_concurrent").gt(1), col("_wk_region")).otherwise(col("_wk_first"));
    return named.join(groups, new String[] {"_wk_prefix", "_wk_name"}, "left")
        .withColumn("_wk_base", concat_ws("|", col("_wk_prefix"), col("_wk_name"), regionPart))
        .withColumn("_wk_compact", regexp_replace(col("workplace_name"), "\\s", ""))
        .drop("_wk_name", "_wk_concurrent", "_wk_first");
  }

  /**
   * Keys seen in at most {@value #ORPHAN_MONTHS} months whose name is one character away from the name
   * of a longer-lived workplace with the same prefix, in a region it was in, and in months it is absent:
   * that is one workplace with a misspelt month, not a new workplace. The name compared is the name as
   * written without spaces, so a typo inside the legal-form token ({@code 노식회사}) is found too. A key
   * that fits several workplaces goes to the longest-lived one (then the lowest key).
   */
  private static Dataset<Row> typoRemap(Dataset<Row> base, UnaryOperator<Dataset<Row>> keep) {
    Dataset<Row> perKey = keep.apply(base.groupBy("_wk_base").agg(
        min("_wk_prefix").as("prefix"),
        count_distinct(col("data_month")).as("months"),
        collect_set(col("data_month")).as("month_set"),
        collect_set(col("_wk_compact")).as("names"),
        collect_set(col("_wk_region")).as("regions")));
    Dataset<Row> orphans = perKey.filter(col("months").leq(ORPHAN_MONTHS)).select(col("_wk_base"),
            col("prefix"), col("month_set").as("o_months"), explode(col("regions")).as("region"),
            col("names"))
        .select(col("*"), explode(col("names")).as("o_name"))
        .filter(length(col("o_name")).geq(MIN_NAME_LENGTH))
        .select(col("_wk_base"), col("prefix"), col("region"), col("o_months"), col("o_name"),
            explode(oneDeletionNeighbourhood(col("o_name"))).as("variant"));
    // only the workplaces that share a prefix and region with an orphan are worth expanding
    Dataset<Row> anchors = perKey.filter(col("months").gt(ORPHAN_MONTHS)).select(
            col("_wk_base").as("_wk_anchor"), col("prefix"), col("month_set").as("a_months"),
            col("names"), col("months").as("a_count"), explode(col("regions")).as("region"))
        .join(orphans.select("prefix", "region").distinct(), new String[] {"prefix", "region"}, "left_semi")
        .select(col("*"), explode(col("names")).as("a_name"))
        // one edit from a name of at least MIN_NAME_LENGTH characters
        .filter(length(col("a_name")).geq(MIN_NAME_LENGTH - 1))
        .select(col("_wk_anchor"), col("prefix"), col("region"), col("a_months"), col("a_count"),
            col("a_name"), explode(oneDeletionNeighbourhood(col("a_name"))).as("variant"));
    return orphans.join(anchors, new String[] {"prefix", "region", "variant"})
        .filter(not(arrays_overlap(col("o_months"), col("a_months")))
            .and(levenshtein(col("o_name"), col("a_name"), 1).equalTo(1)))
        .select("_wk_base", "_wk_anchor", "a_count").distinct()
        .withColumn("_wk_pick", row_number().over(Window.partitionBy(col("_wk_base"))
            .orderBy(col("a_count").desc(), col("_wk_anchor"))))
        .filter(col("_wk_pick").equalTo(1))
        .select("_wk_base", "_wk_anchor");
  }

  /**
   * The name and every string one character shorter. Two names one edit apart (substitution,
   * insertion or deletion) always share one of these, so the pairs to compare are found by an equi-join
   * instead of comparing every pair of names under one BRN prefix and region, which grows with the
   * square of the workplaces there.
   */
  static Column oneDeletionNeighbourhood(Column name) {
    Column deletions = transform(sequence(lit(1), length(name)),
        i -> concat(substring(name, lit(1), i.minus(1)), substring(name, i.plus(1), length(name))));
    return array_union(array(name), deletions);
  }
}
