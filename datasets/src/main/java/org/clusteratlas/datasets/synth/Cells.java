package org.clusteratlas.datasets.synth;

/** Cell formats shared by the sources: dates and amounts as the portals write them. */
final class Cells {
  private Cells() {}

  static String yyyymmdd(int date) {
    return String.format("%08d", date);
  }

  static String dashed(int date) {
    return String.format("%04d-%02d-%02d", date / 10_000, date / 100 % 100, date % 100);
  }

  static String dotted(int date) {
    return String.format("%04d.%02d.%02d", date / 10_000, date / 100 % 100, date % 100);
  }

  /** Korean accounting format: {@code 1,234,567,000}; a loss as {@code -12,000} or {@code (12,000)}. */
  static String won(long amount, boolean parenthesesForLoss) {
    String digits = String.format("%,d", Math.abs(amount));
    if (amount >= 0) {
      return digits;
    }
    return parenthesesForLoss ? "(" + digits + ")" : "-" + digits;
  }

  /** NTIS writes won with three decimals: {@code 625840000.000}. */
  static String wonDecimal(long amount) {
    return amount + ".000";
  }

  /** A 10-digit BRN written {@code XXX-YY-ZZZZZ} with its check digit broken. */
  static String brokenBrn(String brn) {
    int check = brn.charAt(9) - '0';
    String bad = brn.substring(0, 9) + (char) ('0' + (check + 1 + (int) (brn.charAt(3) - '0') % 8) % 10);
    return bad.substring(0, 3) + "-" + bad.substring(3, 5) + "-" + bad.substring(5);
  }

  /** Adds months to a {@code yyyymmdd} date, keeping a valid day. */
  static int plusMonths(int date, int months) {
    int y = date / 10_000;
    int m = date / 100 % 100 - 1 + months;
    y += Math.floorDiv(m, 12);
    m = Math.floorMod(m, 12) + 1;
    return y * 10_000 + m * 100 + Math.min(date % 100, 28);
  }

  /** Short place label of a 시군구 name for branch names: {@code 성남시 분당구 → 분당}, {@code 구미시 → 구미}. */
  static String shortPlace(String sigunguName) {
    String last = sigunguName.substring(sigunguName.lastIndexOf(' ') + 1);
    if (last.length() > 2 && (last.endsWith("시") || last.endsWith("군") || last.endsWith("구"))) {
      return last.substring(0, last.length() - 1);
    }
    return last;
  }
}
