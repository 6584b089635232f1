package org.clusteratlas.datasets.synth;

/**
 * Korean firm and person names, and the ways the sources write them. A firm's core name is a stem plus a
 * trade suffix ({@code 한빛} + {@code 전자}); stems are drawn Zipf-like from a list of common trade-name
 * words, so the same name recurs across regions (different firms), and sister firms share a stem with
 * another suffix. The registry writes the legal name; the other sources write variants of the legal-form
 * token and spacing, sometimes an English name, sometimes a typo.
 */
final class NameStyle {
  private NameStyle() {}

  enum LegalForm {
    STOCK("11", "주식회사", new String[] {"(주)", "㈜", "주식회사", "주)"}, "CO., LTD."),
    LIMITED("14", "유한회사", new String[] {"(유)", "㈲", "유한회사"}, "LTD."),
    PARTNERSHIP("13", "합자회사", new String[] {"(합)", "합자회사"}, "L.P.");

    /** The synthetic CRN type code (only 11 = 주식회사 is attested; 13/14 are this generator's choice). */
    final String crnType;
    final String full;
    final String[] tokens;
    final String english;

    LegalForm(String crnType, String full, String[] tokens, String english) {
      this.crnType = crnType;
      this.full = full;
      this.tokens = tokens;
      this.english = english;
    }
  }

  /** Where a variant is written; each source has its habits. */
  enum Style { NPS, NTIS, KIPRIS, PROGRAMS }

  static final String[] COMMON_STEMS = {"한빛", "대성", "세원", "우성", "태광", "동양", "삼화", "신흥", "대한",
      "한국", "미래", "에이스", "유니", "다온", "새한", "금강", "대원", "동진", "성진", "한울", "진성", "대명", "영진",
      "서진", "광명", "태성", "한솔", "한성", "삼영", "일진", "해성", "동원", "대림", "신성", "한일", "경동", "화신",
      "코리아", "나노", "엘림", "비전", "제이", "케이", "에스", "디엔", "알파", "베스트", "그린", "블루", "스마트",
      "하이", "넥스트", "이노", "정우", "상신", "서광", "태양", "원일", "동성", "삼성", "대우", "현대", "한라",
      "극동", "동아", "남양", "세진", "명성", "신라", "백제", "가야", "고려", "조선", "청우", "보성", "은성", "동화",
      "대진", "삼진", "창신", "유진", "성원", "한길", "푸른", "누리", "가온", "아이", "씨엔", "에이치", "제일",
      "우진", "성우", "광성", "영신", "태진", "동일", "대영", "한양", "유성", "진영", "신영", "대호", "부영",
      "금호", "두성", "한신", "세일", "오성", "정원", "태원", "수성", "중앙", "국제", "평화", "희망", "하나",
      "우리", "새론", "아름", "온누리", "빛나", "큰길", "로뎀", "샘물", "참", "세아", "셀트", "바로", "온"};

  private static final String[] SYLLABLES = {"가", "건", "경", "고", "광", "금", "기", "나", "남", "노", "다",
      "대", "덕", "도", "동", "라", "로", "리", "마", "명", "무", "미", "민", "보", "부", "비", "사", "삼", "상",
      "서", "선", "성", "세", "소", "수", "승", "시", "신", "아", "안", "영", "오", "우", "원", "유", "윤", "은",
      "이", "인", "일", "자", "장", "재", "정", "제", "조", "주", "중", "지", "진", "창", "천", "청", "태", "파",
      "평", "하", "한", "해", "현", "형", "호", "화", "효", "휘", "흥", "빛", "솔", "온", "율", "란", "린"};

  /** Suffixes sister firms use beside the anchor firm's own (셀트리온 / 셀트리온헬스케어). */
  static final String[] SISTER_SUFFIXES = {"헬스케어", "홀딩스", "글로벌", "인터내셔널", "이엔지", "파트너스",
      "에스앤씨", "디앤씨", "로지스", "솔루션"};

  private static final String[] SURNAMES = {"김", "김", "김", "김", "이", "이", "이", "박", "박", "최", "정",
      "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고", "문",
      "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민"};
  private static final String[] GIVEN = {"민", "서", "준", "현", "지", "수", "영", "성", "재", "정", "우", "진",
      "호", "혁", "석", "훈", "철", "동", "상", "희", "경", "은", "미", "숙", "자", "연", "윤", "주", "태", "용",
      "광", "명", "기", "승", "선", "혜", "유", "하", "원", "식"};

