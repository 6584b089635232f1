package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The registry as the hub: {@code silver.firm} (one row per CRN, head office first) and the places of
 * business (head office and branches, each with its own BRN) that source records are compared with.
 * Pure transforms of {@code bronze.registry}.
 */
public final class FirmMaster {
  private FirmMaster() {}

  /** Sido name and sigungu part ({@code 수원시 영통구}) of an address written {@code 경기도 수원시 영통구 …}. */
  static Column sidoText(Column address) {
    // a masked address ends in dots, glued to the last word it shows: 세종특별자치시...
    Column first = regexp_extract(address, "^\\s*([^\\s.…]+)", 1);
    return when(first.notEqual(""), first);
  }

  static Column sigunguText(Column address) {
    Column s = trim(regexp_extract(address, "^\\s*\\S+\\s+((?:[^\\s.]+[시군구](?:\\s+|$|\\.))+)", 1));
    Column cleaned = trim(org.apache.spark.sql.functions.regexp_replace(s, "\\.+$", ""));
    return when(cleaned.notEqual(""), cleaned);
  }

  /** One row per CRN in {@code silver.firm}'s columns. */
  public static Dataset<Row> firms(Dataset<Row> registry) {
    Dataset<Row> ranked = registry
        .withColumn("hq_rank", row_number().over(Window.partitionBy("crn")
            .orderBy(when(col("place_type").equalTo("HQ"), 0).otherwise(1), col("source_file"), col("row_number"))));
    Dataset<Row> branches = registry.filter(col("place_type").equalTo("BRANCH").and(col("brn").isNotNull()))
        .groupBy("crn").agg(array_sort(collect_set("brn")).as("branch_brns"));
    return ranked.filter(col("hq_rank").equalTo(1))
        .join(branches, new String[] {"crn"}, "left")
        .select(
            col("crn").as("firm_id"),
            col("crn"),
            when(col("place_type").equalTo("HQ"), col("brn")).as("hq_brn"),
            org.apache.spark.sql.functions.coalesce(col("branch_brns"),
                org.apache.spark.sql.functions.array().cast("array<string>")).as("branch_brns"),
            col("name"),
            org.apache.spark.sql.functions.coalesce(NameColumns.key(col("name")), col("name")).as("name_norm"),
            col("name_en"),
            NameColumns.legalForm(col("name")).as("legal_form"),
            col("ksic"),
            col("ksic_division"),
            col("size_class"),
            col("founded"),
            col("closed_date"),
            col("region_code"),
            substring(col("region_code"), 1, 2).as("sido_code"));
  }

  /**
   * Places of business to compare with: every registry row with a BRN, carrying the firm's name key
   * (Korean and English), jamo, legal form, region, industry, founding and closing years, and the name's
   * frequency among firms
   * (the number of registered firms with the same name key, for the term-frequency adjustment).
   */
  public static Dataset<Row> places(Dataset<Row> registry, Dataset<Row> firms) {
    Dataset<Row> firmNames = firms.select(col("crn"), col("name_norm").as("p_key"), col("legal_form").as("p_form"),
        NameColumns.key(col("name_en")).as("p_key_en"), col("ksic_division").as("p_ksic"),
        year(col("founded")).as("p_founded_year"), year(col("closed_date")).as("p_closed_year"));
    Dataset<Row> tf = firmNames.groupBy("p_key").count().select(col("p_key"), col("count").as("p_name_firms"));
    Dataset<Row> rows = registry.filter(col("brn").isNotNull())
        .groupBy("crn", "brn").agg(first("place_type").as("place_type"), first("address").as("address"),
            first("legal_dong_code").as("legal_dong_code"), first("region_code").as("region_code"));
    return rows.join(firmNames, "crn").join(tf, "p_key")
        .select(
            concat(col("crn"), lit(":"), col("brn")).as("place_id"),
            col("crn"),
            col("brn").as("p_brn"),
            substring(col("brn"), 1, 6).as("p_brn6"),
            col("place_type"),
            col("p_key"),
            NameColumns.jamo(col("p_key")).as("p_jamo"),
            col("p_key_en"),
            col("p_form"),
            col("region_code").as("p_region"),
            substring(col("region_code"), 1, 2).as("p_sido"),
            sidoText(col("address")).as("p_sido_text"),
            sigunguText(col("address")).as("p_sigungu_text"),
            when(col("legal_dong_code").rlike("^\\d{10}$"),
                concat(col("region_code"), substring(col("legal_dong_code"), 6, 3))).as("p_dong"),
            col("p_ksic"),
            col("p_founded_year"),
            col("p_closed_year"),
            col("p_name_firms"));
  }
}
