package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/** Program rosters; the program id comes from the file name ({@code <program_id>_선정기업_YYYY.csv}). */
final class ProgramsParser extends SourceParser {
  @Override
  RawSource source() {
    return RawSource.PROGRAMS;
  }

  @Override
  TableContract table() {
    return Bronze.PROGRAMS;
  }

  @Override
  List<Column> typedColumns() {
    return List.of(
        regexp_extract(col("source_file"), "([a-z0-9_]+)_선정기업_\\d{4}\\.csv$", 1).as("program_id"),
        cell(0).as("seq_raw"), Cells.whole(cell(0)).try_cast(DataTypes.IntegerType).as("seq"),
        cell(1).as("program_name"),
        cell(2).as("year_raw"),
        when(cell(2).rlike("^\\d{4}$"), cell(2).try_cast(DataTypes.IntegerType)).as("selection_year"),
        cell(3).as("firm_name"),
        IdColumns.brn(cell(4)).as("brn"),
        cell(4).as("brn_raw"),
        IdColumns.brnStatus(cell(4)).as("brn_status"),
        cell(5).as("representative"),
        cell(6).as("location"),
        cell(7).as("industry_text"));
  }

  @Override
  void rules(RowChecks c) {
    c.number("연번", col("seq_raw"), col("seq"))
        .required("선정연도", col("year_raw"))
        .rule(QuarantineReason.BAD_NUMBER, col("selection_year").isNull(),
            concat(lit("선정연도 is not a year: "), col("year_raw")))
        .required("기업명", col("firm_name"));
  }
}
