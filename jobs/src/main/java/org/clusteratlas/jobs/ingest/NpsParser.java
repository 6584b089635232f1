package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/** NPS monthly workplace rows: 22 columns matched by position, whatever the header spelling. */
final class NpsParser extends SourceParser {
  private static final String[] MONTH = {"yyyy-MM", "yyyyMM"};
  private static final String[] DAY = {"yyyy-MM-dd", "yyyyMMdd"};
  private final RegionHarmoniser regions;

  NpsParser(RegionHarmoniser regions) {
    this.regions = regions;
  }

  @Override
  RawSource source() {
    return RawSource.NPS;
  }

  @Override
  TableContract table() {
    return Bronze.NPS;
  }

  @Override
  List<Column> typedColumns() {
    return List.of(
        cell(0).as("data_month_raw"),
        Cells.date(cell(0), MONTH).as("data_month"),
        cell(1).as("workplace_name"),
        cell(2).as("brn_prefix_raw"),
        Cells.prefix(cell(2), 6).as("brn_prefix"),
        cell(3).as("status_raw"),
        cell(3).try_cast(DataTypes.IntegerType).as("status"),
        cell(4).as("postal_code"),
        cell(5).as("jibun_address"),
        cell(6).as("road_address"),
        cell(7).as("legal_dong_code"),
        cell(8).as("admin_dong_code"),
        concat(cell(9), cell(10)).as("region_code_raw"),
        cell(11).as("emd_code"),
        cell(12).as("form_raw"),
        cell(12).try_cast(DataTypes.IntegerType).as("business_form"),
        cell(13).as("nts_industry_code"),
        cell(14).as("nts_industry_name"),
        cell(15).as("applied_raw"), Cells.date(cell(15), DAY).as("applied_date"),
        cell(16).as("reregistered_raw"), Cells.date(cell(16), DAY).as("reregistered_date"),
        cell(17).as("withdrawn_raw"), Cells.date(cell(17), DAY).as("withdrawn_date"),
        cell(18).as("members_raw"), Cells.whole(cell(18)).as("members"),
        cell(19).as("billed_raw"), Cells.whole(cell(19)).as("billed_amount"),
        cell(20).as("new_raw"), Cells.whole(cell(20)).as("new_members"),
        cell(21).as("lost_raw"), Cells.whole(cell(21)).as("lost_members"));
  }

  @Override
  void rules(RowChecks c) {
    c.required("자료생성년월", col("data_month_raw"))
        .date("자료생성년월", col("data_month_raw"), col("data_month"))
        .required("사업장명", col("workplace_name"))
        .code("사업자등록번호", col("brn_prefix_raw"), col("brn_prefix_raw").rlike("^\\d{6}"))
        .required("사업장가입상태코드", col("status_raw"))
        .code("사업장가입상태코드", col("status_raw"), col("status_raw").isin("1", "2"))
        .required("시도/시군구 코드", col("region_code_raw"))
        .code("시도/시군구 코드", col("region_code_raw"), col("region_code_raw").rlike("^\\d{5}$"))
        .required("사업장형태구분코드", col("form_raw"))
        .code("사업장형태구분코드", col("form_raw"), col("form_raw").isin("1", "2"))
        .date("적용일자", col("applied_raw"), col("applied_date"))
        .date("재등록일자", col("reregistered_raw"), col("reregistered_date"))
        .date("탈퇴일자", col("withdrawn_raw"), col("withdrawn_date"));
    for (String[] n : new String[][] {{"가입자수", "members", "members"}, {"당월고지금액", "billed", "billed_amount"},
        {"신규취득자수", "new", "new_members"}, {"상실가입자수", "lost", "lost_members"}}) {
      Column raw = col(n[1] + "_raw");
      c.required(n[0], raw).number(n[0], raw, col(n[2])).nonNegative(n[0], col(n[2]));
    }
  }

  @Override
  Dataset<Row> enrich(Dataset<Row> typed) {
    return regions.harmoniseSigungu(typed, "region_code_raw", col("data_month"), "region_code");
  }
}
