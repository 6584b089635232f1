package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.raw.Layouts;

/**
 * KIPRIS patent applications. Firms file in proportion to their size, R&D intensity and quality (rates are
 * normalised per year and size class so the applicant mix matches KIPO's: SMEs 27%, large firms 20%,
 * mid-sized 5%, universities/public institutes 13%, foreign 21%, Korean individuals 14%); about 10% have a
 * co-applicant. Applications are drafted first and numbered afterwards: serials 10-YYYY-NNNNNNN follow the
 * filing date within the year (ties by a seeded hash), so they are unique and deterministic.
 */
final class KiprisLines implements Serializable {
  private static final long serialVersionUID = 1L;

  static final StructType DRAFT = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("date", DataTypes.IntegerType, false)
      .add("hash", DataTypes.LongType, false)
      .add("uid", DataTypes.LongType, false)
      .add("title", DataTypes.StringType, false)
      .add("ipc", DataTypes.StringType, false)
      .add("codes", DataTypes.StringType, false)
      .add("names", DataTypes.StringType, false)
      .add("addresses", DataTypes.StringType, false)
      .add("inventors", DataTypes.IntegerType, false)
      .add("inventorAddresses", DataTypes.StringType, false)
      .add("crns", DataTypes.StringType, true)
      .add("firmApplicant", DataTypes.BooleanType, false)
      .add("nameDirt", DataTypes.StringType, true);

  /** Target shares of applications by applicant kind. */
  static final double LARGE = 0.20;
  static final double MID = 0.05;
  static final double SME = 0.27;
  static final double PUBLIC = 0.13;
  static final double FOREIGN = 0.21;
  static final double INDIVIDUAL = 0.14;
  static final String[] SIZE_CLASSES = {"대기업", "중견기업", "중소기업"};

  private static final String[] TITLE_ENDINGS = {" 및 그 제조 방법", "를 위한 장치 및 방법", " 시스템", " 장치",
      " 조성물", " 제어 방법", "의 구조", " 모듈"};
  private static final String[] TITLE_OBJECTS = {"반도체 소자", "표시 장치", "이차전지 전극", "영상 처리", "무선 통신",
      "항체", "의료 기기", "차량 제어", "선박 구조물", "강판", "공작 기계", "로봇 팔", "센서", "식품", "고분자 수지",
      "촉매", "태양전지", "데이터 처리", "사용자 인증", "건축 구조물", "포장 용기", "조명 장치", "열교환기", "필터"};
  private static final String[] PUBLIC_DIVISIONS = {"26", "21", "20", "70", "27", "28", "62", "29", "24", "35"};
  private static final String[] INDIVIDUAL_IPC = {"A47J", "A61H", "A01K", "E04F", "B65D", "A45C", "G09B", "A63B",
      "A47G", "B62B"};
  private static final String[] FOREIGN_IPC = {"G06F", "H04W", "H01L", "A61K", "C07D", "B60W", "H04N", "F02C",
      "C08L", "G02B"};
  private static final String[] FOREIGN_BASES = {"퀄컴", "애플", "인텔", "소니", "파나소닉", "히타치", "도요타", "혼다",
      "지멘스", "보쉬", "바스프", "바이엘", "노바티스", "로슈", "화이자", "머크", "마이크로소프트", "구글", "엔비디아",
      "캐논", "니콘", "후지필름", "화웨이", "에릭슨", "노키아", "필립스", "다우", "듀폰", "허니웰", "램리서치"};
  private static final String[] FOREIGN_COUNTRY = {"미국", "미국", "일본", "일본", "독일", "독일", "독일", "스위스",
      "독일", "스위스", "미국", "미국", "미국", "미국", "미국", "미국", "미국", "미국", "미국", "일본", "일본", "일본",
      "중국", "스웨덴", "핀란드", "네덜란드", "미국", "미국", "미국", "미국"};
  private static final String[] FOREIGN_LINES = {"", " 테크놀로지", " 일렉트로닉스", " 케미칼", " 헬스케어",
      " 머티리얼즈", " 오토모티브", " 디바이시즈"};

