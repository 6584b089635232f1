package org.clusteratlas.datasets.raw;

import java.text.Normalizer;

/**
 * Normalises a header cell to the key used for column matching. NPS changed its header spelling over
 * the years ({@code 가입자수(고지인원 수 포함)} → {@code 가입자수}; {@code 사업장가입상태코드 1:등록2:탈퇴} →
 * {@code 사업장가입상태코드 1 등록 2 탈퇴}) and some downloads put a space before every cell. The key is
 * the trimmed cell cut at the first {@code (}, or at the first space followed by a digit, or at the
 * first space followed by {@code (}; with a byte-order mark and inner spaces removed.
 */
public final class HeaderMatch {
  private HeaderMatch() {}

  public static String key(String cell) {
    if (cell == null) {
      return "";
    }
    String s = Normalizer.normalize(cell, Normalizer.Form.NFKC).replace("\uFEFF", "").strip();
    int cut = s.length();
    int paren = s.indexOf('(');
    if (paren >= 0) {
      cut = paren;
    }
    for (int i = 0; i + 1 < cut; i++) {
      if (Character.isWhitespace(s.charAt(i))
          && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '(')) {
        cut = i;
        break;
      }
    }
    // the 2019 spelling glues the code legend on without a space: 사업장가입상태코드1:등록2:탈퇴
    for (int i = 1; i < cut; i++) {
      if (Character.isDigit(s.charAt(i)) && !Character.isDigit(s.charAt(i - 1))
          && i + 1 < s.length() && s.charAt(i + 1) == ':') {
        cut = i;
        break;
      }
    }
    return s.substring(0, cut).replaceAll("\\s+", "");
  }
}
