package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Name normalisation on real name variants (research §4.1) and sister firms that must stay apart. */
class FirmNameTest {
  @Test
  void samsungElectronicsVariantsShareOneKey() {
    assertThat(FirmName.key("삼성전자주식회사")).isEqualTo("삼성전자");
    assertThat(FirmName.key("(주) 삼성전자")).isEqualTo("삼성전자");
    assertThat(FirmName.key("삼성전자(주)")).isEqualTo("삼성전자");
    assertThat(FirmName.key("㈜삼성전자")).isEqualTo("삼성전자");
    assertThat(FirmName.key("주식회사 삼성전자")).isEqualTo("삼성전자");
    assertThat(FirmName.key("삼성전자 주식회사")).isEqualTo("삼성전자");
    assertThat(FirmName.key("주)삼성전자")).isEqualTo("삼성전자");
    assertThat(FirmName.key("삼성 전자")).isEqualTo("삼성전자");
  }

  @Test
  void englishNamesLoseTheirLegalForm() {
    assertThat(FirmName.key("SAMSUNG ELECTRONICS CO., LTD.")).isEqualTo("SAMSUNGELECTRONICS");
    assertThat(FirmName.key("Samsung Electronics Co.,Ltd")).isEqualTo("SAMSUNGELECTRONICS");
    assertThat(FirmName.key("HANBIT TECH LTD.")).isEqualTo("HANBITTECH");
    assertThat(FirmName.key("Apple Inc.")).isEqualTo("APPLE");
    assertThat(FirmName.legalForm("SAMSUNG ELECTRONICS CO., LTD.")).isNull();
  }

  @Test
  void legalFormIsKeptAsEvidence() {
    assertThat(FirmName.legalForm("㈜삼성전자")).isEqualTo("주식회사");
    assertThat(FirmName.legalForm("(유)한빛테크")).isEqualTo("유한회사");
    assertThat(FirmName.legalForm("㈲한빛테크")).isEqualTo("유한회사"); // NFKC gives (有), mapped explicitly
    assertThat(FirmName.key("㈲한빛테크")).isEqualTo("한빛테크");
    assertThat(FirmName.legalForm("한빛테크 유한책임회사")).isEqualTo("유한책임회사");
    assertThat(FirmName.key("한빛테크 유한책임회사")).isEqualTo("한빛테크");
    assertThat(FirmName.legalForm("(재)한국화학연구원")).isEqualTo("재단법인");
    assertThat(FirmName.legalForm("삼성전자")).isNull();
  }

  @Test
  void latinAcronymsInsideHangulNamesAreSpelledOut() {
    assertThat(FirmName.key("SK하이닉스")).isEqualTo(FirmName.key("에스케이하이닉스 주식회사"));
    assertThat(FirmName.key("LG전자")).isEqualTo("엘지전자");
    assertThat(FirmName.key("(주)KT")).isEqualTo("KT"); // all-Latin names stay Latin
  }

  @Test
  void universityFoundationsAndConstructionSites() {
    assertThat(FirmName.key("서울대학교 산학협력단")).isEqualTo("서울대학교");
    assertThat(FirmName.key("서울대학교산학협력단")).isEqualTo("서울대학교");
    assertThat(FirmName.key("(주)포유이엔지/일용/서울숲 신축공사")).isEqualTo("포유이엔지");
  }

  @Test
  void sisterFirmsKeepDifferentKeys() {
    assertThat(FirmName.key("삼성전자(주)")).isNotEqualTo(FirmName.key("삼성전기(주)"));
    assertThat(FirmName.key("셀트리온")).isNotEqualTo(FirmName.key("셀트리온헬스케어"));
    assertThat(FirmName.key("삼성전자주식회사")).isNotEqualTo(FirmName.key("삼성전자서비스 주식회사"));
  }

  @Test
  void blankNamesHaveNoKey() {
    assertThat(FirmName.key(null)).isNull();
    assertThat(FirmName.key("  ")).isNull();
    assertThat(FirmName.key("(주)")).isNull();
  }

  @Test
  void jamoDistanceCountsLettersNotSyllables() {
    // hand-checked: 자(ㅈㅏ) → 차(ㅊㅏ) is one letter; 공 → 향 (ㄱㅗㅇ → ㅎㅑㅇ) two
    assertThat(Jamo.distance(Jamo.decompose("현대자동차"), Jamo.decompose("현대자동자"))).isEqualTo(1);
    assertThat(Jamo.distance(Jamo.decompose("대한항공"), Jamo.decompose("대한향공"))).isEqualTo(1);
    assertThat(Jamo.distance(Jamo.decompose("삼성전자"), Jamo.decompose("삼성전기"))).isEqualTo(2);
    assertThat(Jamo.decompose("삼")).isEqualTo("\u1109\u1161\u11B7"); // initial ㅅ, vowel ㅏ, final ㅁ
    assertThat(Jamo.decompose("AB1")).isEqualTo("AB1");
  }

  @Test
  void organisationKinds() {
    assertThat(OrgKind.ntis("대학", "1168200276", "서울대학교 산학협력단")).isEqualTo(OrgKind.UNIVERSITY);
    assertThat(OrgKind.ntis("출연연구소", null, "한국전자통신연구원")).isEqualTo(OrgKind.INSTITUTE);
    assertThat(OrgKind.ntis("중소기업", null, "(주)한빛테크")).isEqualTo(OrgKind.FIRM);
    assertThat(OrgKind.ntis("기타", "1238300015", "대전광역시청")).isEqualTo(OrgKind.GOVERNMENT);
    assertThat(OrgKind.kipris("119981042713", "삼성전자주식회사")).isEqualTo(OrgKind.FIRM);
    assertThat(OrgKind.kipris("220050001234", "서울대학교산학협력단")).isEqualTo(OrgKind.UNIVERSITY);
    assertThat(OrgKind.kipris("420100012345", "홍길동")).isEqualTo(OrgKind.INDIVIDUAL);
    assertThat(OrgKind.kipris("520100012345", "APPLE INC.")).isEqualTo(OrgKind.FOREIGN);
    assertThat(OrgKind.kipris(null, "김민수")).isEqualTo(OrgKind.INDIVIDUAL);
  }
}
