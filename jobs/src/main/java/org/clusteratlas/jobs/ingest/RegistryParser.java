package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/** Registry extract: one row per place of business; the CRN is the entity key and must be valid. */
final class RegistryParser extends SourceParser {
  private static final String[] DAY = {"yyyyMMdd", "yyyy-MM-dd"};
  private final RegionHarmoniser regions;

  RegistryParser(RegionHarmoniser regions) {
    this.regions = regions;
  }

  @Override
  RawSource source() {
    return RawSource.REGISTRY;
  }

  @Override
  TableContract table() {
    return Bronze.REGISTRY;
  }

  @Override
  List<Column> typedColumns() {
    return List.of(
        cell(0).as("crn_raw"),
        IdColumns.crn(cell(0)).as("crn"),
        IdColumns.brn(cell(1)).as("brn"),
        cell(1).as("brn_raw"),
        IdColumns.brnStatus(cell(1)).as("brn_status"),
        cell(2).as("place_raw"),
        when(cell(2).equalTo("본점"), lit("HQ")).when(cell(2).equalTo("지점"), lit("BRANCH")).as("place_type"),
        cell(3).as("name"),
        cell(4).as("name_en"),
        cell(5).as("representative"),
        cell(6).as("founded_raw"), Cells.date(cell(6), DAY).as("founded"),
        cell(7).as("size_class"),
        cell(8).as("ksic"),
        Cells.prefix(cell(8), 2).as("ksic_division"),
        cell(9).as("address"),
        cell(10).as("legal_dong_code"),
        Cells.prefix(cell(10), 5).as("region_code_raw"),
        cell(11).as("closed_raw"), Cells.date(cell(11), DAY).as("closed_date"));
  }

  @Override
  void rules(RowChecks c) {
    c.required("법인등록번호", col("crn_raw"))
        .identifier("법인등록번호", col("crn_raw"), col("crn"))
        .required("본지점구분", col("place_raw"))
        .code("본지점구분", col("place_raw"), col("place_type").isNotNull())
        .required("기업명", col("name"))
        .date("설립일자", col("founded_raw"), col("founded"))
        .code("표준산업분류코드", col("ksic"), col("ksic").rlike("^\\d{2,5}$"))
        .code("법정동코드", col("legal_dong_code"), col("legal_dong_code").rlike("^\\d{10}$"))
        .date("휴폐업일자", col("closed_raw"), col("closed_date"));
  }

  @Override
  Dataset<Row> enrich(Dataset<Row> typed) {
    // the extract's codes are those of its reference day, which the file name carries
    Column asOf = to_date(regexp_extract(col("source_file"), "(\\d{8})\\.csv$", 1), "yyyyMMdd");
    return regions.harmoniseSigungu(typed, "region_code_raw", asOf, "region_code");
  }
}
