package org.clusteratlas.datasets.raw;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The header layouts of the raw sources. NPS headers are the portal's own (research/source-layouts.md
 * §1.2); the other sources use the Korean column names of the portals' bulk extracts.
 */
public final class Layouts {
  private Layouts() {}

  /** Java's MS949 is the Windows superset of CP949/EUC-KR that the portals actually write. */
  public static final Charset CP949 = Charset.forName("x-windows-949");

  public static final Charset UTF8 = StandardCharsets.UTF_8;

  public static final Layout REGISTRY = new Layout("registry", List.of(
      "법인등록번호", "사업자등록번호", "본지점구분", "기업명", "영문기업명", "대표자명", "설립일자",
      "기업규모", "표준산업분류코드", "주소", "법정동코드", "휴폐업일자"));

  public static final Layout FINANCIALS = new Layout("financials", List.of(
      "법인등록번호", "사업연도", "재무제표구분", "매출액", "영업이익", "자산총계", "종업원수"));

  /** Form used since 2022 (dataset 15083277). */
  public static final Layout NPS_CURRENT = new Layout("nps-2022", List.of(
      "자료생성년월", "사업장명", "사업자등록번호", "사업장가입상태코드 1 등록 2 탈퇴", "우편번호",
      "사업장지번상세주소", "사업장도로명상세주소", "고객법정동주소코드", "고객행정동주소코드",
      "법정동주소광역시도코드", "법정동주소광역시시군구코드", "법정동주소광역시시군구읍면동코드",
      "사업장형태구분코드 1 법인 2 개인", "사업장업종코드", "사업장업종코드명", "적용일자", "재등록일자",
      "탈퇴일자", "가입자수", "당월고지금액", "신규취득자수", "상실가입자수"));

  /** The 2020–2021 form: long descriptive headers, a leading space before every cell after the first. */
  public static final Layout NPS_2020 = new Layout("nps-2020", List.of(
      "자료생성년월(자격마감일(사유발생일이 속하는 달의 다음달 15일)까지 신고분 반영)",
      " 사업장명", " 사업자등록번호", " 사업장가입상태코드 1:등록2:탈퇴", " 우편번호",
      " 사업장지번상세주소", " 사업장도로명상세주소", " 고객법정동주소코드", " 고객행정동주소코드",
      " 법정동주소광역시도코드", " 법정동주소광역시시군구코드", " 법정동주소광역시시군구읍면동코드",
      " 사업장형태구분코드 1:법인2:개인", " 사업장업종코드", " 사업장업종코드명", " 적용일자", " 재등록일자",
      " 탈퇴일자", " 가입자수(고지인원 수 포함)",
      " 당월고지금액(※ 국민연금법 시행령 제5조에 의거 기준소득월액 상한액 적용으로 실제소득과 고지금액은 상이할 수 있음)",
      " 신규취득자수(납부재개 포함 : ※ 전달 고지대상자와 비교하므로 실제 신규취득자와 다를 수 있음)",
      " 상실가입자수(납부예외 포함 : ※ 전달 고지대상자와 비교하므로 실제 상실자와 다를 수 있음)"));

  /**
   * The 2015–2019 form. Only partly attested (an R script that stripped digits and ASCII from it), so
   * the reader accepts it through the key match rather than the exact spelling.
   */
  public static final Layout NPS_2019 = new Layout("nps-2019", List.of(
      "자료생성년월", "사업장명", "사업자등록번호", "사업장가입상태코드(1:등록 2:탈퇴)", "우편번호",
      "사업장지번상세주소", "사업장도로명상세주소", "고객법정동주소코드", "고객행정동주소코드",
      "법정동주소광역시도코드", "법정동주소광역시시군구코드", "법정동주소광역시시군구읍면동코드",
      "사업장형태구분코드(1:법인 2:개인)", "사업장업종코드(국세청업종코드 참조)", "사업장업종코드명", "적용일자",
      "재등록일자", "탈퇴일자", "가입자수", "당월고지금액", "신규취득자수", "상실가입자수"));

  public static final Layout NTIS = new Layout("ntis", List.of(
      "기준년도", "과제고유번호", "과제명(국문)", "부처명", "사업명", "내역사업명", "전문기관명",
      "과제수행기관명", "수행기관역할", "연구수행주체", "사업자등록번호", "지역", "지역코드",
      "정부연구비_원", "민간연구비_원", "총연구비_합계_원", "연구개발단계", "과학기술표준분류코드1_대",
      "과학기술표준분류코드1_중", "6T관련기술코드", "과제시작일", "과제종료일"));

  /**
   * Multi-valued cells (applicants, inventors, IPC) hold several values separated by {@link #MULTI};
   * applicant code, name and address lists are parallel.
   */
  public static final Layout KIPRIS = new Layout("kipris", List.of(
      "출원번호", "출원일자", "발명의명칭", "IPC", "출원인코드", "출원인명", "출원인주소",
      "발명자수", "발명자주소", "공개번호", "공개일자", "등록번호", "등록일자", "법적상태"));

  public static final Layout PROGRAMS = new Layout("programs", List.of(
      "연번", "사업명", "선정연도", "기업명", "사업자등록번호", "대표자", "소재지", "업종"));

  /** Separator inside a multi-valued KIPRIS cell. */
  public static final String MULTI = "|";
}
