package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
 * <p>Keys are stable across runs as long as the earliest month of a workplace stays loaded, and do not
 * depend on the region vintage (regions are the harmonised codes). A typo in the name of one month makes
 * that month a workplace of its own.
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

  /** The region a row is counted in: the harmonised sigungu, else the code as written. */
  private static Column region() {
    return coalesce(col("region_code"), col("region_code_raw"), lit(""));
  }

  /**
   * Adds {@link #COLUMN} to bronze NPS rows (any subset of months, with or without exact duplicates).
   * Two aggregations per (prefix, name) group; no per-row driver work.
   */
  public static Dataset<Row> assign(Dataset<Row> nps) {
    Dataset<Row> named = nps
        .withColumn("_wk_prefix", coalesce(col("brn_prefix"), lit("")))
        .withColumn("_wk_name", nameKey(col("workplace_name")));
    Column content = struct(Arrays.stream(nps.columns()).filter(c -> !LINEAGE.contains(c))
        .map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> groups = named
        .groupBy("_wk_prefix", "_wk_name", "data_month")
        .agg(count_distinct(content).as("_wk_rows"), min(region()).as("_wk_region"))
        .groupBy("_wk_prefix", "_wk_name")
        .agg(max("_wk_rows").as("_wk_concurrent"),
            min(struct(col("data_month").as("m"), col("_wk_region").as("r"))).getField("r").as("_wk_first"));
    Column regionPart = when(col("_wk_concurrent").gt(1), region()).otherwise(col("_wk_first"));
    return named.join(groups, new String[] {"_wk_prefix", "_wk_name"}, "left")
        .withColumn(COLUMN, concat_ws("|", col("_wk_prefix"), col("_wk_name"), regionPart))
        .drop("_wk_prefix", "_wk_name", "_wk_concurrent", "_wk_first");
  }
}
