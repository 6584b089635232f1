package org.clusteratlas.datasets.synth;

import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;

/**
 * Identifiers that are unique by construction: an entity index is mapped through an affine bijection
 * (multiply by a constant coprime to the range, add an offset, modulo the range) onto the free digits, so
 * no two entities can share a number and the numbers still look scattered.
 *
 * <ul>
 *   <li>CRN {@code RRRRTT-SSSSSSC}: registry office (from a fixed list of 25, synthetic and
 *       not tied to the region) and 6-digit serial = bijection of the index onto 25×10⁶ values, type 11
 *       주식회사 / 14 유한회사 / 13 합자회사 (only 11 is attested), official check digit.</li>
 *   <li>BRN {@code XXX-YY-ZZZZC}: 3-digit prefix 101–999 and 4-digit serial = bijection of the index onto
 *       899×10⁴ values; head offices type 81/86/87/88, branches 85 (index space firm×4+branch), sole
 *       proprietors 01–79 (their own index space); official check digit.</li>
 *   <li>KIPRIS 특허고객번호 {@code [type][year][6-digit serial][check]}: type 1 domestic corporation, 2
 *       university/institute, 4 domestic individual, 5 foreign corporation (synthetic assignment). The real
 *       check rule is not public; ours is {@code (Σ d_i·(i+2)) mod 11 mod 10} over the first 11 digits.</li>
 * </ul>
 */
final class IdFactory {
  private IdFactory() {}

  static final String[] REGISTRY_OFFICES = {"1101", "1144", "1146", "1150", "1201", "1301", "1311", "1345",
      "1350", "1358", "1401", "1501", "1601", "1615", "1701", "1711", "1801", "1811", "1901", "1946", "2001",
      "2041", "2101", "2201", "2301"};

  private static final long BRN_SPACE = 899L * 10_000L;
  private static final long CRN_SPACE = 1_000_000L;
  private static final long BRN_MULT = coprime(0x5DEECE66DL % BRN_SPACE, BRN_SPACE);
  private static final long CRN_MULT = coprime(0x2545F4914F6CDD1DL % CRN_SPACE, CRN_SPACE * REGISTRY_OFFICES.length);
  private static final long APPLICANT_MULT = coprime(7_919_311L, CRN_SPACE);

  static long coprime(long start, long modulus) {
    long a = Math.max(3, start);
    while (gcd(a, modulus) != 1) {
      a++;
    }
    return a;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  static long scramble(long i, long multiplier, long space) {
    if (i < 0 || i >= space) {
      throw new IllegalArgumentException("index " + i + " outside the id space " + space);
    }
    return Math.floorMod(i * multiplier + 12_345L, space);
  }

  static String crn(long firmIndex, NameStyle.LegalForm form) {
    int k = REGISTRY_OFFICES.length;
    long j = scramble(firmIndex, CRN_MULT, CRN_SPACE * k);
    return Crn.withCheckDigit(REGISTRY_OFFICES[(int) (j % k)] + form.crnType + String.format("%06d", j / k));
  }

  /** {@code typeCode} is the 2-digit BRN type; (prefix, serial) is unique per index space. */
  static String brn(long spaceIndex, String typeCode) {
    long j = scramble(spaceIndex, BRN_MULT, BRN_SPACE);
    return Brn.withCheckDigit((101 + j / 10_000) + typeCode + String.format("%04d", j % 10_000));
  }

  static String hqBrn(long firmIndex, RandomStream r) {
    double u = r.uniform();
    return brn(firmIndex, u < 0.70 ? "81" : u < 0.85 ? "86" : u < 0.95 ? "87" : "88");
  }

  static String branchBrn(long firmIndex, int ordinal) {
    return brn(firmIndex * 4 + ordinal, "85");
  }

  static String soleBrn(long soleIndex, RandomStream r) {
    return brn(soleIndex, String.format("%02d", r.between(1, 79)));
  }

  /** A 12-digit applicant code; {@code serial} must be unique within (type, year). */
  static String applicantCode(int type, int year, long serial) {
    long s = scramble(serial % CRN_SPACE, APPLICANT_MULT, CRN_SPACE);
    String first = type + String.valueOf(year) + String.format("%06d", s);
    int sum = 0;
    for (int i = 0; i < first.length(); i++) {
      sum += (first.charAt(i) - '0') * (i + 2);
    }
    return first + (sum % 11) % 10;
  }

  /** Applicant code of a firm: year spreads over 1990–2024 by index, so (year, serial) is unique. */
  static String firmApplicantCode(long firmIndex) {
    return applicantCode(1, 1990 + (int) (firmIndex % 35), firmIndex / 35);
  }
}
