package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * BRN and CRN checksum rules as Spark column expressions, so millions of rows are validated by
 * Catalyst rather than a per-row UDF. They restate {@link org.clusteratlas.datasets.ids.Brn} and
 * {@link org.clusteratlas.datasets.ids.Crn}; a test checks both agree on random and real numbers.
 */
final class IdColumns {
  private IdColumns() {}

  private static final int[] BRN_WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

  static final String VALID = "valid";
  static final String MISSING = "missing";
  static final String MALFORMED = "malformed";
  static final String INVALID_CHECKSUM = "invalid_checksum";

  private static Column digit(Column digits, int i) {
    return substring(digits, i + 1, 1).cast(DataTypes.IntegerType);
  }

  /** True when {@code digits} (already stripped of separators) is a checksum-valid BRN. */
  static Column brnValid(Column digits) {
    Column sum = lit(0);
    for (int i = 0; i < 9; i++) {
      sum = sum.plus(digit(digits, i).multiply(BRN_WEIGHTS[i]));
    }
    sum = sum.plus(floor(digit(digits, 8).multiply(5).divide(10)).cast(DataTypes.IntegerType));
    Column check = pmod(lit(10).minus(pmod(sum, lit(10))), lit(10));
    return when(digits.rlike("^\\d{10}$"), check.equalTo(digit(digits, 9))).otherwise(lit(false));
  }

  /** True when {@code digits} is a checksum-valid 13-digit CRN. */
  static Column crnValid(Column digits) {
    Column sum = lit(0);
    for (int i = 0; i < 12; i++) {
      sum = sum.plus(digit(digits, i).multiply(i % 2 == 0 ? 1 : 2));
    }
    Column check = pmod(lit(10).minus(pmod(sum, lit(10))), lit(10));
    return when(digits.rlike("^\\d{13}$"), check.equalTo(digit(digits, 12))).otherwise(lit(false));
  }

  /** The 13 digits of a raw CRN cell when it is valid, else null. */
  static Column crn(Column raw) {
    Column digits = Cells.digitsOnly(raw);
    return when(crnValid(digits), digits);
  }

  /** {@code valid | missing | malformed | invalid_checksum} for a raw BRN cell. */
  static Column brnStatus(Column raw) {
    Column digits = Cells.digitsOnly(raw);
    return when(raw.isNull(), lit(MISSING))
        .when(raw.rlike("^[0-9\\-\\s]+$").unary_$bang().or(length(digits).notEqual(10)), lit(MALFORMED))
        .when(brnValid(digits), lit(VALID))
        .otherwise(lit(INVALID_CHECKSUM));
  }

  /** The 10 digits of a raw BRN cell when it is valid, else null. */
  static Column brn(Column raw) {
    return when(brnStatus(raw).equalTo(VALID), Cells.digitsOnly(raw));
  }
}
