package org.clusteratlas.datasets.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze: each raw source typed and validated, one row per accepted raw line, with lineage back to
 * the line. Region codes are kept as written ({@code *_raw}) and harmonised to the current vintage
 * beside them, so bronze is already comparable across years and still traceable to the file.
 */
public final class Bronze {
  private Bronze() {}

  private static final DecimalType WON = DataTypes.createDecimalType(20, 3);

  /** BRN columns shared by every source that carries a full business registration number. */
  private static Columns brn(Columns c) {
    return c.opt("brn", StringType, "10-digit BRN when present and checksum-valid, else null")
        .opt("brn_raw", StringType, "BRN as written")
        .req("brn_status", StringType, "valid | missing | invalid_checksum | malformed");
  }

  public static final TableContract REGISTRY = new TableContract("bronze", "registry",
      brn(Columns.of()
          .req("crn", StringType, "13-digit corporate registration number (checksum-valid)"))
          .req("place_type", StringType, "HQ | BRANCH (본점/지점)")
          .req("name", StringType, "legal name as registered")
          .opt("name_en", StringType, "English name")
          .opt("representative", StringType, "대표자명")
          .opt("founded", DateType, "설립일자")
          .opt("size_class", StringType, "대기업 | 중견기업 | 중소기업")
          .opt("ksic", StringType, "KSIC code as registered (5 digits)")
          .opt("ksic_division", StringType, "KSIC 2-digit division")
          .opt("address", StringType, "address as registered")
          .opt("legal_dong_code", StringType, "10-digit 법정동코드 as written")
          .opt("region_code_raw", StringType, "5-digit sigungu code as written")
          .opt("region_code", StringType, "sigungu code harmonised to the current vintage")
          .opt("closed_date", DateType, "휴폐업일자")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "company registry extract: one row per place of business");

  public static final TableContract FINANCIALS = new TableContract("bronze", "financials",
      Columns.of()
          .req("crn", StringType, "13-digit CRN (checksum-valid)")
          .req("fiscal_year", IntegerType, "사업연도")
          .opt("statement_type", StringType, "separate | consolidated")
          .opt("revenue", LongType, "매출액, won")
          .opt("operating_profit", LongType, "영업이익, won (negative = loss)")
          .opt("total_assets", LongType, "자산총계, won")
          .opt("employees", IntegerType, "종업원수")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "annual financial statements, one row per firm and fiscal year");

  public static final TableContract NPS = new TableContract("bronze", "nps",
      Columns.of()
          .req("data_month", DateType, "자료생성년월, first day of the month")
          .req("workplace_name", StringType, "사업장명 as reported")
          .opt("brn_prefix", StringType, "first 6 digits of the BRN (all NPS publishes)")
          .req("status", IntegerType, "1 registered, 2 withdrawn")
          .opt("postal_code", StringType, "우편번호")
          .opt("jibun_address", StringType, "사업장지번상세주소")
          .opt("road_address", StringType, "사업장도로명상세주소")
          .opt("legal_dong_code", StringType, "고객법정동주소코드, 10 digits as written")
          .opt("admin_dong_code", StringType, "고객행정동주소코드")
          .req("region_code_raw", StringType, "시도+시군구 code as written (5 digits)")
          .opt("region_code", StringType, "sigungu code harmonised to the current vintage")
          .opt("emd_code", StringType, "읍면동 code (3 digits)")
          .req("business_form", IntegerType, "1 법인 (corporation), 2 개인 (individual)")
          .opt("nts_industry_code", StringType, "NTS 6-digit 업종코드 (not KSIC)")
          .opt("nts_industry_name", StringType, "업종코드명")
          .opt("applied_date", DateType, "적용일자")
          .opt("reregistered_date", DateType, "재등록일자")
          .opt("withdrawn_date", DateType, "탈퇴일자")
          .req("members", IntegerType, "가입자수 (headcount)")
          .req("billed_amount", LongType, "당월고지금액, won (wage-bill proxy)")
          .req("new_members", IntegerType, "신규취득자수 (hires)")
          .req("lost_members", IntegerType, "상실가입자수 (leavers)")
          .req("decode_repaired", BooleanType, "line held bytes that are not CP949; replaced")
          .req("layout", StringType, "header layout of the file")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "NPS workplace-month rows");

