package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.raw.CsvLine;
import org.clusteratlas.datasets.raw.Layouts;

/**
 * Monthly NPS rows of one workplace, generated in one call from its precomputed headcount path.
 *
 * <p>Coverage (as reported for the real file): a 법인 workplace is listed in a month when it has at least
 * 3 insured members, a 개인 workplace with at least 10. After closing, a workplace that was listed the month
 * before shows 1–3 months with status 2 (탈퇴), zero members and its 탈퇴일자. New hires and leavers
 * reconcile with the headcount change plus churn of about 1.5% a month. 당월고지금액 ≈ members × 9% ×
 * min(average wage, the 기준소득월액 cap in force). Region codes and names are those in force in the
 * data month (the 20th), so the 2026-07 file already shows 12xxx / 28125 etc.
 */
final class NpsLines implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int THRESHOLD_CORPORATE = 3;
  static final int THRESHOLD_SOLE = 10;
  private static final Charset CP949 = Layouts.CP949;
  private static final String[] SITE_ENDINGS = {"신축공사", "현장", "증축공사", "공사"};

  private static final DirtType[] DIRT = {DirtType.TYPO, DirtType.DUPLICATE_ROW, DirtType.MALFORMED_DATE,
      DirtType.MALFORMED_NUMBER, DirtType.UNDECODABLE_BYTES, DirtType.TRUNCATED_LINE};

  /**
   * 기준소득월액 upper limit (won) for July of year Y through June of Y+1, indexed from 2014. 2019–2025
   * from research/source-layouts.md; 2014–2018 and 2021 as published by NPS (recalled, not re-checked);
   * 2026–2027 extrapolated.
   */
  private static final long[] CAP = {4_080_000, 4_210_000, 4_340_000, 4_490_000, 4_680_000, 4_860_000,
      5_030_000, 5_240_000, 5_530_000, 5_900_000, 6_170_000, 6_370_000, 6_590_000, 6_800_000};

  /** One workplace: a firm's head office or branch, or a sole proprietorship. */
  record Workplace(long uid, String crn, String name, String brn6, String form, int division, int nts,
      int applied, int[] headcount, int leaf, int dong, int moveMonth, int newLeaf, int newDong, int exitMonth,
      int exitDate, double wage, int threshold) {}

  private final World world;
  private final FileCatalog catalog;
  private final double[] rates;

  NpsLines(World world, FileCatalog catalog) {
    this.world = world;
    this.catalog = catalog;
    DirtRates d = world.dirt;
    rates = new double[] {d.typo(), d.duplicateRow(), d.malformedDate(), d.malformedNumber(),
        d.undecodableBytes(), d.truncatedLine()};
  }

  static long capFor(int year, int month) {
    int period = (month >= 7 ? year : year - 1) - 2014;
    return CAP[Math.max(0, Math.min(CAP.length - 1, period))];
  }

  List<Workplace> workplaces(Firm f) {
    long seed = world.config.seed();
    RandomStream r = RandomStream.of(seed, RandomStream.FIRM, f.index(), 40);
    String hqName = NameStyle.reported(f.stem(), f.suffix(), f.form(), f.legalPrefix(), NameStyle.Style.NPS,
        world.dirt, r);
    int applied = Math.max(19_880_101, f.founded());
    int months = world.months;
    List<Workplace> out = new ArrayList<>(1 + f.branches().length);
    int[] hq = new int[months];
    for (int m = 0; m < months; m++) {
      hq[m] = f.workplaceHeadcount(0, m);
    }
    out.add(new Workplace(f.index() * 4, f.crn(), hqName, f.brn().substring(0, 6), "1", f.division(), f.nts(),
        applied, hq, f.leaf(), f.dong(), f.moveMonth(), f.newLeaf(), f.newDong(), f.exitMonth(), f.exited(),
        f.wage(), THRESHOLD_CORPORATE));
    for (Firm.Branch b : f.branches()) {
      int[] h = new int[months];
      for (int m = 0; m < months; m++) {
        h[m] = f.workplaceHeadcount(b.ordinal(), m);
      }
      String place = Cells.shortPlace(world.geography.name(world.geography.leafCode[b.leaf()]));
      String name = b.kind().equals("현장")
          ? hqName + "/일용/" + place + " " + r.pick(SITE_ENDINGS)
          : r.chance(0.5) ? hqName + place + b.kind() : hqName + " " + place + b.kind();
      int opened = world.config.firstYear() * 10_000 + 101;
      opened = Cells.plusMonths(opened, b.openMonth());
      out.add(new Workplace(f.index() * 4 + b.ordinal(), f.crn(), name, b.brn().substring(0, 6), "1",
          f.division(), f.nts(), Math.max(applied, opened), h, b.leaf(), b.dong(), -1, b.leaf(), b.dong(),
          f.exitMonth(), f.exited(), f.wage(), THRESHOLD_CORPORATE));
    }
    return out;
  }

  Workplace workplace(Sole s) {
    return new Workplace(10_000_000_000L + s.index(), null, s.name(), s.brn().substring(0, 6), "2", s.division(),
        s.nts(), Math.max(19_880_101, s.founded()), s.headcount(), s.leaf(), s.dong(), -1, s.leaf(), s.dong(),
        s.exitMonth(), s.exited(), s.wage(), THRESHOLD_SOLE);
  }

  List<Row> rows(Firm f) {
    List<Row> rows = new ArrayList<>();
    for (Workplace w : workplaces(f)) {
      rows(w, rows);
    }
    return rows;
  }

  List<Row> rows(Sole s) {
    List<Row> rows = new ArrayList<>();
    rows(workplace(s), rows);
    return rows;
  }

  private void rows(Workplace w, List<Row> out) {
    GeneratorConfig c = world.config;
    Geography geo = world.geography;
    IndustryTable industry = world.industry;
    long seed = c.seed();
    long key = RandomStream.key(seed, RandomStream.NPS_ROW, w.uid(), 0);
    RandomStream churn = RandomStream.of(seed, RandomStream.NPS_ROW, w.uid(), 1);
    RandomStream dirt = RandomStream.of(seed, RandomStream.NPS_ROW, w.uid(), 2);
    int closedMonths = 1 + (int) Math.floorMod(key, 3L);
    byte[] name = cell(w.name());
    byte[] brn6 = w.brn6().getBytes(StandardCharsets.US_ASCII);
    byte[] nts = industry.ntsCodes[w.division()][w.nts()].getBytes(StandardCharsets.US_ASCII);
    byte[] ntsName = cell(industry.ntsNames[w.division()][w.nts()]);
    Map<String, byte[][]> places = new HashMap<>(4);
    int lastListed = -10;
    int first = c.firstYear();
    for (int m = 0; m < world.months; m++) {
      int h = w.headcount()[m];
      int prev = m > 0 ? w.headcount()[m - 1] : 0;
      int status;
      if (h >= w.threshold()) {
        status = 1;
      } else if (m >= w.exitMonth() && m < w.exitMonth() + closedMonths && lastListed == w.exitMonth() - 1
          && w.exitMonth() > 0) {
        status = 2;
      } else {
        continue;
      }
      if (status == 1) {
        lastListed = m;
      }
      int year = first + m / 12;
      int month = m % 12 + 1;
      int leaves;
      int hires;
      if (status == 2) {
        leaves = m == w.exitMonth() ? prev : 0;
        hires = 0;
      } else {
        int shrink = Math.max(0, prev - h);
        int turnover = Math.min(prev - shrink, churn.poisson(prev * 0.015));
        leaves = shrink + turnover;
        hires = Math.max(0, h - prev) + turnover;
      }
      double wage = w.wage() * Math.pow(1.03, year - 2015);
      long billed = Math.round(h * 0.09 * Math.min(wage, capFor(year, month)) / 10) * 10;

      boolean moved = w.moveMonth() >= 0 && m >= w.moveMonth();
      int leaf = moved ? w.newLeaf() : w.leaf();
      int dong = moved ? w.newDong() : w.dong();
      String code = world.codeAt(leaf, m);
      byte[][] place = places.computeIfAbsent(code + "/" + leaf + "/" + dong, k -> place(geo, code, leaf, dong));

      String ym = year <= 2020 ? String.format("%d%02d", year, month) : String.format("%d-%02d", year, month);
      String applied = date(w.applied(), year);
      String rejoined = date(0, year);
      String left = date(status == 2 ? w.exitDate() : 0, year);
      DirtType d = DirtType.draw(dirt, DIRT, rates);
      int fid = catalog.nps(m);
      byte[] line;
      if (d == null || d == DirtType.DUPLICATE_ROW) {
        line = concat(ascii(ym), name, brn6, ascii(String.valueOf(status)), place[0], place[1], place[2],
            place[3], place[4], place[5], place[6], place[7], ascii(w.form()), nts, ntsName, ascii(applied),
            ascii(rejoined), ascii(left), ascii(String.valueOf(h)), ascii(String.valueOf(billed)),
            ascii(String.valueOf(hires)), ascii(String.valueOf(leaves)));
      } else {
        String[] cells = {ym, w.name(), w.brn6(), String.valueOf(status), placeText(geo, code, leaf, dong, 0),
            placeText(geo, code, leaf, dong, 1), placeText(geo, code, leaf, dong, 2),
            placeText(geo, code, leaf, dong, 3), placeText(geo, code, leaf, dong, 4),
            placeText(geo, code, leaf, dong, 5), placeText(geo, code, leaf, dong, 6),
            placeText(geo, code, leaf, dong, 7), w.form(), industry.ntsCodes[w.division()][w.nts()],
            industry.ntsNames[w.division()][w.nts()], applied, rejoined, left, String.valueOf(h),
            String.valueOf(billed), String.valueOf(hires), String.valueOf(leaves)};
        switch (d) {
          case TYPO -> cells[1] = NameStyle.typo(cells[1], dirt);
          case MALFORMED_DATE -> cells[15] = LineBytes.badDate(cells[15]);
          case MALFORMED_NUMBER -> cells[18] = LineBytes.badNumber(cells[18]);
          default -> { }
        }
        line = LineBytes.render(cells, CP949, d, 1);
      }
      out.add(SourceFileWriter.row(fid, key, w.uid(), line, w.crn(), d));
    }
  }

  /** Date cell in the format of the file's year; {@code 0} is the null date. */
  private static String date(int yyyymmdd, int fileYear) {
    if (fileYear <= 2020) {
      return yyyymmdd == 0 ? "00010101" : Cells.yyyymmdd(yyyymmdd);
    }
    if (fileYear <= 2025) {
      return yyyymmdd == 0 ? "0001-01-01" : Cells.dashed(yyyymmdd);
    }
    return yyyymmdd == 0 ? "" : Cells.dashed(yyyymmdd);
  }

  private static String placeText(Geography geo, String code, int leaf, int dong, int cell) {
    String area = geo.fullName(code);
    return switch (cell) {
      case 0 -> geo.postcode(leaf, dong);
      case 1 -> area + " " + geo.dongName(leaf, dong);
      case 2 -> area + " " + geo.roadName(leaf, dong);
      case 3 -> code + geo.dongCode(leaf, dong) + "00";
      case 4 -> code + geo.adminDongCode(leaf, dong) + "00";
      case 5 -> code.substring(0, 2);
      case 6 -> code.substring(2, 5);
      default -> geo.dongCode(leaf, dong);
    };
  }

  private static byte[][] place(Geography geo, String code, int leaf, int dong) {
    byte[][] out = new byte[8][];
    for (int i = 0; i < 8; i++) {
      out[i] = cell(placeText(geo, code, leaf, dong, i));
    }
    return out;
  }

  private static byte[] cell(String text) {
    return CsvLine.quote(text).getBytes(CP949);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... cells) {
    int length = cells.length - 1;
    for (byte[] c : cells) {
      length += c.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      System.arraycopy(cells[i], 0, out, at, cells[i].length);
      at += cells[i].length;
    }
    return out;
  }
}
