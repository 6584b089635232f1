package org.clusteratlas.datasets.synth;

import java.io.Serializable;

/**
 * One synthetic corporation with its whole trajectory. Arrays indexed by month run from January of the
 * first year to the last NPS month; arrays indexed by year run over the fiscal years.
 *
 * @param index 0-based entity index (the counter every random stream of this firm is keyed by)
 * @param crn 13-digit 법인등록번호, no hyphen
 * @param brn 10-digit head-office 사업자등록번호, no hyphen
 * @param founded founding date {@code yyyymmdd}
 * @param exited closing date {@code yyyymmdd}, 0 when still active
 * @param foundMonth month index of founding (negative before the period)
 * @param exitMonth month index of closing ({@code months} when never)
 * @param division index into {@link IndustryTable}
 * @param cluster index into the planted clusters, -1 for none
 * @param leaf head-office leaf 시군구 (index into {@link Geography}) before a move
 * @param moveMonth month index from which the head office sits in {@code newLeaf}; -1 when it never moves
 * @param headcount firm-wide insured headcount per month (0 when not active)
 * @param untreatedHeadcount the headcount per month the firm would have had without its grants (the same
 *     draws without the effect); the same array as {@code headcount} for a firm never granted
 * @param firstGrantYear first national R&D grant year, 0 when never
 * @param projects number of R&D projects per fiscal year
 * @param programYear entry year per program (index into {@link Program}), 0 when never
 * @param revenue 매출액 per fiscal year in won; 0 = no filing that year
 * @param patentRate unnormalised patent intensity per fiscal year
 */
record Firm(long index, String crn, String brn, NameStyle.LegalForm form, boolean legalPrefix, String stem,
    String suffix, String ceo, boolean englishListed, int division, String ksic5, int nts, int founded,
    int exited, int foundMonth, int exitMonth, double quality, int cluster, int leaf, int dong, int moveMonth,
    int newLeaf, int newDong, int[] headcount, int[] untreatedHeadcount, double wage, int firstGrantYear,
    byte[] projects, int[] programYear, long[] revenue, long[] operatingProfit, long[] assets, int[] employees,
    boolean consolidated, double[] patentRate, Branch[] branches, String sizeClass) implements Serializable {

  /** A branch workplace (지점, 공장, or a construction site) with its own BRN (type 85) and NPS row. */
  record Branch(int ordinal, String brn, int leaf, int dong, double share, int openMonth, String kind)
      implements Serializable {}

  String core() {
    return stem + suffix;
  }

  String legalName() {
    return NameStyle.legalName(core(), form, legalPrefix);
  }

  String englishName() {
    return NameStyle.english(stem, suffix, form);
  }

  int leafAt(int month) {
    return moveMonth >= 0 && month >= moveMonth ? newLeaf : leaf;
  }

  int dongAt(int month) {
    return moveMonth >= 0 && month >= moveMonth ? newDong : dong;
  }

  /** Mean headcount over the months of fiscal year {@code yearIndex} the firm was insured; 0 when none. */
  static double meanInsured(int[] headcount, int yearIndex) {
    long sum = 0;
    int insured = 0;
    for (int m = yearIndex * 12; m < yearIndex * 12 + 12 && m < headcount.length; m++) {
      if (headcount[m] > 0) {
        sum += headcount[m];
        insured++;
      }
    }
    return insured == 0 ? 0 : (double) sum / insured;
  }

  boolean treatedBy(int year) {
    return firstGrantYear > 0 && year >= firstGrantYear;
  }

  /** Headcount of workplace {@code w} (0 = head office, 1.. = branches) in month {@code m}. */
  int workplaceHeadcount(int w, int m) {
    int total = headcount[m];
    if (total == 0) {
      return 0;
    }
    int branchSum = 0;
    for (Branch b : branches) {
      int h = m >= b.openMonth() ? (int) Math.round(total * b.share()) : 0;
      if (b.ordinal() == w) {
        return h;
      }
      branchSum += h;
    }
    return Math.max(1, total - branchSum);
  }
}
