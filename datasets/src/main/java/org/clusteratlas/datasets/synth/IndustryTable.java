package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusteratlas.datasets.industry.Ksic;
import org.clusteratlas.datasets.industry.NtsIndustry;
import org.clusteratlas.datasets.industry.ScienceClass;
import org.clusteratlas.datasets.tech.IpcConcordance;

/**
 * What a KSIC division means for a synthetic firm: how common it is (nationally and by region type), the
 * name suffixes firms of that trade use, revenue per worker and wage, how R&D- and patent-intensive it
 * is, the IPC subclasses its patents fall in, its science class and 6T for NTIS, and the NTS 업종코드 NPS
 * shows for it. Numbers are rough orders of magnitude for Korea, chosen to make the data look plausible;
 * they are not statistics.
 */
final class IndustryTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * division | national share of corporations (%) | name suffixes | revenue per worker (억원) | monthly
   * wage (만원) | R&D intensity 0..1 | IPC subclasses of its patents | science class | 6T.
   * The KSIC-division → IPC table is the generator's documented choice (README), used so that the IPC
   * of a firm's patents agree with its industry.
   */
  private static final String TABLE = """
      01|0.6|농산,팜,영농|1.5|230|0.10|A01G,A01K,A23L|LB|02
      02|0.1|임업,산림|1.2|230|0.02|A01G|LB|05
      03|0.2|수산,씨푸드|1.5|230|0.05|A01K,A23L|LB|02
      05|0.02|자원,에너지|4.0|350|0.02|E21B|EF|05
      06|0.02|광업,자원|3.0|330|0.02|E21C|EF|07
      07|0.1|광업,석재|2.5|300|0.02|E21C,B28D|EF|07
      08|0.05|광업|2.0|280|0.01|E21C|EF|07
      10|2.0|식품,푸드,에프앤비|3.0|260|0.25|A23L,A23C,A21D,C12G|LB|02
      11|0.3|음료,주류,양조|3.5|270|0.15|C12C,C12G,A23F|LB|02
      12|0.01|담배|5.0|400|0.05|A24B|LB|07
      13|0.8|섬유,텍스타일|2.0|250|0.25|D01F,D03D,D04H|EB|03
      14|0.8|어패럴,패션|2.0|240|0.10|A41D,A41B|SC|06
      15|0.3|가죽,슈즈|2.0|240|0.10|A43B,A45C|EB|07
      16|0.3|목재,우드|2.5|250|0.05|B27N,E04F|EB|07
      17|0.4|제지,페이퍼|3.0|280|0.15|D21H,B65D|EC|05
      18|0.5|인쇄,프린팅|1.8|250|0.05|B41M,B41J|SC|06
      19|0.05|정유,석유|20.0|500|0.20|C10G,C10L|EC|05
      20|1.0|화학,케미칼,소재|5.0|340|0.55|C07C,C08F,C08L,C09D,C09K,C01B|EC|03
      21|0.4|제약,바이오,헬스케어,파마|3.5|360|0.85|A61K,A61P,C07D,C07K,C12N|LC|02
      22|1.5|플라스틱,화성,폴리텍|2.8|270|0.35|B29C,C08J,C08L,B32B|EB|03
      23|0.7|세라믹,글라스,요업|3.0|280|0.30|C04B,C03C,C03B|EB|03
      24|0.7|금속,철강,스틸,메탈|5.0|360|0.35|C21D,C22C,C22B,B22D,B21B|EB|03
      25|3.0|금속,정공,테크,산업|2.2|270|0.35|B21D,B23K,F16B,B23P,E04B|EA|07
      26|2.0|전자,반도체,디스플레이,테크,일렉트로닉스|4.0|380|0.90|H01L,G06F,H04N,G09G,H05K,G02F|ED|01
      27|1.2|메디칼,정밀,광학,계측|2.8|320|0.85|A61B,G01N,G01B,A61F,G02B,G01R|LC|02
      28|1.5|전기,전장,에너지,파워|3.0|300|0.60|H01M,H02J,H01R,H02K,F21V,H01H|ED|05
      29|3.5|기계,정밀,엔지니어링,기공,로보틱스|2.6|300|0.60|F16H,B25J,F04B,B23Q,F16K,B65G|EA|07
      30|1.5|오토텍,모빌리티,자동차,오토|3.5|340|0.60|B60W,B60L,B62D,F02M,B60R,F16D|EA|07
      31|0.5|조선,중공업,마린,항공|3.5|360|0.45|B63B,B63H,B64C,B61L,B64D|EA|04
      32|0.4|가구,퍼니처|1.8|240|0.10|A47C,A47B|EA|07
      33|0.6|산업,디자인,토이|1.8|240|0.20|A63H,A63B,G09F|EA|06
      34|0.3|정비,엔지니어링|1.5|260|0.05|B23P,F16M|EA|07
      35|1.0|에너지,솔라,발전,파워|8.0|380|0.30|H02J,F03D,H02S,H01M|EF|05
      36|0.05|수자원,워터|3.0|300|0.20|C02F,E03B|EH|05
      37|0.2|환경,하수|2.0|270|0.20|C02F,E03F|EH|05
      38|0.8|환경,리사이클링,자원|2.0|260|0.20|B09B,C22B,B03B|EH|05
      39|0.1|환경,그린|1.8|260|0.25|B09C,C02F|EH|05
      41|4.5|건설,종합건설,개발,주택|3.0|300|0.05|E04B,E04G,E02D,E01C|EI|07
      42|7.0|건설,이엔지,설비,전기공사,인테리어|2.2|290|0.05|E04F,F24F,H02G|EI|07
      45|1.5|모터스,오토,카|4.0|260|0.02|B60R|EI|07
      46|14.0|상사,무역,트레이딩,유통,인터내셔널|6.0|270|0.05|G06Q,B65D,A47J|SB|07
      47|5.0|마트,리테일,유통,상회|3.0|220|0.03|G06Q,A47J|SB|07
      49|2.0|운수,물류,교통,택배|1.0|260|0.03|B60P,G08G|EI|07
      50|0.2|해운,마린|5.0|350|0.03|B63B|EI|07
      51|0.05|항공,에어|5.0|450|0.05|B64D|EI|04
      52|1.5|로지스,물류,창고|2.5|270|0.05|B65G,G06Q|EI|07
      55|0.6|호텔,리조트,관광|1.0|220|0.02|A47C|SC|06
      56|2.0|푸드,에프앤비,외식|0.8|210|0.02|A47J,A23L|SC|06
      58|3.0|소프트,소프트웨어,랩스,게임즈,미디어|2.0|380|0.80|G06F,G06Q,G06N,H04L,G06T|EE|01
      59|0.8|미디어,픽쳐스,엔터테인먼트,스튜디오|2.0|300|0.20|H04N,G06T|SC|06
      60|0.1|방송,미디어|3.0|400|0.20|H04N,H04H|SC|06
      61|0.3|텔레콤,통신,네트웍스|4.0|400|0.60|H04L,H04W,H04B|EE|01
      62|4.0|정보,시스템,솔루션,아이티,데이타,테크|1.8|360|0.80|G06F,G06Q,G06N,H04L,G06V|EE|01
      63|1.0|데이터,플랫폼,넷,인포|2.0|380|0.60|G06Q,H04L,G06F|EE|01
      64|0.6|캐피탈,인베스트먼트,파이낸스|10.0|500|0.02|G06Q|SB|07
      65|0.1|보험,라이프|10.0|450|0.02|G06Q|SB|07
      66|1.2|에셋,파트너스,자산운용|5.0|450|0.03|G06Q|SB|07
      68|6.0|개발,부동산,디앤씨,홀딩스|3.0|280|0.01|E04B|SB|07
      70|1.0|연구소,바이오,랩,테크|1.5|380|0.95|C12N,G01N,A61K,H01L,G06N|LA|02
      71|3.0|컨설팅,회계법인,파트너스,세무|1.5|330|0.10|G06Q|SB|07
      72|3.0|엔지니어링,건축사사무소,기술|1.6|320|0.30|E04B,E01D,G01V,E02D|EI|07
      73|2.0|디자인,애드,컴퍼니,기획|1.4|290|0.20|G06Q,G09F|SC|06
      74|1.0|환경,관리,시설|0.7|220|0.02|E04G,A47L|EI|07
      75|3.0|서비스,아웃소싱,에이전시,여행|0.8|220|0.03|G06Q|SB|07
      76|0.5|렌탈,리스|3.0|270|0.03|G06Q|SB|07
      84|0.02|공사,공단|2.0|400|0.05|G06Q|SB|07
      85|1.5|에듀,교육,아카데미,러닝|0.8|250|0.10|G09B,G06Q|SA|06
      86|0.5|의료,메디컬,헬스|1.0|350|0.15|A61B,A61H|LC|02
      87|0.3|케어,복지|0.6|210|0.02|A61G|LC|07
      90|0.6|엔터테인먼트,아트,컬처|1.0|250|0.10|A63J,G10H|SC|06
      91|0.9|스포츠,레저,골프|1.0|230|0.05|A63B|SC|06
      94|0.1|협회|0.8|250|0.02|G06Q|SB|07
      95|0.3|서비스,수리|1.0|230|0.05|B23P|EA|07
      96|1.0|서비스,뷰티,라이프|0.8|210|0.05|A45D|SC|07
      97|0.01|서비스|0.5|200|0.00|A47L|SB|07
      98|0.01|서비스|0.5|200|0.00|A47L|SB|07
      99|0.01|인터내셔널|2.0|400|0.00|G06Q|SB|07
      """;

  /** Divisions without an NTS row of their own borrow a neighbour's 업종코드 (the crosswalk is lossy). */
  private static final Map<String, String> NTS_FALLBACK = Map.ofEntries(Map.entry("08", "07"),
      Map.entry("11", "10"), Map.entry("21", "20"), Map.entry("33", "32"), Map.entry("34", "29"),
      Map.entry("37", "38"), Map.entry("39", "38"), Map.entry("42", "41"), Map.entry("59", "58"),
      Map.entry("60", "58"), Map.entry("63", "62"), Map.entry("72", "71"), Map.entry("73", "71"),
      Map.entry("74", "71"), Map.entry("75", "71"), Map.entry("87", "86"), Map.entry("90", "91"),
      Map.entry("95", "96"), Map.entry("98", "97"));

  final String[] division;
  final String[] nameKo;
  final double[] nationalShare;
  final String[][] suffixes;
  final double[] revenuePerWorker;
  final double[] wage;
  final double[] rndIntensity;
  final String[][] ipc;
  /** Main groups the WIPO concordance names for a subclass (drawn now and then for realism). */
  final Map<String, String[]> ipcMainGroups = new HashMap<>();
  /** Subclasses the concordance maps as a whole; for the others only the named main groups map. */
  final java.util.Set<String> ipcWholeSubclasses = new java.util.HashSet<>();
  final String[] scienceClass;
  final String[] sixT;
  final String[][] ntsCodes;
  final String[][] ntsNames;
  private final Map<String, Integer> index = new HashMap<>();
  /** Cumulative division weights for the three region types (see {@link #regionType}). */
  private final double[][] cumulative = new double[3][];

  private IndustryTable(List<String[]> rows, Ksic ksic, NtsIndustry nts, ScienceClass science,
      IpcConcordance concordance) {
    java.util.Set<String> known = new java.util.HashSet<>();
    Map<String, List<String>> groups = new HashMap<>();
    for (IpcConcordance.Row r : concordance.rows()) {
      known.add(r.subclass());
      if (r.mainGroup() == null) {
        ipcWholeSubclasses.add(r.subclass());
      } else {
        groups.computeIfAbsent(r.subclass(), k -> new ArrayList<>()).add(r.mainGroup());
      }
    }
    groups.forEach((k, v) -> ipcMainGroups.put(k, v.toArray(new String[0])));
    int n = rows.size();
    division = new String[n];
    nameKo = new String[n];
    nationalShare = new double[n];
    suffixes = new String[n][];
    revenuePerWorker = new double[n];
    wage = new double[n];
    rndIntensity = new double[n];
    ipc = new String[n][];
    scienceClass = new String[n];
    sixT = new String[n];
    ntsCodes = new String[n][];
    ntsNames = new String[n][];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i);
      division[i] = f[0];
      index.put(f[0], i);
      nameKo[i] = ksic.division(f[0]).map(Ksic.Division::nameKo).orElse(f[0]);
      nationalShare[i] = Double.parseDouble(f[1]);
      suffixes[i] = f[2].split(",");
      revenuePerWorker[i] = Double.parseDouble(f[3]) * 1e8;
      wage[i] = Double.parseDouble(f[4]) * 1e4;
      rndIntensity[i] = Double.parseDouble(f[5]);
      ipc[i] = java.util.Arrays.stream(f[6].split(",")).filter(known::contains).toArray(String[]::new);
      if (ipc[i].length == 0) {
        ipc[i] = new String[] {"G06Q"};
      }
      scienceClass[i] = science.top(f[7]).isPresent() ? f[7] : science.top().get(0).code();
      sixT[i] = f[8];
      List<String> codes = nts.ntsCodesFor(f[0]);
      if (codes.isEmpty() && NTS_FALLBACK.containsKey(f[0])) {
        codes = nts.ntsCodesFor(NTS_FALLBACK.get(f[0]));
      }
      if (codes.isEmpty()) {
        codes = List.of("999999");
      }
      ntsCodes[i] = codes.toArray(new String[0]);
      ntsNames[i] = new String[codes.size()];
      for (int k = 0; k < codes.size(); k++) {
        String name = nts.name(codes.get(k));
        if (name == null || codes.get(k).equals("999999")) {
          name = "BIZ_NO미존재사업장";
        }
        int cut = name.indexOf(" (업종 중분류");
        ntsNames[i][k] = cut > 0 ? name.substring(0, cut) : name;
      }
    }
    for (int type = 0; type < 3; type++) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = nationalShare[i] * regionFactor(type, division[i]);
      }
      cumulative[type] = RandomStream.cumulative(w);
    }
  }

  static IndustryTable load() {
    Ksic ksic = Ksic.load();
    List<String[]> rows = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] f = line.strip().split("\\|");
      if (ksic.division(f[0]).isPresent()) {
        rows.add(f);
      }
    }
    return new IndustryTable(rows, ksic, NtsIndustry.load(), ScienceClass.load(), IpcConcordance.load());
  }

  int size() {
    return division.length;
  }

  int indexOf(String div) {
    Integer i = index.get(div);
    if (i == null) {
      throw new IllegalArgumentException("unknown KSIC division " + div);
    }
    return i;
  }

  /** 0 = Seoul and metropolitan core (services heavy), 1 = industrial provinces, 2 = rural provinces. */
  static int regionType(String sidoCode) {
    return switch (sidoCode) {
      case "11", "26", "27", "30" -> 0;
      case "41", "28", "31", "43", "44", "47", "48", "36" -> 1;
      default -> 2;
    };
  }

  private static double regionFactor(int type, String div) {
    int d = Integer.parseInt(div);
    boolean manufacturing = d >= 10 && d <= 34;
    boolean knowledge = d >= 58 && d <= 73;
    boolean primary = d <= 8;
    boolean tourism = d == 55 || d == 56 || d == 91;
    return switch (type) {
      case 0 -> manufacturing ? 0.45 : knowledge ? 1.5 : primary ? 0.2 : 1.1;
      case 1 -> manufacturing ? 1.6 : knowledge ? 0.7 : primary ? 1.0 : 0.9;
      default -> manufacturing ? 0.9 : knowledge ? 0.4 : primary ? 3.0 : tourism ? 2.0 : 1.0;
    };
  }

  int drawDivision(RandomStream r, String sidoCode) {
    return r.pickCumulative(cumulative[regionType(sidoCode)]);
  }

  boolean isManufacturing(int i) {
    int d = Integer.parseInt(division[i]);
    return d >= 10 && d <= 34;
  }

  boolean isConstruction(int i) {
    return division[i].equals("41") || division[i].equals("42");
  }
}
