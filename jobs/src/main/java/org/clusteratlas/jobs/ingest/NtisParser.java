package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * NTIS project × organisation rows. A missing or checksum-invalid BRN does not reject the row (the
 * organisation can still be linked by name); it is kept in {@code brn_raw} with its status and
 * {@code brn} stays null so nothing downstream joins on a wrong number.
 */
final class NtisParser extends SourceParser {
  private static final String[] DAY = {"yyyyMMdd", "yyyy-MM-dd"};
  private final RegionHarmoniser regions;

  NtisParser(RegionHarmoniser regions) {
    this.regions = regions;
  }

  @Override
  RawSource source() {
    return RawSource.NTIS;
  }

  @Override
  TableContract table() {
    return Bronze.NTIS;
  }

  @Override
  List<Column> typedColumns() {
    return List.of(
        cell(0).as("year_raw"),
        when(cell(0).rlike("^\\d{4}$"), cell(0).try_cast(DataTypes.IntegerType)).as("year"),
        cell(1).as("project_id"),
        cell(2).as("title"),
        cell(3).as("ministry"),
        cell(4).as("program"),
        cell(5).as("sub_program"),
        cell(6).as("agency"),
        cell(7).as("org_name"),
        cell(8).as("role_raw"),
        when(cell(8).equalTo("주관"), lit("lead")).when(cell(8).equalTo("참여"), lit("participant")).as("org_role"),
        cell(9).as("org_type"),
        IdColumns.brn(cell(10)).as("brn"),
        cell(10).as("brn_raw"),
        IdColumns.brnStatus(cell(10)).as("brn_status"),
        cell(11).as("region_name"),
        cell(12).as("sido_code_raw"),
        cell(13).as("gov_raw"), Cells.money(cell(13)).as("gov_funding"),
        cell(14).as("private_raw"), Cells.money(cell(14)).as("private_parsed"),
        coalesce(Cells.money(cell(14)), lit(0).cast(DataTypes.createDecimalType(20, 3))).as("private_funding"),
        cell(15).as("total_raw"), Cells.money(cell(15)).as("total_funding"),
        cell(16).as("rnd_stage"),
        cell(17).as("st_class_large"),
        cell(18).as("st_class_medium"),
        cell(19).as("six_t"),
        cell(20).as("start_raw"), Cells.date(cell(20), DAY).as("start_date"),
        cell(21).as("end_raw"), Cells.date(cell(21), DAY).as("end_date"));
  }

  @Override
  void rules(RowChecks c) {
    c.required("기준년도", col("year_raw"))
        .rule(QuarantineReason.BAD_NUMBER, col("year").isNull(), concat(lit("기준년도 is not a year: "), col("year_raw")))
        .required("과제고유번호", col("project_id"))
        .required("과제수행기관명", col("org_name"))
        .required("수행기관역할", col("role_raw"))
        .code("수행기관역할", col("role_raw"), col("org_role").isNotNull())
        .code("지역코드", col("sido_code_raw"), col("sido_code_raw").rlike("^\\d{2}$"))
        .required("정부연구비", col("gov_raw")).number("정부연구비", col("gov_raw"), col("gov_funding"))
        .number("민간연구비", col("private_raw"), col("private_parsed"))
        .required("총연구비", col("total_raw")).number("총연구비", col("total_raw"), col("total_funding"))
        .nonNegative("정부연구비", col("gov_funding"))
        .nonNegative("민간연구비", col("private_funding"))
        .nonNegative("총연구비", col("total_funding"))
        .date("과제시작일", col("start_raw"), col("start_date"))
        .date("과제종료일", col("end_raw"), col("end_date"));
  }

  @Override
  Dataset<Row> enrich(Dataset<Row> typed) {
    return regions.harmoniseSido(typed, "sido_code_raw", "sido_code");
  }
}
