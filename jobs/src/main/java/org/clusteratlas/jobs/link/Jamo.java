package org.clusteratlas.jobs.link;

/**
 * Hangul syllables decomposed into their letters (jamo), so an edit distance counts one mistyped vowel
 * as one edit instead of a whole syllable (현대자동차 / 현대자동자 differ by one jamo). Initial and final
 * consonants get distinct code points (the conjoining jamo blocks), so position is kept. Characters that
 * are not precomposed syllables pass through unchanged.
 */
public final class Jamo {
  private Jamo() {}

  private static final int SYLLABLE_BASE = 0xAC00;
  private static final int SYLLABLE_LAST = 0xD7A3;
  private static final int VOWELS_TIMES_FINALS = 21 * 28;
  private static final int FINALS = 28;

  public static String decompose(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < SYLLABLE_BASE || c > SYLLABLE_LAST) {
        out.append(c);
        continue;
      }
      int index = c - SYLLABLE_BASE;
      out.append((char) (0x1100 + index / VOWELS_TIMES_FINALS));
      out.append((char) (0x1161 + index % VOWELS_TIMES_FINALS / FINALS));
      int fin = index % FINALS;
      if (fin > 0) {
        out.append((char) (0x11A7 + fin));
      }
    }
    return out.toString();
  }

  /** Plain Levenshtein distance (used by tests and the driver; Spark uses its built-in levenshtein). */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