  /**
   * Share of common-word stems a firm keeps bare ({@code 대성}); the rest make the word their own with a
   * syllable or a second word ({@code 대성원}, {@code 한빛누리}). Calibrated on the national population: at
   * scale 1 the commonest full name ({@code 한빛유통}) is held by about 200 of 600,000 corporations and about
   * a third of them share their name with another firm somewhere; a scale-s world is a sample of that
   * population, so its name blocks shrink with s. With every common stem bare (generator v4 and before)
   * scale 1 had 2,000 firms called 한빛유통, 73% of firms had a namesake, and same-name pairs grew with the
   * square of the firm count.
   */
  static final double BARE_COMMON_STEM = 0.1;

  /** A firm stem: a common word (Zipf-like, so names repeat), mostly extended, or a rarer syllable pair. */
  static String stem(RandomStream r) {
    if (r.chance(0.6)) {
      // Zipf-like: index = floor(n^u) - 1 puts most mass on the first words
      int n = COMMON_STEMS.length;
      int i = (int) Math.floor(Math.pow(n + 1, r.uniform())) - 1;
      String word = COMMON_STEMS[Math.max(0, Math.min(n - 1, i))];
      if (r.chance(BARE_COMMON_STEM)) {
        return word;
      }
      return word + (r.chance(0.5) ? r.pick(SYLLABLES) : r.pick(COMMON_STEMS));
    }
    return r.pick(SYLLABLES) + r.pick(SYLLABLES);
  }

  static String person(RandomStream r) {
    return r.pick(SURNAMES) + r.pick(GIVEN) + r.pick(GIVEN);
  }

  static String legalName(String core, LegalForm form, boolean prefix) {
    return prefix ? form.full + " " + core : core + " " + form.full;
  }

  static String english(String stem, String suffix, LegalForm form) {
    return Romanizer.romanize(stem) + " " + Romanizer.word(suffix) + " " + form.english;
  }

  /**
   * The name as a source writes it. With probability {@code 1 - variantRate} the legal name itself;
   * otherwise the legal-form token moved, abbreviated or glued in the source's habitual way.
   */
  static String reported(String stem, String suffix, LegalForm form, boolean legalPrefix, Style style,
      DirtRates rates, RandomStream r) {
    String core = r.chance(rates.spacingVariant()) ? stem + " " + suffix : stem + suffix;
    if (style != Style.KIPRIS && !r.chance(rates.legalFormVariant())) {
      return legalName(core, form, legalPrefix);
    }
    double u = r.uniform();
    String token = form.tokens[0];
    String symbol = form.tokens[1];
    return switch (style) {
      case KIPRIS -> u < 0.6 ? core + form.full : u < 0.9 ? form.full + " " + core : token + core;
      case NPS -> u < 0.40 ? token + core : u < 0.55 ? core + token : u < 0.75 ? form.full + " " + core
          : u < 0.80 ? core + " " + form.full : u < 0.90 ? symbol + core : u < 0.95 ? core + symbol
          : token + " " + core;
      case NTIS -> u < 0.45 ? token + core : u < 0.75 ? form.full + " " + core : u < 0.85 ? core + token
          : u < 0.95 ? symbol + core : core + " " + form.full;
      case PROGRAMS -> u < 0.40 ? token + core : u < 0.65 ? symbol + core : u < 0.90 ? form.full + " " + core
          : core + token;
    };
  }

  /** One Hangul syllable replaced by another (or one letter, for a Latin name). */
  static String typo(String name, RandomStream r) {
    int hangul = 0;
    for (int i = 0; i < name.length(); i++) {
      if (isSyllable(name.charAt(i))) {
        hangul++;
      }
    }
    StringBuilder sb = new StringBuilder(name);
    if (hangul == 0) {
      int i = r.below(Math.max(1, name.length()));
      if (i < sb.length() && Character.isLetter(sb.charAt(i))) {
        sb.setCharAt(i, sb.charAt(i) == 'X' ? 'Y' : 'X');
      } else {
        sb.append('X');
      }
      return sb.toString();
    }
    int target = r.below(hangul);
    for (int i = 0, seen = 0; i < sb.length(); i++) {
      if (isSyllable(sb.charAt(i)) && seen++ == target) {
        String replacement = r.pick(SYLLABLES);
        if (replacement.charAt(0) == sb.charAt(i)) {
          replacement = "팡";
        }
        sb.setCharAt(i, replacement.charAt(0));
        break;
      }
    }
    return sb.toString();
  }

  static boolean isSyllable(char c) {
    return c >= 0xAC00 && c <= 0xD7A3;
  }
}
