package org.clusteratlas.datasets.synth;

import java.util.Locale;
import java.util.Map;

/**
 * Revised Romanization of Hangul syllable by syllable, without the sound-change rules: enough for
 * company English names such as {@code HANBIT TECH CO., LTD.}.
 */
final class Romanizer {
  private static final String[] INITIAL = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "",
      "j", "jj", "ch", "k", "t", "p", "h"};
  private static final String[] MEDIAL = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
      "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
  private static final String[] FINAL = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
      "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

  /** English words firms use for their trade suffix. */
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("테크", "TECH"), Map.entry("전자", "ELECTRONICS"), Map.entry("전기", "ELECTRIC"),
      Map.entry("바이오", "BIO"), Map.entry("정밀", "PRECISION"), Map.entry("화학", "CHEMICAL"),
      Map.entry("케미칼", "CHEMICAL"), Map.entry("소프트", "SOFT"), Map.entry("소프트웨어", "SOFTWARE"),
      Map.entry("에너지", "ENERGY"), Map.entry("모빌리티", "MOBILITY"), Map.entry("푸드", "FOODS"),
      Map.entry("식품", "FOODS"), Map.entry("메디칼", "MEDICAL"), Map.entry("메디컬", "MEDICAL"),
      Map.entry("시스템", "SYSTEMS"), Map.entry("산업", "INDUSTRIAL"), Map.entry("건설", "CONSTRUCTION"),
      Map.entry("엔지니어링", "ENGINEERING"), Map.entry("기계", "MACHINERY"), Map.entry("반도체", "SEMICONDUCTOR"),
      Map.entry("디스플레이", "DISPLAY"), Map.entry("조선", "SHIPBUILDING"), Map.entry("중공업", "HEAVY INDUSTRIES"),
      Map.entry("제약", "PHARM"), Map.entry("헬스케어", "HEALTHCARE"), Map.entry("물류", "LOGISTICS"),
      Map.entry("로지스", "LOGIS"), Map.entry("상사", "TRADING"), Map.entry("무역", "TRADING"),
      Map.entry("유통", "DISTRIBUTION"), Map.entry("솔루션", "SOLUTION"), Map.entry("정보", "INFORMATION"),
      Map.entry("통신", "TELECOM"), Map.entry("네트웍스", "NETWORKS"), Map.entry("랩스", "LABS"),
      Map.entry("소재", "MATERIALS"), Map.entry("금속", "METAL"), Map.entry("철강", "STEEL"),
      Map.entry("스틸", "STEEL"), Map.entry("메탈", "METAL"), Map.entry("홀딩스", "HOLDINGS"),
      Map.entry("글로벌", "GLOBAL"), Map.entry("인터내셔널", "INTERNATIONAL"), Map.entry("파트너스", "PARTNERS"),
      Map.entry("컨설팅", "CONSULTING"), Map.entry("디자인", "DESIGN"), Map.entry("미디어", "MEDIA"),
      Map.entry("에듀", "EDU"), Map.entry("플랫폼", "PLATFORM"), Map.entry("데이터", "DATA"),
      Map.entry("오토", "AUTO"), Map.entry("모터스", "MOTORS"), Map.entry("개발", "DEVELOPMENT"),
      Map.entry("로보틱스", "ROBOTICS"), Map.entry("광학", "OPTICS"), Map.entry("파워", "POWER"));

  private Romanizer() {}

  /** Upper-case romanisation of a Hangul string; other characters are kept. */
  static String romanize(String hangul) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < hangul.length(); i++) {
      char c = hangul.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        int code = c - 0xAC00;
        sb.append(INITIAL[code / 588]).append(MEDIAL[(code % 588) / 28]).append(FINAL[code % 28]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** The English rendering of a trade suffix: a translation where firms use one, else romanised. */
  static String word(String suffix) {
    String w = WORDS.get(suffix);
    return w != null ? w : romanize(suffix);
  }
}
