package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * bronze.nps → silver.establishment_year: one row per NPS workplace and year.
 *
 * <ul>
 * <li>employment is the mean 가입자수 over the months the workplace was registered (status 1);
 *     hires, leavers and the wage bill are sums over all its rows of the year (the month it withdraws
 *     still reports its leavers);</li>
 * <li>region, business form and 업종코드 are those of the year's last month, so a workplace that moves
 *     mid-year counts where it ended the year;</li>
 * <li>the firm is the one most of the year's rows link to (ties: the later month), and the KSIC
 *     division is the firm's, else the 업종코드's through the NTS crosswalk;</li>
 * <li>a row written twice counts once; two different rows of one workplace key in one month are two
 *     workplaces that NPS cannot tell apart, and they are added up.</li>
 * </ul>
 */
public final class EstablishmentYears {
  private EstablishmentYears() {}

  /** The NPS columns a workplace-year is made of; {@link #narrowed} adds the lineage the links join on. */
  private static final List<String> USED = List.of("data_month", "workplace_name", "brn_prefix", "status",
      "region_code_raw", "region_code", "business_form", "nts_industry_code", "members", "billed_amount",
      "new_members", "lost_members");

  /**
   * The rows cut to the columns used, the others (addresses, code names, dates) carried as one 64-bit
   * hash. The key assignment shuffles the national NPS rows several times, and the unused columns are
   * more than half of the bytes shuffled (scale 0.1: 1,106 → 459 MiB and 1,299 → 630 MiB for the two
   * widest shuffles). Deduplication and the namesake count stay exact on every column used;
   * a hash collision on the others could only count two rows that agree on every figure as one.
   */
  private static Dataset<Row> narrowed(Dataset<Row> nps) {
    Column[] rest = Arrays.stream(nps.columns())
        .filter(c -> !USED.contains(c) && !ExactDuplicates.LINEAGE.contains(c))
        .map(c -> col(c)).toArray(Column[]::new);
    List<Column> kept = new ArrayList<>(List.of(col("source_file"), col("row_number")));
    USED.forEach(c -> kept.add(col(c)));
    kept.add(xxhash64(rest).as("unused_columns_hash"));
    return nps.select(kept.toArray(Column[]::new));
  }

  /**
   * @param nps       bronze.nps rows
   * @param links     silver.entity_link (only its nps rows are used)
   * @param firms     silver.firm
   * @param crosswalk {@link NtsCrosswalk} frame: nts_industry_code → nts_ksic_division
   * @param keep      materialises a frame and cuts its lineage (the job's {@code Scratch::keep})
   */
  public static Dataset<Row> build(Dataset<Row> nps, Dataset<Row> links, Dataset<Row> firms, Dataset<Row> crosswalk,
      UnaryOperator<Dataset<Row>> keep) {
    Dataset<Row> npsLinks = links.filter(col("source").equalTo("nps").and(col("position").equalTo(1)))
        .select(col("source_file"), col("row_number"), col("firm_id").as("link_firm_id"));
    // the key assignment reads its input from several branches, and so do the two aggregations below
    // it: each is computed once rather than once per branch
    Dataset<Row> rows = keep.apply(WorkplaceKey.assign(keep.apply(ExactDuplicates.dropped(narrowed(nps))), keep)
        .join(npsLinks, new String[] {"source_file", "row_number"}, "left")
        .withColumn("year", year(col("data_month"))));

    Column registered = col("status").equalTo(1);
    Dataset<Row> years = rows.groupBy(WorkplaceKey.COLUMN, "year").agg(
        count_distinct(when(registered, col("data_month"))).cast("int").as("months_reported"),
        coalesce(sum(when(registered, col("members"))), lit(0L)).as("member_months"),
        sum(col("new_members")).as("hires"),
        sum(col("lost_members")).as("leavers"),
        sum(col("billed_amount")).as("wage_bill"),
        max(struct(col("data_month"), col("members"), col("region_code"), col("business_form"),
            col("nts_industry_code"))).as("last"));

    Dataset<Row> firmOfYear = rows.filter(col("link_firm_id").isNotNull())
        .groupBy(col(WorkplaceKey.COLUMN), col("year"), col("link_firm_id"))
        .agg(count(lit(1)).as("n"), max(col("data_month")).as("latest"))
        .groupBy(WorkplaceKey.COLUMN, "year")
        .agg(max(struct(col("n"), col("latest"), col("link_firm_id"))).getField("link_firm_id").as("firm_id"));

    Dataset<Row> firmIndustry = firms.select(col("firm_id"), col("ksic_division").as("firm_ksic_division"));
    Dataset<Row> out = years
        .join(firmOfYear, new String[] {WorkplaceKey.COLUMN, "year"}, "left")
        .join(firmIndustry, new String[] {"firm_id"}, "left")
        .withColumn("region_code", col("last.region_code"))
        .withColumn("business_form", col("last.business_form"))
        .withColumn("nts_industry_code", col("last.nts_industry_code"))
        .join(broadcast(crosswalk), new String[] {"nts_industry_code"}, "left")
        .withColumn("sido_code", substring(col("region_code"), 1, 2))
        .withColumn("ksic_division", coalesce(col("firm_ksic_division"), col("nts_ksic_division")))
        .withColumn("employment", when(col("months_reported").gt(0),
            col("member_months").cast("double").divide(col("months_reported"))).otherwise(lit(0.0)));
    return Warehouse.conform(out, Silver.ESTABLISHMENT_YEAR);
  }
}
