package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Column expressions that turn raw cells into typed values with Spark's built-in functions only (no
 * UDFs), and the matching "is malformed" tests, so that a value which is present but does not parse is
 * told apart from a value that is missing.
 */
final class Cells {
  private Cells() {}

  /**
   * Cell {@code i} (0-based) trimmed; empty → null; a short row yields null rather than an error.
   * Replacement characters (U+FFFD) are already gone: {@link RawFileReader} drops them from the cells
   * (a line whose bytes did not decode also keeps {@code decode_repaired}).
   */
  static Column cell(int i) {
    Column c = trim(try_element_at(col("cells"), lit(i + 1)));
    return when(c.equalTo(lit("")), lit(null).cast(DataTypes.StringType)).otherwise(c);
  }

  /** The null encodings NPS used over the years: 0001-01-01, 00010101 and its number form 10101. */
  static Column isNullDate(Column raw) {
    return raw.isNull().or(raw.isin("0001-01-01", "00010101", "10101", "0001.01.01"));
  }

  /** Parses with the first matching pattern; null for missing or null-encoded dates. */
  static Column date(Column raw, String... patterns) {
    Column[] tries = Arrays.stream(patterns)
        .map(p -> when(raw.rlike(regexFor(p)), try_to_timestamp(raw, lit(p))))
        .toArray(Column[]::new);
    return when(isNullDate(raw), lit(null).cast(DataTypes.DateType))
        .otherwise(coalesce(tries).cast(DataTypes.DateType));
  }


  /** Exact shape of a pattern, so that {@code yyyyMMdd} does not accept {@code 2019-1-5}. */
  private static String regexFor(String pattern) {
    return "^" + pattern.replace("yyyy", "\\d{4}").replace("MM", "\\d{2}").replace("dd", "\\d{2}")
        .replace(".", "\\.") + "$";
  }

  /** Whole number with optional thousands commas, sign, or accounting parentheses: (12,000) = −12000. */
  static Column whole(Column raw) {
    Column stripped = regexp_replace(raw, ",", "");
    Column negParen = stripped.rlike("^\\(\\d+\\)$");
    Column digits = when(negParen, regexp_replace(stripped, "[()]", "")).otherwise(stripped);
    Column value = when(digits.rlike("^[-+]?\\d{1,18}$"), digits.try_cast(DataTypes.LongType));
    return when(negParen, value.multiply(-1)).otherwise(value);
  }


  /** Decimal money such as {@code 625840000.000}, commas allowed. */
  static Column money(Column raw) {
    Column stripped = regexp_replace(raw, ",", "");
    return when(stripped.rlike("^[-+]?\\d{1,17}(\\.\\d{1,3})?$"),
        stripped.try_cast(DataTypes.createDecimalType(20, 3)));
  }


  static Column digitsOnly(Column raw) {
    return regexp_replace(raw, "[^0-9]", "");
  }

  /** First {@code n} characters. */
  static Column prefix(Column raw, int n) {
    return substring(raw, 1, n);
  }
}
