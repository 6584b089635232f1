package org.clusteratlas.datasets.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Silver: the sources conformed and linked to one firm master. Region codes are current-vintage
 * sigungu ({@code region_code}, 5 digits) and sido ({@code sido_code}, 2 digits) codes; industries are
 * KSIC; firms are identified by {@code firm_id}, which is the 13-digit CRN of the registered legal
 * entity (stable for the life of the entity, so ids never change between runs).
 *
 * <p>Organisations that are not firms (universities, research institutes, government bodies,
 * individuals, foreign applicants) are never forced onto a firm: they keep {@code firm_id} null, an
 * {@code org_kind}, and an {@code org_key} (their normalised name) so they can still be counted.
 */
public final class Silver {
  private Silver() {}

  private static final DecimalType WON = DataTypes.createDecimalType(20, 3);

  /** The values {@code org_kind} takes everywhere. */
  public static final List<String> ORG_KINDS =
      List.of("firm", "university", "institute", "government", "individual", "foreign", "other");

  public static final TableContract FIRM = new TableContract("silver", "firm",
      Columns.of()
          .req("firm_id", StringType, "stable firm id = 13-digit CRN")
          .req("crn", StringType, "corporate registration number")
          .opt("hq_brn", StringType, "head-office BRN (10 digits)")
          .req("branch_brns", DataTypes.createArrayType(StringType, true), "branch BRNs (type 85)")
          .req("name", StringType, "legal name as registered")
          .req("name_norm", StringType, "normalised name key (legal form, spaces and punctuation removed)")
          .opt("name_en", StringType, "English name")
          .opt("legal_form", StringType, "주식회사 | 유한회사 | … as parsed from the name")
          .opt("ksic", StringType, "KSIC code (5 digits)")
          .opt("ksic_division", StringType, "KSIC division (2 digits)")
          .opt("size_class", StringType, "대기업 | 중견기업 | 중소기업")
          .opt("founded", DateType, "founding date")
          .opt("closed_date", DateType, "closure date")
          .opt("region_code", StringType, "head-office sigungu, current vintage")
          .opt("sido_code", StringType, "head-office sido, current vintage")
          .build(),
      List.of("firm_id"),
      "firm master: one row per registered legal entity");

  public static final TableContract ENTITY_LINK = new TableContract("silver", "entity_link",
      Columns.of()
          .req("source", StringType, "raw source id: ntis | kipris | nps | programs | registry | financials")
          .req("source_file", StringType, "raw file (bronze lineage)")
          .req("row_number", LongType, "1-based data row in the file")
          .req("position", IntegerType, "applicant/performer position within the row (1 when a row holds one)")
          .opt("firm_id", StringType, "linked firm, null when not a firm or not linked")
          .req("org_kind", StringType, "firm | university | institute | government | individual | foreign | other")
          .opt("org_key", StringType, "normalised organisation name (for non-firms and unlinked records)")
          .req("method", StringType, "crn_exact | brn_exact | applicant_code | model | review | unlinked | non_firm")
          .opt("match_probability", DoubleType, "posterior match probability of the chosen link (1 for exact)")
          .opt("match_weight", DoubleType, "Fellegi–Sunter log2 Bayes factor of the chosen link")
          .opt("evidence", StringType, "why: which comparisons agreed and their weights (JSON)")
          .req("link_run_id", StringType, "link run that decided the row")
          .build(),
      List.of("source_file", "row_number", "position"),
      "every source record (per applicant/performer) → firm, with method, probability and evidence",
      // statistics on the lineage only: a file holds one source's rows from a few raw files, so these skip
      // files; firms, kinds and methods are spread over every file, where a min/max skips nothing and costs
      // a string copy per row (66 M NPS rows at national scale)
      List.of("source", "source_file", "row_number", "position"));

  public static final TableContract ESTABLISHMENT_YEAR = new TableContract("silver", "establishment_year",
      Columns.of()
          .req("workplace_key", StringType, "stable key of one NPS workplace")
          .req("year", IntegerType, "calendar year")
          .opt("firm_id", StringType, "linked firm, null for unlinked and individual workplaces")
          .req("business_form", IntegerType, "1 법인, 2 개인")
          .opt("region_code", StringType, "sigungu (current vintage) where the workplace was that year (last month)")
          .opt("sido_code", StringType, "sido (current vintage)")
          .opt("ksic_division", StringType, "KSIC division: the firm's when linked, else from the NTS 업종코드 crosswalk")
          .opt("nts_industry_code", StringType, "NTS 업종코드 (last month of the year)")
          .req("employment", DoubleType, "annual mean of monthly 가입자수 over the months reported")
          .req("months_reported", IntegerType, "months with a registered (status 1) row")
          .req("hires", LongType, "sum of 신규취득자수")
          .req("leavers", LongType, "sum of 상실가입자수")
          .req("wage_bill", LongType, "sum of 당월고지금액, won (pension billed: a wage-bill proxy)")
          .build(),
      List.of("workplace_key", "year"),
      "NPS workplaces per year: regional employment by place of work");