  private static final DirtType[] OTHER_DIRT = {DirtType.DUPLICATE_ROW, DirtType.MALFORMED_DATE,
      DirtType.TRUNCATED_LINE};

  private final World world;
  private final FileCatalog catalog;
  private final double[] otherRates;

  KiprisLines(World world, FileCatalog catalog) {
    this.world = world;
    this.catalog = catalog;
    DirtRates d = world.dirt;
    otherRates = new double[] {d.duplicateRow(), d.malformedDate(), d.truncatedLine()};
  }

  /** Applications filed in {@code year} nationally (≈240k at scale 1, growing 1.5% a year). */
  long target(int year) {
    return Math.round(World.NATIONAL_PATENTS * world.config.scale() * (1 + 0.015 * (year - 2020)));
  }

  static int sizeClassIndex(String sizeClass) {
    return switch (sizeClass) {
      case "대기업" -> 0;
      case "중견기업" -> 1;
      default -> 2;
    };
  }

  static double classShare(int sizeClass) {
    return sizeClass == 0 ? LARGE : sizeClass == 1 ? MID : SME;
  }

  /** Fixed-point patent rate (exact integer sums, so normalisation never depends on partitioning). */
  static long fixedPoint(double rate) {
    return Math.round(rate * 1e6);
  }

  /** Firm applications; {@code factor[year index]} turns the firm's rate into an expected count. */
  List<Row> drafts(Firm f, double[] factor) {
    GeneratorConfig c = world.config;
    List<Row> out = new ArrayList<>();
    Geography geo = world.geography;
    IndustryTable industry = world.industry;
    for (int y = c.firstYear(); y <= c.lastYear(); y++) {
      int i = y - c.firstYear();
      double expected = fixedPoint(f.patentRate()[i]) / 1e6 * factor[i];
      if (expected <= 0) {
        continue;
      }
      long base = (f.index() * 12 + (y - 2015)) * 1_000_000L;
      RandomStream count = RandomStream.of(c.seed(), RandomStream.PATENT, base, 0);
      int n = Math.min(999_999, count.poisson(expected));
      for (int j = 0; j < n; j++) {
        long uid = base + j;
        RandomStream r = RandomStream.of(c.seed(), RandomStream.PATENT, uid, 1);
        int date = y * 10_000 + r.between(1, 12) * 100 + r.between(1, 28);
        int month = world.monthOf(date);
        int leaf = f.leafAt(month);
        String code = world.codeAt(leaf, month);
        String name = NameStyle.reported(f.stem(), f.suffix(), f.form(), f.legalPrefix(), NameStyle.Style.KIPRIS,
            world.dirt, r);
        double u0 = r.uniform();
        DirtType nameDirt = null;
        if (u0 < world.dirt.typo()) {
          name = NameStyle.typo(name, r);
          nameDirt = DirtType.TYPO;
        } else if (u0 < world.dirt.typo() + world.dirt.englishName()) {
          name = f.englishName();
          nameDirt = DirtType.ENGLISH_NAME;
        }
        List<String> codes = new ArrayList<>(List.of(IdFactory.firmApplicantCode(f.index())));
        List<String> names = new ArrayList<>(List.of(name));
        List<String> addresses = new ArrayList<>(List.of(geo.fullName(code) + "..."));
        String crns = f.crn();
        if (r.chance(0.10)) {
          double u = r.uniform();
          if (u < 0.6) {
            Organisations.Org org = world.organisations.draw(r, u < 0.4
                ? Organisations.Kind.UNIVERSITY : Organisations.Kind.GRI);
            codes.add(org.applicantCode());
            names.add(org.kiprisName());
            addresses.add(geo.fullName(world.codeAt(org.leaf(), month)) + "...");
          } else {
            codes.add(IdFactory.applicantCode(4, 1990 + (int) (f.index() % 35), f.index() / 35));
            names.add(f.ceo());
            addresses.add(geo.fullName(code) + "...");
          }
          crns += "|";
        }
        String ipc = ipc(industry.ipc[f.division()], r);
        out.add(draft(y, date, uid, title(r), ipc, codes, names, addresses, inventors(r, leaf, month), crns,
            nameDirt));
      }
    }
    return out;
  }

