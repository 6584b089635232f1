package org.clusteratlas.jobs.link;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Which organisations are not firms: universities (○○대학교 산학협력단), research institutes, government
 * bodies, individuals and foreign applicants are kept apart instead of being forced onto a registered
 * firm. Decided from what each source states (NTIS 연구수행주체, NPS 사업장형태, the BRN type code, the KIPRIS
 * applicant-code type digit) and from the name itself.
 */
public final class OrgKind {
  private OrgKind() {}

  public static final String FIRM = "firm";
  public static final String UNIVERSITY = "university";
  public static final String INSTITUTE = "institute";
  public static final String GOVERNMENT = "government";
  public static final String INDIVIDUAL = "individual";
  public static final String FOREIGN = "foreign";

  private static final Pattern UNIVERSITY_NAME = Pattern.compile("산학협력단|대학교|대학원대학|과학기술원|UNIVERSITY");
  private static final Pattern INSTITUTE_NAME = Pattern.compile(
      "연구원$|연구소$|재단법인|\\(재\\)|테크노파크|진흥원$|연구재단|INSTITUTE");
  private static final Pattern GOVERNMENT_NAME = Pattern.compile("(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구)청$|부$|처$|위원회$");
  private static final Pattern PERSON_NAME = Pattern.compile("^[가-힣]{2,4}$");
  private static final Pattern FIRM_MARK = Pattern.compile("주식회사|\\(주\\)|유한회사|\\(유\\)|합자회사|\\(합\\)|CO\\.|LTD|INC|CORP");

  /** From the name alone: university, institute, government, or null (no evidence). */
  public static String fromName(String name) {
    if (name == null) {
      return null;
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT).trim();
    if (FIRM_MARK.matcher(s).find()) {
      return null;
    }
    if (UNIVERSITY_NAME.matcher(s).find()) {
      return UNIVERSITY;
    }
    if (INSTITUTE_NAME.matcher(s).find()) {
      return INSTITUTE;
    }
    if (GOVERNMENT_NAME.matcher(s.replace(" ", "")).find()) {
      return GOVERNMENT;
    }
    return null;
  }

  /** NTIS 연구수행주체 (대학, 출연연구소, …) or the BRN type; firm when the row says a firm performed it. */
  public static String ntis(String performerType, String brnDigits, String name) {
    if (performerType != null) {
      switch (performerType.trim()) {
        case "대학":
          return UNIVERSITY;
        case "출연연구소":
        case "국공립연구소":
          return INSTITUTE;
        case "정부부처":
          return GOVERNMENT;
        default:
          break;
      }
    }
    String byBrn = fromBrnType(brnDigits, name);
    if (byBrn != null) {
      return byBrn;
    }
    String byName = fromName(name);
    return byName == null ? FIRM : byName;
  }

  /**
   * KIPRIS applicant: the first digit of the 특허고객번호 tells its kind (1 domestic corporation, 2
   * university/institute, 4 individual, 5 foreign; only 1 is attested, see research §4.2); names decide
   * when the code is missing.
   */
  public static String kipris(String applicantCode, String name) {
    String byName = fromName(name);
    char type = applicantCode == null || applicantCode.isEmpty() ? '?' : applicantCode.charAt(0);
    if (type == '4' || (type == '?' && byName == null && name != null && PERSON_NAME.matcher(name.trim()).matches())) {
      return INDIVIDUAL;
    }
    if (type == '5') {
      return FOREIGN;
    }
    if (type == '2') {
      return byName == null ? INSTITUTE : byName;
    }
    return byName == null ? FIRM : byName;
  }

  /** BRN type code 82 (non-profit) or 83 (state); null for other or missing numbers. */
  static String fromBrnType(String brnDigits, String name) {
    if (brnDigits == null || brnDigits.length() < 5) {
      return null;
    }
    String type = brnDigits.substring(3, 5);
    if (type.equals("83")) {
      return GOVERNMENT;
    }
    if (type.equals("82")) {
      String byName = fromName(name);
      return byName == null ? INSTITUTE : byName;
    }
    return null;
  }
}
