package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.raw.Layouts;

/**
 * NTIS rows: one per project and performing organisation. A firm's grant-years (from {@link Firm#projects})
 * become projects it leads (주관, with 0–2 university/institute participants) or joins (참여, led by a
 * university or institute); the remaining projects of a year are led and staffed by universities and
 * institutes only. At most one firm per project. Government funding per project is lognormal (median ≈
 * 1.0억, σ 1.64: mean ≈ 3.8억, ≈ 34% under 5천만원). Project numbers are 10 digits, unique by construction.
 */
final class NtisLines implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final long ID_SPACE = 9_000_000_000L;
  private static final long ID_MULT = IdFactory.coprime(6_700_417_123L, ID_SPACE);

  /** 부처명 | 사업명 | 내역사업명 | 전문기관명. */
  private static final String[][] PROGRAMS = {
      {"중소벤처기업부", "중소기업기술혁신개발", "혁신역량형", "중소기업기술정보진흥원"},
      {"중소벤처기업부", "창업성장기술개발", "디딤돌", "중소기업기술정보진흥원"},
      {"산업통상자원부", "산업기술혁신사업", "소재부품기술개발", "한국산업기술평가관리원"},
      {"산업통상자원부", "에너지기술개발사업", "신재생에너지핵심기술개발", "한국에너지기술평가원"},
      {"과학기술정보통신부", "개인기초연구(과기정통부)", "중견연구", "한국연구재단"},
      {"과학기술정보통신부", "정보통신방송혁신인재양성", "대학ICT연구센터육성", "정보통신기획평가원"},
      {"과학기술정보통신부", "출연연 주요사업", "기관고유사업", "국가과학기술연구회"},
      {"교육부", "이공학학술연구기반구축", "기초연구실", "한국연구재단"},
      {"보건복지부", "보건의료기술연구개발", "질환극복기술개발", "한국보건산업진흥원"},
      {"농림축산식품부", "농림식품기술사업화지원", "고부가가치식품기술개발", "농림식품기술기획평가원"},
      {"해양수산부", "해양수산기술개발", "해양바이오", "해양수산과학기술진흥원"},
      {"환경부", "환경기술개발", "생활환경기술", "한국환경산업기술원"},
      {"국토교통부", "국토교통기술촉진연구", "국토교통기술사업화", "국토교통과학기술진흥원"}};

  private static final String[] KEYWORDS = {"인공지능", "빅데이터", "딥러닝", "사물인터넷", "나노소재", "바이오마커",
      "수소", "이차전지", "자율주행", "스마트", "친환경", "고효율", "초고속", "저전력", "고정밀", "디지털트윈", "차세대",
      "유전체", "세포치료", "초경량", "고내열", "무선", "클라우드", "양자"};
  private static final String[] OBJECTS = {"반도체 공정", "디스플레이 패널", "배터리 셀", "의료영상", "신약 후보물질",
      "용접 로봇", "선박 추진장치", "철강 소재", "제조 공정", "물류 시스템", "작물 재배", "수처리 장치", "전력변환 장치",
      "센서 모듈", "콘텐츠 플랫폼", "진단키트", "정밀 부품", "복합소재", "에너지 저장장치", "통신 모듈"};
  private static final String[] ACTIONS = {"개발", "기술 개발", "실증", "고도화", "상용화", "핵심기술 개발",
      "원천기술 개발", "플랫폼 구축"};

  private static final DirtType[] FIRM_DIRT = {DirtType.TYPO, DirtType.ENGLISH_NAME, DirtType.MISSING_BRN,
      DirtType.INVALID_BRN, DirtType.DUPLICATE_ROW, DirtType.MALFORMED_DATE, DirtType.MALFORMED_NUMBER,
      DirtType.NEGATIVE_AMOUNT, DirtType.TRUNCATED_LINE};
  private static final DirtType[] ORG_DIRT = {DirtType.DUPLICATE_ROW, DirtType.MALFORMED_DATE,
      DirtType.MALFORMED_NUMBER, DirtType.NEGATIVE_AMOUNT, DirtType.TRUNCATED_LINE};

  private final World world;
  private final FileCatalog catalog;
  private final double[] firmRates;
  private final double[] orgRates;

  NtisLines(World world, FileCatalog catalog) {
    this.world = world;
    this.catalog = catalog;
    DirtRates d = world.dirt;
    firmRates = new double[] {d.typo(), d.englishName(), d.ntisMissingBrn(), d.ntisInvalidBrn(), d.duplicateRow(),
        d.malformedDate(), d.malformedNumber(), d.negativeAmount(), d.truncatedLine()};
    orgRates = new double[] {d.duplicateRow(), d.malformedDate(), d.malformedNumber(), d.negativeAmount(),
        d.truncatedLine()};
  }

  /** Target number of projects in a year (75k at scale 1 around 2021, growing ~2% a year). */
  long projectsTarget(int year) {
    return Math.round(World.NATIONAL_PROJECTS * world.config.scale() * (1 + 0.02 * (year - 2021)));
  }

  static long projectNumber(long composite) {
    return 1_000_000_000L + IdFactory.scramble(composite, ID_MULT, ID_SPACE);
  }

  /** Shared attributes of one project. */
  private record Project(long composite, int year, String number, String title, String[] program, String stage,
      String science, String scienceMid, String sixT, int start, int end, long funding) {}

  private Project project(long composite, int year, int division, boolean firmLed, RandomStream r) {
    IndustryTable industry = world.industry;
    String title = r.pick(KEYWORDS) + " 기반 " + r.pick(OBJECTS) + " " + r.pick(ACTIONS);
    String[] program;
    String stage;
    if (firmLed) {
      String div = industry.division[division];
      program = switch (div) {
        case "21", "27", "86" -> r.chance(0.4) ? PROGRAMS[8] : PROGRAMS[r.below(3)];
        case "01", "02", "03", "10", "11" -> r.chance(0.5) ? PROGRAMS[9] : PROGRAMS[r.below(2)];
        case "31", "50" -> r.chance(0.4) ? PROGRAMS[10] : PROGRAMS[r.below(3)];
        case "35", "28" -> r.chance(0.4) ? PROGRAMS[3] : PROGRAMS[r.below(3)];
        case "37", "38", "39" -> r.chance(0.5) ? PROGRAMS[11] : PROGRAMS[r.below(2)];
        case "41", "42", "72" -> r.chance(0.5) ? PROGRAMS[12] : PROGRAMS[r.below(2)];
        default -> PROGRAMS[r.below(3)];
      };
      double u = r.uniform();
      stage = u < 0.7 ? "개발연구" : u < 0.9 ? "응용연구" : "기타";
    } else {
      program = PROGRAMS[3 + r.below(PROGRAMS.length - 3)];
      double u = r.uniform();
      stage = u < 0.5 ? "기초연구" : u < 0.8 ? "응용연구" : u < 0.95 ? "개발연구" : "기타";
    }
    String science = industry.scienceClass[division];
    String mid = science + String.format("%02d", r.between(1, 12));
    int start = year * 10_000 + r.between(3, 6) * 100 + 1;
    int end = r.chance(0.7) ? year * 10_000 + 1231 : (year + 1) * 10_000 + r.between(2, 5) * 100 + 28;
    double gov = Math.exp(r.normal(Math.log(1.0e8), 1.64));
    long funding = Math.round(Math.max(5e6, Math.min(3e10, gov)) / 1000) * 1000;
    return new Project(composite, year, String.valueOf(projectNumber(composite)), title, program, stage, science,
        mid, industry.sixT[division], start, end, funding);
  }

  /** The NTIS rows of a firm's projects, all years. */
  List<Row> rows(Firm f) {
    GeneratorConfig c = world.config;
    List<Row> rows = new ArrayList<>();
    for (int y = c.firstYear(); y <= c.lastYear(); y++) {
      int count = f.projects()[y - c.firstYear()];
      for (int j = 0; j < count; j++) {
        long composite = (f.index() * 12 + (y - 2015)) * 64 + j;
        RandomStream r = RandomStream.of(c.seed(), RandomStream.PROJECT, composite, 1);
        boolean lead = r.chance(f.sizeClass().equals("중소기업") ? 0.65 : 0.5);
        Project p = project(composite, y, f.division(), lead, r);
        int partners = lead ? (r.chance(0.4) ? 0 : r.chance(0.65) ? 1 : 2) : (r.chance(0.7) ? 0 : 1);
        int orgRows = partners + (lead ? 0 : 1);
        int people = 1 + orgRows;
        long[] shares = split(p.funding(), people, r);
        int position = 0;
        if (!lead) {
          Organisations.Org leadOrg = world.organisations.draw(r, r.chance(0.55)
              ? Organisations.Kind.UNIVERSITY : Organisations.Kind.GRI);
          rows.add(orgRow(p, leadOrg, "주관", shares[position], position++));
        }
        rows.add(firmRow(p, f, lead ? "주관" : "참여", shares[position], position++));
        for (int k = 0; k < partners; k++) {
          Organisations.Org org = world.organisations.draw(r, r.chance(0.5)
              ? Organisations.Kind.UNIVERSITY : Organisations.Kind.GRI);
          rows.add(orgRow(p, org, "참여", shares[position], position++));
        }
      }
    }
    return rows;
  }

  /** Rows of the {@code k}-th project of {@code year} that has no firm. */
  List<Row> rows(int year, long k) {
    long composite = 2_000_000_000L + (year - 2015) * 100_000_000L + k;
    RandomStream r = RandomStream.of(world.config.seed(), RandomStream.PROJECT, composite, 1);
    double u = r.uniform();
    Organisations.Kind leadKind = u < 0.42 ? Organisations.Kind.UNIVERSITY : u < 0.84 ? Organisations.Kind.GRI
        : u < 0.92 ? Organisations.Kind.NATIONAL : Organisations.Kind.OTHER;
    Organisations.Org lead = world.organisations.draw(r, leadKind);
    int division = world.industry.indexOf(r.pick(new String[] {"26", "21", "20", "29", "62", "70", "27", "28",
        "10", "35", "38", "72", "30", "24"}));
    Project p = project(composite, year, division, false, r);
    double v = r.uniform();
    int partners = v < 0.5 ? 0 : v < 0.85 ? 1 : 2;
    long[] shares = split(p.funding(), 1 + partners, r);
    List<Row> rows = new ArrayList<>(1 + partners);
    rows.add(orgRow(p, lead, "주관", shares[0], 0));
    for (int i = 1; i <= partners; i++) {
      Organisations.Org org = world.organisations.draw(r, r.chance(0.55)
          ? Organisations.Kind.UNIVERSITY : Organisations.Kind.GRI);
      rows.add(orgRow(p, org, "참여", shares[i], i));
    }
    return rows;
  }

  private static long[] split(long total, int parts, RandomStream r) {
    long[] out = new long[parts];
    if (parts == 1) {
      out[0] = total;
      return out;
    }
    long lead = Math.round(total * r.uniform(0.5, 0.85) / 1000) * 1000;
    out[0] = lead;
    long rest = total - lead;
    for (int i = 1; i < parts; i++) {
      out[i] = i == parts - 1 ? rest - (rest / (parts - 1) / 1000 * 1000) * (parts - 2)
          : rest / (parts - 1) / 1000 * 1000;
    }
    return out;
  }

  private Row firmRow(Project p, Firm f, String role, long gov, int position) {
    GeneratorConfig c = world.config;
    long uid = p.composite() * 8 + position;
    RandomStream r = RandomStream.of(c.seed(), RandomStream.ROW, uid, 30);
    String name = NameStyle.reported(f.stem(), f.suffix(), f.form(), f.legalPrefix(), NameStyle.Style.NTIS,
        world.dirt, r);
    double privateShare = f.sizeClass().equals("중소기업") ? 0.25 : f.sizeClass().equals("중견기업") ? 0.4 : 0.5;
    long privateFunds = Math.round(gov * privateShare * r.uniform(0.8, 1.2) / 1000) * 1000;
    int month = (p.year() - c.firstYear()) * 12 + 11;
    String code = world.codeAt(f.leafAt(month), month);
    String[] cells = cells(p, name, role, f.sizeClass(), Brn.format(f.brn()), code, gov, privateFunds);
    DirtType dirt = DirtType.draw(r, FIRM_DIRT, firmRates);
    if (dirt != null) {
      switch (dirt) {
        case TYPO -> cells[7] = NameStyle.typo(cells[7], r);
        case ENGLISH_NAME -> cells[7] = f.englishName();
        case MISSING_BRN -> cells[10] = "";
        case INVALID_BRN -> cells[10] = Cells.brokenBrn(f.brn());
        default -> damage(cells, dirt);
      }
    }
    return out(p, uid, cells, f.crn(), dirt);
  }

  private Row orgRow(Project p, Organisations.Org org, String role, long gov, int position) {
    GeneratorConfig c = world.config;
    long uid = p.composite() * 8 + position;
    RandomStream r = RandomStream.of(c.seed(), RandomStream.ROW, uid, 30);
    int month = (p.year() - c.firstYear()) * 12 + 11;
    String code = world.codeAt(org.leaf(), month);
    String[] cells = cells(p, org.ntisName(), role, org.kind().ntisLabel, Brn.format(org.brn()), code, gov, 0);
    DirtType dirt = DirtType.draw(r, ORG_DIRT, orgRates);
    damage(cells, dirt);
    return out(p, uid, cells, null, dirt);
  }

  private String[] cells(Project p, String name, String role, String performer, String brn, String code, long gov,
      long privateFunds) {
    String sido = code.substring(0, 2);
    return new String[] {String.valueOf(p.year()), p.number(), p.title(), p.program()[0], p.program()[1],
        p.program()[2], p.program()[3], name, role, performer, brn, world.geography.name(sido), sido,
        Cells.wonDecimal(gov), Cells.wonDecimal(privateFunds), Cells.wonDecimal(gov + privateFunds), p.stage(),
        p.science(), p.scienceMid(), p.sixT(), Cells.yyyymmdd(p.start()), Cells.yyyymmdd(p.end())};
  }

  private static void damage(String[] cells, DirtType dirt) {
    if (dirt == null) {
      return;
    }
    switch (dirt) {
      case MALFORMED_DATE -> cells[20] = LineBytes.badDate(cells[20]);
      case MALFORMED_NUMBER -> cells[13] = LineBytes.badNumber(cells[13]);
      case NEGATIVE_AMOUNT -> cells[13] = "-" + cells[13];
      default -> { }
    }
  }

  private Row out(Project p, long uid, String[] cells, String crn, DirtType dirt) {
    int fid = catalog.ntis(p.year());
    long key = RandomStream.key(world.config.seed(), RandomStream.PROJECT, p.composite(), 2);
    return SourceFileWriter.row(fid, key, uid, LineBytes.render(cells, Layouts.UTF8, dirt, 7), crn, dirt);
  }
}