  /**
   * Non-firm application {@code k} of a year: {@code kind} 0 = university or public institute, 1 = foreign
   * applicant, 2 = Korean individual.
   */
  Row draft(int year, int kind, long k) {
    GeneratorConfig c = world.config;
    Geography geo = world.geography;
    long uid = 1_000_000_000_000_000L + ((kind * 12L + (year - 2015)) * 100_000_000L + k);
    RandomStream r = RandomStream.of(c.seed(), RandomStream.PATENT, uid, 1);
    int date = year * 10_000 + r.between(1, 12) * 100 + r.between(1, 28);
    int month = world.monthOf(date);
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    String ipc;
    List<String> inventors;
    if (kind == 0) {
      double u = r.uniform();
      Organisations.Org org = world.organisations.draw(r, u < 0.65 ? Organisations.Kind.UNIVERSITY
          : u < 0.95 ? Organisations.Kind.GRI : Organisations.Kind.NATIONAL);
      codes.add(org.applicantCode());
      names.add(org.kiprisName());
      addresses.add(geo.fullName(world.codeAt(org.leaf(), month)) + "...");
      ipc = ipc(world.industry.ipc[world.industry.indexOf(r.pick(PUBLIC_DIVISIONS))], r);
      inventors = inventors(r, org.leaf(), month);
    } else if (kind == 1) {
      long pool = Math.max(60, Math.round(4_000 * c.scale()));
      long p = (long) (pool * Math.pow(r.uniform(), 2));
      int base = (int) (p % FOREIGN_BASES.length);
      String country = FOREIGN_COUNTRY[base];
      String line = FOREIGN_LINES[(int) (p / FOREIGN_BASES.length % FOREIGN_LINES.length)];
      codes.add(IdFactory.applicantCode(5, 1990 + (int) (p % 35), p / 35));
      names.add(FOREIGN_BASES[base] + line + " " + foreignForm(country, p));
      addresses.add(country);
      ipc = ipc(FOREIGN_IPC, r);
      int n = 1 + r.poisson(2.0);
      inventors = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        inventors.add(country);
      }
    } else {
      long pool = Math.max(200, Math.round(60_000 * c.scale()));
      long p = (long) (pool * r.uniform());
      RandomStream person = RandomStream.of(c.seed(), RandomStream.PATENT, p, 9);
      int leaf = world.geography.drawLeaf(person);
      codes.add(IdFactory.applicantCode(4, 1990 + (int) (p % 35), 600_000 + p / 35));
      names.add(NameStyle.person(person));
      addresses.add(geo.fullName(world.codeAt(leaf, month)) + "...");
      ipc = ipc(INDIVIDUAL_IPC, r);
      inventors = new ArrayList<>(List.of(geo.fullName(world.codeAt(leaf, month)) + "..."));
    }
    return draft(year, date, uid, title(r), ipc, codes, names, addresses, inventors, null, null);
  }

  private static String foreignForm(String country, long p) {
    return switch (country) {
      case "미국" -> p % 3 == 0 ? "인코포레이티드" : p % 3 == 1 ? "코포레이션" : "엘엘씨";
      case "일본" -> "가부시키가이샤";
      case "독일" -> p % 2 == 0 ? "악티엔게젤샤프트" : "게엠베하";
      case "중국" -> "컴퍼니 리미티드";
      case "네덜란드" -> "엔.브이.";
      case "스위스" -> "아게";
      default -> "에이비";
    };
  }

  private Row draft(int year, int date, long uid, String title, String ipc, List<String> codes, List<String> names,
      List<String> addresses, List<String> inventors, String crns, DirtType nameDirt) {
    long hash = RandomStream.key(world.config.seed(), RandomStream.PATENT, uid, 2);
    return RowFactory.create(year, date, hash, uid, title, ipc, String.join(Layouts.MULTI, codes),
        String.join(Layouts.MULTI, names), String.join(Layouts.MULTI, addresses), inventors.size(),
        String.join(Layouts.MULTI, inventors), crns, crns != null,
        nameDirt == null ? null : nameDirt.label);
  }

  private List<String> inventors(RandomStream r, int leaf, int month) {
    int n = Math.min(10, 1 + r.poisson(1.8));
    List<String> out = new ArrayList<>(n);
    Geography geo = world.geography;
    for (int i = 0; i < n; i++) {
      double u = r.uniform();
      int at = u < 0.7 ? leaf : u < 0.9 ? geo.drawLeafInSido(r, leaf) : geo.drawLeaf(r);
      out.add(geo.fullName(world.codeAt(at, month)) + "...");
    }
    return out;
  }

  private static String title(RandomStream r) {
    String object = r.pick(TITLE_OBJECTS);
    String ending = r.pick(TITLE_ENDINGS);
    char last = object.charAt(object.length() - 1);
    boolean closed = NameStyle.isSyllable(last) && (last - 0xAC00) % 28 != 0;
    if (ending.startsWith("를") && closed) {
      ending = "을" + ending.substring(1);
    } else if (ending.startsWith("의") || !closed) {
      ending = ending.replace("을 ", "를 ");
    }
    return object + ending;
  }

  /** 1–3 IPC symbols from the subclasses of the applicant's industry, first listed first. */
  private String ipc(String[] subclasses, RandomStream r) {
    int n = r.chance(0.5) ? 1 : r.between(2, 3);
    Set<String> symbols = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      String subclass = subclasses[r.below(subclasses.length)];
      String[] named = world.industry.ipcMainGroups.get(subclass);
      boolean whole = world.industry.ipcWholeSubclasses.contains(subclass);
      String group = named != null && (!whole || r.chance(0.5)) ? r.pick(named) : String.valueOf(1 + r.below(40));
      int sub = r.chance(0.3) ? 0 : 2 * r.between(1, 40);
      symbols.add(subclass + " " + group + "/" + String.format("%02d", sub));
    }
    return String.join(Layouts.MULTI, symbols);
  }

  /** The finished row, once the application has its serial number within the year. */
  Row line(Row draft, int serial) {
    GeneratorConfig c = world.config;
    int year = draft.getInt(0);
    int date = draft.getInt(1);
    long uid = draft.getLong(3);
    RandomStream r = RandomStream.of(c.seed(), RandomStream.PATENT, uid, 3);
    int extract = c.npsLastMonth().atEndOfMonth().getYear() * 10_000 + c.npsLastMonth().getMonthValue() * 100
        + c.npsLastMonth().atEndOfMonth().getDayOfMonth();
    String number = String.format("10-%d-%07d", year, serial);
    int published = Cells.plusMonths(date, 18);
    boolean isPublished = published <= extract;
    String status = "공개";
    String registration = "";
    String registrationDate = "";
    double fate = r.uniform();
    int decided = Cells.plusMonths(date, r.between(12, 40));
    if (decided <= extract) {
      if (fate < 0.62) {
        status = Cells.plusMonths(decided, 36) <= extract && r.chance(0.15) ? "소멸" : "등록";
        registration = String.format("10-%07d-0000", 2_000_000 + (year - 2015) * 600_000 + serial);
        registrationDate = Cells.dotted(decided);
      } else if (fate < 0.77) {
        status = "거절";
      } else if (fate < 0.87) {
        status = "취하";
      } else if (fate < 0.92) {
        status = "포기";
      }
    }
    String[] cells = {
        number, Cells.dotted(date), draft.getString(4), draft.getString(5), draft.getString(6), draft.getString(7),
        draft.getString(8), String.valueOf(draft.getInt(9)), draft.getString(10),
        isPublished ? String.format("10-%d-%07d", published / 10_000, serial + (year % 2 == 1 ? 5_000_000 : 0)) : "",
        isPublished ? Cells.dotted(published) : "", registration, registrationDate, status};
    DirtType dirt = draft.isNullAt(13) ? DirtType.draw(r, OTHER_DIRT, otherRates)
        : DirtType.ofLabel(draft.getString(13));
    if (dirt == DirtType.MALFORMED_DATE) {
      cells[1] = LineBytes.badDate(cells[1]);
    }
    int fid = catalog.kipris(year);
    return SourceFileWriter.row(fid, serial, uid, LineBytes.render(cells, Layouts.UTF8, dirt, 5),
        draft.isNullAt(11) ? null : draft.getString(11), dirt);
  }
}
