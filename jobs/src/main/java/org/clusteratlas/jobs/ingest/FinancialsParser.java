package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/** Annual financials: revenue and assets cannot be negative; operating profit can. */
final class FinancialsParser extends SourceParser {
  @Override
  RawSource source() {
    return RawSource.FINANCIALS;
  }

  @Override
  TableContract table() {
    return Bronze.FINANCIALS;
  }

  @Override
  List<Column> typedColumns() {
    return List.of(
        cell(0).as("crn_raw"),
        IdColumns.crn(cell(0)).as("crn"),
        cell(1).as("year_raw"),
        when(cell(1).rlike("^\\d{4}$"), cell(1).try_cast(DataTypes.IntegerType)).as("fiscal_year"),
        when(cell(2).equalTo("별도"), lit("separate")).when(cell(2).equalTo("연결"), lit("consolidated"))
            .as("statement_type"),
        cell(2).as("statement_raw"),
        cell(3).as("revenue_raw"), Cells.whole(cell(3)).as("revenue"),
        cell(4).as("profit_raw"), Cells.whole(cell(4)).as("operating_profit"),
        cell(5).as("assets_raw"), Cells.whole(cell(5)).as("total_assets"),
        cell(6).as("employees_raw"), Cells.whole(cell(6)).try_cast(DataTypes.IntegerType).as("employees"));
  }

  @Override
  void rules(RowChecks c) {
    c.required("법인등록번호", col("crn_raw"))
        .identifier("법인등록번호", col("crn_raw"), col("crn"))
        .required("사업연도", col("year_raw"))
        .rule(QuarantineReason.BAD_NUMBER, col("fiscal_year").isNull(), concat(lit("사업연도 is not a year: "), col("year_raw")))
        .code("재무제표구분", col("statement_raw"), col("statement_type").isNotNull())
        .number("매출액", col("revenue_raw"), col("revenue")).nonNegative("매출액", col("revenue"))
        .number("영업이익", col("profit_raw"), col("operating_profit"))
        .number("자산총계", col("assets_raw"), col("total_assets")).nonNegative("자산총계", col("total_assets"))
        .number("종업원수", col("employees_raw"), col("employees")).nonNegative("종업원수", col("employees"));
  }
}
