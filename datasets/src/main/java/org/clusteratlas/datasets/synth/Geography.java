package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusteratlas.datasets.region.RegionCatalog;
import org.clusteratlas.datasets.region.Sido;
import org.clusteratlas.datasets.region.Sigungu;

/**
 * The map the synthetic firms live on: the current leaf 시군구 with a firm-density weight, the code each
 * leaf carried in every month (so records show the code of their own date), names of current and retired
 * codes, and made-up 읍면동 / road names and postcodes inside each leaf. Built once on the driver from
 * {@link RegionCatalog} and shipped to the tasks.
 */
final class Geography implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Month table range: every record date the generator can produce falls inside. */
  static final YearMonth FIRST_MONTH = YearMonth.of(2014, 1);
  static final int MONTHS = 12 * 15;

  /** Rough share of corporations by 시도 (statistics-office pattern: capital region heavy). */
  private static final Map<String, Double> SIDO_SHARE = Map.ofEntries(
      Map.entry("11", 0.265), Map.entry("41", 0.255), Map.entry("28", 0.045), Map.entry("26", 0.058),
      Map.entry("27", 0.040), Map.entry("30", 0.026), Map.entry("31", 0.018), Map.entry("36", 0.006),
      Map.entry("43", 0.028), Map.entry("44", 0.035), Map.entry("47", 0.042), Map.entry("48", 0.052),
      Map.entry("50", 0.014), Map.entry("51", 0.020), Map.entry("52", 0.024));
  private static final double GWANGJU_SHARE = 0.024;
  private static final double JEONNAM_SHARE = 0.024;

  /** Business districts that hold many more head offices than their population suggests. */
  private static final Map<String, Double> HUBS = Map.ofEntries(
      Map.entry("11680", 3.5), Map.entry("11650", 2.2), Map.entry("11560", 2.0), Map.entry("11140", 1.8),
      Map.entry("11545", 1.8), Map.entry("11530", 1.5), Map.entry("11440", 1.4), Map.entry("11710", 1.5),
      Map.entry("11110", 1.3), Map.entry("41135", 2.2), Map.entry("41273", 1.6), Map.entry("41390", 1.5),
      Map.entry("41463", 1.3), Map.entry("41173", 1.3), Map.entry("30200", 1.5));

  private static final String[] DONG_SYLLABLES = {"신", "중", "동", "서", "남", "북", "대", "송", "학", "월",
      "산", "성", "평", "화", "문", "수", "용", "금", "장", "연", "청", "명", "효", "덕", "봉", "안", "양", "도",
      "상", "하", "원", "정", "구", "석", "미", "오", "운", "진", "마", "방"};
  private static final String[] ROAD_ENDINGS = {"로", "대로", "길", "로", "로"};

  final String[] leafCode;
  final String[] leafSido;
  final boolean[] leafIsGun;
  private final double[] cumulativeWeight;
  private final int[] postBase;
  /** codeAt[leaf][month since FIRST_MONTH] = the code in force on the 20th of that month. */
  private final String[][] codeAt;
  private final Map<String, String> names;
  private final Map<String, Integer> leafIndex;

  private Geography(String[] leafCode, String[] leafSido, boolean[] leafIsGun, double[] weights,
      int[] postBase, String[][] codeAt, Map<String, String> names) {
    this.leafCode = leafCode;
    this.leafSido = leafSido;
    this.leafIsGun = leafIsGun;
    this.cumulativeWeight = RandomStream.cumulative(weights);
    this.postBase = postBase;
    this.codeAt = codeAt;
    this.names = names;
    this.leafIndex = new HashMap<>();
    for (int i = 0; i < leafCode.length; i++) {
      leafIndex.put(leafCode[i], i);
    }
  }

  static Geography from(RegionCatalog catalog) {
    List<Sigungu> leaves = new ArrayList<>(catalog.leafSigungu());
    leaves.sort((a, b) -> a.code().compareTo(b.code()));
    int n = leaves.size();
    String[] codes = new String[n];
    String[] sido = new String[n];
    boolean[] gun = new boolean[n];
    double[] weights = new double[n];
    int[] post = new int[n];
    Map<String, Integer> leavesPerSido = new HashMap<>();
    for (Sigungu s : leaves) {
      leavesPerSido.merge(s.sidoCode(), 1, Integer::sum);
    }
    Map<String, Integer> rankInSido = new HashMap<>();
    String[][] codeAt = new String[n][MONTHS];
    Map<String, String> names = new HashMap<>();
    for (Sido s : catalog.sido()) {
      names.put(s.code(), s.name());
    }
    for (int i = 0; i < n; i++) {
      Sigungu s = leaves.get(i);
      codes[i] = s.code();
      sido[i] = s.sidoCode();
      gun[i] = s.name().endsWith("군");
      weights[i] = weightOf(s, leavesPerSido);
      int rank = rankInSido.merge(s.sidoCode(), 1, Integer::sum) - 1;
      post[i] = postcodeBase(s.code(), rank, leavesPerSido.get(s.sidoCode()));
      for (int m = 0; m < MONTHS; m++) {
        LocalDate day = FIRST_MONTH.plusMonths(m).atDay(20);
        String c = catalog.codeInForce(s.code(), day);
        codeAt[i][m] = c;
        names.computeIfAbsent(c, catalog::nameOf);
        names.computeIfAbsent(c.substring(0, 2), catalog::nameOf);
      }
    }
    return new Geography(codes, sido, gun, weights, post, codeAt, names);
  }

  private static double weightOf(Sigungu s, Map<String, Integer> leavesPerSido) {
    double share;
    if (s.sidoCode().equals("12")) {
      boolean gwangju = s.code().compareTo("12200") > 0 && s.code().compareTo("12400") < 0;
      share = gwangju ? GWANGJU_SHARE / 5 : JEONNAM_SHARE / (leavesPerSido.get("12") - 5);
    } else {
      share = SIDO_SHARE.getOrDefault(s.sidoCode(), 0.01) / leavesPerSido.get(s.sidoCode());
    }
    // a fixed per-leaf jitter (not seed dependent: the map itself is part of the country)
    RandomStream r = RandomStream.of(0, RandomStream.WORLD, Long.parseLong(s.code()), 1);
    double jitter = Math.exp(r.normal(0, 0.45));
    if (s.name().endsWith("군")) {
      jitter *= 0.45;
    }
    return share * jitter * HUBS.getOrDefault(s.code(), 1.0);
  }

  /** Korean 5-digit postcodes start with a 시도-specific range (서울 01–09, 경기 10–18, …). */
  private static int postcodeBase(String code, int rank, int leaves) {
    int[] range = switch (code.substring(0, 2)) {
      case "11" -> new int[] {1000, 8999};
      case "41" -> new int[] {10000, 18999};
      case "28" -> new int[] {21000, 23999};
      case "42", "51" -> new int[] {24000, 26999};
      case "43" -> new int[] {27000, 29999};
      case "36" -> new int[] {30000, 30999};
      case "44" -> new int[] {31000, 33999};
      case "30" -> new int[] {34000, 35999};
      case "47" -> new int[] {36000, 40999};
      case "27" -> new int[] {41000, 43999};
      case "31" -> new int[] {44000, 45999};
      case "26" -> new int[] {46000, 49999};
      case "48" -> new int[] {50000, 53999};
      case "45", "52" -> new int[] {54000, 56999};
      case "12" -> code.compareTo("12200") > 0 && code.compareTo("12400") < 0
          ? new int[] {61000, 62999} : new int[] {57000, 59999};
      case "50" -> new int[] {63000, 63999};
      default -> new int[] {0, 999};
    };
    int width = Math.max(1, (range[1] - range[0]) / Math.max(1, leaves));
    return range[0] + rank * width;
  }

  int leaves() {
    return leafCode.length;
  }

  int indexOf(String currentCode) {
    Integer i = leafIndex.get(currentCode);
    if (i == null) {
      throw new IllegalArgumentException("not a current leaf 시군구 code: " + currentCode);
    }
    return i;
  }

  int drawLeaf(RandomStream r) {
    return r.pickCumulative(cumulativeWeight);
  }

  /** A leaf in the same current 시도 as {@code leaf} (possibly itself when the 시도 has one leaf). */
  int drawLeafInSido(RandomStream r, int leaf) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int other = drawLeaf(r);
      if (leafSido[other].equals(leafSido[leaf]) && other != leaf) {
        return other;
      }
    }
    return leaf;
  }

  static int monthIndex(YearMonth month) {
    int m = (month.getYear() - FIRST_MONTH.getYear()) * 12 + month.getMonthValue() - 1;
    return Math.max(0, Math.min(MONTHS - 1, m));
  }

  /** The 5-digit code the leaf's area carried in {@code month} (on its 20th). */
  String codeIn(int leaf, YearMonth month) {
    return codeAt[leaf][monthIndex(month)];
  }

  String codeIn(int leaf, int monthIndex) {
    return codeAt[leaf][monthIndex];
  }

  String name(String code) {
    String n = names.get(code);
    return n == null ? "" : n;
  }

  /** {@code 경기도 성남시 분당구}; 세종 is written once. */
  String fullName(String code) {
    String sido = name(code.substring(0, 2));
    String sigungu = name(code);
    return sido.equals(sigungu) ? sido : sido + " " + sigungu;
  }

  /** Number of made-up 읍면동 inside a leaf. */
  static final int DONGS = 8;

  /** 읍면동 name k of a leaf: 동 in cities, 읍/면 in 군. */
  String dongName(int leaf, int k) {
    RandomStream r = RandomStream.of(0, RandomStream.WORLD, Long.parseLong(leafCode[leaf]) * 16 + k, 2);
    String stem = r.pick(DONG_SYLLABLES) + r.pick(DONG_SYLLABLES);
    if (leafIsGun[leaf]) {
      return stem + (k == 0 ? "읍" : "면");
    }
    return stem + (k % 3 == 1 ? (k / 3 + 1) + "동" : "동");
  }

  /** 3-digit 읍면동 part of the 법정동 code (동 101.., 읍 250, 면 310..). */
  String dongCode(int leaf, int k) {
    if (leafIsGun[leaf]) {
      return k == 0 ? "250" : String.valueOf(310 + 10 * k);
    }
    return String.valueOf(101 + k);
  }

  /** 3-digit part of the 행정동 code: a different numbering, as in the real files. */
  String adminDongCode(int leaf, int k) {
    if (leafIsGun[leaf]) {
      return k == 0 ? "250" : String.valueOf(310 + 10 * k);
    }
    return String.valueOf(510 + 10 * k);
  }

  String roadName(int leaf, int k) {
    RandomStream r = RandomStream.of(0, RandomStream.WORLD, Long.parseLong(leafCode[leaf]) * 16 + k, 3);
    return r.pick(DONG_SYLLABLES) + r.pick(DONG_SYLLABLES) + r.pick(ROAD_ENDINGS);
  }

  String postcode(int leaf, int k) {
    return String.format("%05d", postBase[leaf] + 7 * k + 1);
  }
}