  public static final TableContract NTIS = new TableContract("bronze", "ntis",
      brn(Columns.of()
          .req("year", IntegerType, "기준년도")
          .req("project_id", StringType, "과제고유번호")
          .opt("title", StringType, "과제명(국문)")
          .opt("ministry", StringType, "부처명")
          .opt("program", StringType, "사업명")
          .opt("sub_program", StringType, "내역사업명")
          .opt("agency", StringType, "전문기관명")
          .req("org_name", StringType, "과제수행기관명")
          .req("org_role", StringType, "lead | participant")
          .opt("org_type", StringType, "연구수행주체"))
          .opt("region_name", StringType, "지역 as written")
          .opt("sido_code_raw", StringType, "지역코드 as written")
          .opt("sido_code", StringType, "sido code harmonised to the current vintage")
          .req("gov_funding", WON, "정부연구비, won")
          .req("private_funding", WON, "민간연구비, won")
          .req("total_funding", WON, "총연구비, won")
          .opt("rnd_stage", StringType, "연구개발단계")
          .opt("st_class_large", StringType, "과학기술표준분류 대")
          .opt("st_class_medium", StringType, "과학기술표준분류 중")
          .opt("six_t", StringType, "6T code 01..07")
          .opt("start_date", DateType, "과제시작일")
          .opt("end_date", DateType, "과제종료일")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "NTIS R&D projects, one row per project and performing organisation");

  public static final StructType APPLICANT = Columns.of()
      .opt("position", IntegerType, "1-based position of the applicant in the row")
      .opt("code", StringType, "12-digit 특허고객번호")
      .opt("name", StringType, "applicant name as filed")
      .opt("address", StringType, "masked address")
      .build();

  public static final TableContract KIPRIS = new TableContract("bronze", "kipris",
      Columns.of()
          .req("application_number", StringType, "출원번호 10-YYYY-NNNNNNN")
          .req("application_date", DateType, "출원일자")
          .req("application_year", IntegerType, "year of the application date")
          .opt("title", StringType, "발명의명칭")
          .req("ipc", DataTypes.createArrayType(StringType, true), "IPC symbols, first listed first")
          .req("applicants", DataTypes.createArrayType(APPLICANT, true), "applicants in filing order")
          .opt("inventor_count", IntegerType, "발명자수")
          .req("inventor_addresses", DataTypes.createArrayType(StringType, true), "masked addresses")
          .opt("publication_number", StringType, "공개번호")
          .opt("publication_date", DateType, "공개일자")
          .opt("registration_number", StringType, "등록번호")
          .opt("registration_date", DateType, "등록일자")
          .opt("legal_status", StringType, "법적상태")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "KIPRIS patent applications, one row per application");

  public static final TableContract PROGRAMS = new TableContract("bronze", "programs",
      brn(Columns.of()
          .req("program_id", StringType, "program identifier from the file name")
          .opt("seq", IntegerType, "연번")
          .opt("program_name", StringType, "사업명")
          .req("selection_year", IntegerType, "선정연도")
          .req("firm_name", StringType, "기업명 as on the roster"))
          .opt("representative", StringType, "대표자")
          .opt("location", StringType, "소재지")
          .opt("industry_text", StringType, "업종")
          .req("decode_repaired", BooleanType, "line held bytes that are not CP949; replaced")
          .lineage().build(),
      List.of("source_file", "row_number"),
      "support-program rosters, one row per selected firm");

  public static final TableContract QUARANTINE = new TableContract("bronze", "_quarantine",
      Columns.of()
          .req("source", StringType, "raw source id")
          .req("source_file", StringType, "raw file, relative to the raw root")
          .req("row_number", LongType, "1-based data row within the file")
          .opt("raw_line", StringType, "the line as decoded (undecodable bytes replaced)")
          .req("reason", StringType, "reason code, see QuarantineReason")
          .opt("detail", StringType, "what exactly was wrong")
          .req("load_id", StringType, "ingest run")
          .build(),
      List.of("source_file", "row_number"),
      "every rejected raw row, with the reason");

  public static final TableContract LOADS = new TableContract("bronze", "_loads",
      Columns.of()
          .req("source", StringType, "raw source id")
          .req("source_file", StringType, "raw file, relative to the raw root")
          .opt("layout", StringType, "header layout recognised")
          .req("file_size", LongType, "bytes")
          .req("modified_at", TimestampType, "file modification time")
          .opt("sha256", StringType, "content checksum")
          .req("rows_read", LongType, "data lines read")
          .req("rows_loaded", LongType, "rows written to the bronze table")
          .req("rows_quarantined", LongType, "rows written to _quarantine")
          .req("status", StringType, "loaded | failed")
          .opt("message", StringType, "why a file failed")
          .req("load_id", StringType, "ingest run")
          .req("loaded_at", TimestampType, "when")
          .build(),
      List.of("source_file"),
      "ledger of raw files: one row per file, its latest load");

  public static final List<TableContract> ALL =
      List.of(REGISTRY, FINANCIALS, NPS, NTIS, KIPRIS, PROGRAMS, QUARANTINE, LOADS);
}
