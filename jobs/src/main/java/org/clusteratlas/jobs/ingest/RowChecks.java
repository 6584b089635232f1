package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * An ordered list of row rules. The first rule a row breaks names its quarantine reason and detail;
 * a row that breaks none is loaded. Every source starts with the same line-shape rules.
 */
final class RowChecks {
  private record Rule(QuarantineReason reason, Column broken, Column detail) {}

  private final List<Rule> rules = new ArrayList<>();

  /** Line-shape rules shared by every source: truncated, extra cells, duplicate line. */
  static RowChecks forLayout(int columns) {
    RowChecks checks = new RowChecks();
    Column n = size(col("cells"));
    checks.rule(QuarantineReason.TRUNCATED_LINE, col("cells").isNull(),
        lit("a quoted cell is not closed before the end of the line"));
    checks.rule(QuarantineReason.TRUNCATED_LINE, n.lt(columns),
        concat(lit("expected " + columns + " cells, found "), n.cast(DataTypes.StringType)));
    checks.rule(QuarantineReason.EXTRA_FIELDS, n.gt(columns),
        concat(lit("expected " + columns + " cells, found "), n.cast(DataTypes.StringType)));
    checks.rule(QuarantineReason.DUPLICATE_ROW, col("duplicate_of").isNotNull(),
        concat(lit("same bytes as row "), col("duplicate_of").cast(DataTypes.StringType)));
    return checks;
  }

  RowChecks rule(QuarantineReason reason, Column broken, Column detail) {
    rules.add(new Rule(reason, broken, detail));
    return this;
  }

  RowChecks required(String label, Column value) {
    return rule(QuarantineReason.MISSING_REQUIRED, value.isNull(), lit(label + " is empty"));
  }

  /** {@code raw} is present and not a null encoding, yet {@code parsed} (its typed column) is null. */
  RowChecks date(String label, Column raw, Column parsed) {
    return rule(QuarantineReason.BAD_DATE, raw.isNotNull().and(Cells.isNullDate(raw).unary_$bang()).and(parsed.isNull()),
        concat(lit(label + " is not a date: "), raw));
  }

  /** A key identifier present in {@code raw} that did not survive validation into {@code parsed}. */
  RowChecks identifier(String label, Column raw, Column parsed) {
    return rule(QuarantineReason.BAD_IDENTIFIER, raw.isNotNull().and(parsed.isNull()),
        concat(lit(label + " fails its format or checksum: "), raw));
  }

  /** {@code raw} is present but {@code parsed} (its typed column) is null. */
  RowChecks number(String label, Column raw, Column parsed) {
    return rule(QuarantineReason.BAD_NUMBER, raw.isNotNull().and(parsed.isNull()),
        concat(lit(label + " is not a number: "), raw));
  }

  RowChecks nonNegative(String label, Column value) {
    return rule(QuarantineReason.NEGATIVE_AMOUNT, value.lt(0),
        concat(lit(label + " is negative: "), value.cast(DataTypes.StringType)));
  }

  RowChecks code(String label, Column raw, Column ok) {
    return rule(QuarantineReason.BAD_CODE, raw.isNotNull().and(ok.unary_$bang()),
        concat(lit(label + " is not a known code: "), raw));
  }

  /**
   * The first broken rule as a struct {@code (reason, detail)}, or null. One coalesce over the rules
   * keeps the generated code small; the rules refer to already-typed columns instead of re-parsing.
   */
  Column violation() {
    return coalesce(rules.stream()
        .map(r -> when(r.broken(), struct(lit(r.reason().code()).as("reason"), r.detail().as("detail"))))
        .toArray(Column[]::new));
  }
}