  public static final TableContract FIRM_YEAR = new TableContract("silver", "firm_year",
      Columns.of()
          .req("firm_id", StringType, "firm")
          .req("year", IntegerType, "calendar / fiscal year")
          .opt("region_code", StringType, "head-office sigungu that year (current vintage)")
          .opt("sido_code", StringType, "head-office sido that year (current vintage)")
          .opt("ksic_division", StringType, "KSIC division")
          .opt("employment", DoubleType, "annual mean NPS headcount summed over the firm's workplaces; financials' 종업원수 where NPS is missing")
          .opt("employment_source", StringType, "nps | financials")
          .req("establishments", IntegerType, "NPS workplaces reporting that year")
          .opt("hires", LongType, "NPS new members")
          .opt("leavers", LongType, "NPS lost members")
          .opt("wage_bill", LongType, "NPS billed pension, won")
          .opt("revenue", LongType, "매출액, won (financials)")
          .opt("operating_profit", LongType, "영업이익, won")
          .opt("total_assets", LongType, "자산총계, won")
          .build(),
      List.of("firm_id", "year"),
      "firm-year panel of size and activity");

  public static final TableContract RND_PARTICIPATION = new TableContract("silver", "rnd_participation",
      Columns.of()
          .req("project_id", StringType, "과제고유번호")
          .req("year", IntegerType, "기준년도")
          .req("role", StringType, "lead | participant")
          .req("org_kind", StringType, "firm | university | institute | government | other")
          .opt("firm_id", StringType, "linked firm")
          .opt("org_key", StringType, "normalised organisation name")
          .req("org_name", StringType, "name as written")
          .opt("org_type", StringType, "연구수행주체 as written")
          .opt("region_code", StringType, "sigungu of the linked firm's head office (current vintage)")
          .opt("sido_code", StringType, "sido of the organisation (current vintage)")
          .req("gov_funding", WON, "government funding, won")
          .req("private_funding", WON, "private funding, won")
          .req("total_funding", WON, "total funding, won")
          .opt("ministry", StringType, "부처명")
          .opt("program", StringType, "사업명")
          .opt("rnd_stage", StringType, "연구개발단계")
          .opt("st_class_large", StringType, "과학기술표준분류 대")
          .opt("st_class_medium", StringType, "과학기술표준분류 중")
          .opt("six_t", StringType, "6T code")
          .req("source_file", StringType, "bronze lineage")
          .req("row_number", LongType, "bronze lineage")
          .build(),
      List.of("project_id", "year", "source_file", "row_number"),
      "R&D project participations (one per project, year and organisation)");

  public static final TableContract PATENT = new TableContract("silver", "patent",
      Columns.of()
          .req("application_number", StringType, "10-YYYY-NNNNNNN")
          .req("application_year", IntegerType, "year of application")
          .req("application_date", DateType, "출원일자")
          .opt("title", StringType, "발명의명칭")
          .req("ipc", DataTypes.createArrayType(StringType, true), "IPC symbols, first listed first")
          .opt("ipc_main", StringType, "first-listed IPC symbol")
          .req("registered", BooleanType, "granted")
          .opt("registration_year", IntegerType, "year of grant")
          .opt("legal_status", StringType, "법적상태")
          .req("applicant_count", IntegerType, "applicants")
          .opt("inventor_count", IntegerType, "inventors")
          .build(),
      List.of("application_number"),
      "patent applications (one row each; duplicates across files removed)");

  public static final TableContract PATENT_PARTY = new TableContract("silver", "patent_party",
      Columns.of()
          .req("application_number", StringType, "application")
          .req("application_year", IntegerType, "year of application")
          .req("role", StringType, "applicant | inventor")
          .req("position", IntegerType, "1-based position among the parties of that role")
          .opt("firm_id", StringType, "linked firm (applicants only)")
          .req("org_kind", StringType, "firm | university | institute | government | individual | foreign | other")
          .opt("org_key", StringType, "applicant code or normalised name")
          .opt("region_code", StringType, "sigungu from the party's address (current vintage)")
          .opt("sido_code", StringType, "sido from the party's address (current vintage)")
          .req("share", DoubleType, "fractional count: 1 / number of parties of that role")
          .build(),
      List.of("application_number", "role", "position"),
      "applicants and inventors of each application, with fractional shares");

  public static final TableContract PROGRAM_PARTICIPATION = new TableContract("silver", "program_participation",
      Columns.of()
          .req("program_id", StringType, "program identifier")
          .opt("program_name", StringType, "사업명")
          .req("selection_year", IntegerType, "선정연도")
          .opt("firm_id", StringType, "linked firm, null when not linked")
          .req("firm_name", StringType, "name on the roster")
          .opt("region_code", StringType, "sigungu of the linked firm (current vintage)")
          .opt("sido_code", StringType, "sido of the linked firm (current vintage)")
          .req("link_method", StringType, "as in entity_link.method")
          .req("source_file", StringType, "bronze lineage")
          .req("row_number", LongType, "bronze lineage")
          .build(),
      List.of("source_file", "row_number"),
      "support-program roster entries linked to firms");

  public static final List<TableContract> ALL = List.of(FIRM, ENTITY_LINK, ESTABLISHMENT_YEAR, FIRM_YEAR,
      RND_PARTICIPATION, PATENT, PATENT_PARTY, PROGRAM_PARTICIPATION);
}
