package org.clusteratlas.jobs.link;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean organisation names reduced to a comparison key: NFKC, legal-form tokens removed wherever they
 * sit (prefix, suffix, glued on without a space, ㈜ / (주) / 주식회사 / Co., Ltd. …), Latin letters inside a
 * Hangul name spelled out in Hangul (SK → 에스케이, as registries write it), spaces and punctuation dropped.
 * Plain functions: tested without Spark, applied once per record by the link job.
 */
public final class FirmName {
  private FirmName() {}

  /** A name's key and the legal form found in it (null when none). */
  public record Parsed(String key, String legalForm) {}

  /** Korean legal forms, longest first so 유한책임회사 wins over 유한회사; each with its abbreviations. */
  private static final List<String[]> FORMS = List.of(
      new String[] {"유한책임회사"},
      new String[] {"농업회사법인"},
      new String[] {"영농조합법인"},
      new String[] {"사회복지법인"},
      new String[] {"주식회사", "(주)", "(株)", "株式會社"},
      new String[] {"유한회사", "(유)", "(有)"},
      new String[] {"합자회사", "(합)"},
      new String[] {"합명회사"},
      new String[] {"재단법인", "(재)"},
      new String[] {"사단법인", "(사)"},
      new String[] {"학교법인", "(학)"},
      new String[] {"의료법인"},
      new String[] {"협동조합"});

  /** English and transliterated foreign legal forms, matched as trailing words. */
  private static final Pattern FOREIGN_FORM = Pattern.compile(
      "(?:[\\s,.]+(?:CO|COMPANY|LTD|LIMITED|INC|INCORPORATED|CORP|CORPORATION|LLC|L\\.L\\.C|LP|L\\.P|GMBH|AG|N\\.V|NV)\\.?)+\\s*$"
      + "|(?:코포레이션|인코포레이티드|리미티드|엘엘씨|엔\\.브이\\.?)\\s*$");

  /** OCR drops the opening parenthesis of (주) at the start of a name. */
  private static final Pattern LEADING_OCR_FORM = Pattern.compile("^주\\)");

  /** The university research foundation suffix: 서울대학교 산학협력단 is 서울대학교 for matching. */
  private static final String UNIVERSITY_FOUNDATION = "산학협력단";

  private static final String[] LATIN_LETTERS = {"에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이",
      "제이", "케이", "엘", "엠", "엔", "오", "피", "큐", "알", "에스", "티", "유", "브이", "더블유", "엑스", "와이",
      "지"};

  /** Key and legal form of a name; {@code null} for a null or blank name. */
  public static Parsed parse(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    int slash = s.indexOf('/');
    if (slash > 0) {
      s = s.substring(0, slash); // NPS construction sites: 회사명/일용/현장명; the part after names the site
    }
    s = LEADING_OCR_FORM.matcher(s.trim()).replaceFirst("(주)");
    String form = null;
    for (String[] f : FORMS) {
      for (String token : f) {
        int at = s.indexOf(token);
        if (at >= 0) {
          form = form == null ? f[0] : form;
          s = s.replace(token, " ");
        }
      }
    }
    Matcher foreign = FOREIGN_FORM.matcher(s);
    if (foreign.find()) {
      s = s.substring(0, foreign.start());
    }
    s = s.replace(UNIVERSITY_FOUNDATION, " ");
    String key = compact(s);
    return key.isEmpty() ? null : new Parsed(key, form);
  }

  /** The comparison key alone ({@code null} for a null or blank name). */
  public static String key(String name) {
    Parsed p = parse(name);
    return p == null ? null : p.key();
  }

  /** The legal form alone (주식회사, 유한회사, …), or null. */
  public static String legalForm(String name) {
    Parsed p = parse(name);
    return p == null ? null : p.legalForm();
  }

  /** Letters and digits only; Latin letters spelled in Hangul when the name also holds Hangul. */
  private static String compact(String s) {
    boolean hangul = s.codePoints().anyMatch(FirmName::isHangul);
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (hangul && c >= 'A' && c <= 'Z') {
        out.append(LATIN_LETTERS[c - 'A']);
      } else if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  static boolean isHangul(int c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E);
  }
}
