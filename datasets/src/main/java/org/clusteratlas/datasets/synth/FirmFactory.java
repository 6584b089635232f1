package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a corporation and its whole history from (seed, index) alone, so any task can rebuild any firm
 * and the result never depends on partitioning.
 *
 * <p>The model, per firm: latent quality q ~ N(0,1); a target log size with a heavy right tail (a
 * lognormal body plus an exponential-in-logs tail that is Zipf above 300 members and capped at the
 * scale's largest firm, so median a handful of insured members and at full scale a few firms with tens
 * of thousands); a firm-specific growth trend independent of q; permanent yearly shocks (a
 * random walk); a ramp-up over the first four years of a young firm. Selection: the yearly probability of a
 * first R&D grant rises with q (a level) and with last year's shock, so winners were already growing and a
 * before/after comparison of winners is biased upward. Because the shocks are permanent and the trend is
 * independent of selection, what follows a winner's selection does not depend on it, and a staggered DiD
 * with the year before the first grant as base recovers the effect (the pre-period shows the selection, as
 * real data would: revenue in e = −1, employment's annual mean in e = −2 and −1) — nearly, and only when it
 * compares firms of the same founding year, as real data needs too: young firms ramp up and a firm's
 * founding-year accounts cover part of a year, so growth differs by age. What remains is the comparison
 * firms' own selection: a firm that never won, or has not won yet, is one without a good year, so its
 * growth runs a little below the winners' counterfactual (on the truth panel at scale 1.0, within founding
 * years: estimates 0.000–0.006 log points above the planted revenue effect at event times 0–9).
 * Treatment effects (see {@link GrantEffect}) are added to log employment and log revenue from the first
 * grant year on. Program entry selects the same way and has no effect.
 */
final class FirmFactory implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int LIFE = 1;
  private static final int PLACE = 2;
  private static final int IDENTITY = 3;
  private static final int STEM = 4;
  private static final int SISTER = 5;
  private static final int SIZE = 6;
  private static final int PATH = 7;
  private static final int TREATMENT = 8;
  private static final int PROGRAMS = 9;
  private static final int FINANCE = 10;
  private static final int BRANCHES = 11;
  private static final int MOVE = 12;

  /** Share of firms founded during the period (the rest existed before it). */
  static final double BIRTH_SHARE = 0.36;
  /** Baseline yearly first-grant probability for an R&D-intensive firm of average q and growth. */
  static final double GRANT_BASE = 0.15;
  static final double SISTER_SHARE = 0.06;
  static final double MOVE_SHARE = 0.03;
  /** Log of 300 insured members, where the size tail turns to Zipf (see {@link #largeFirmTail}). */
  static final double LARGE = Math.log(300);
  static final String[] BRANCH_KINDS = {"지점", "공장", "사업소", "연구소", "지점", "공장"};

  private final World world;
  private final long seed;

  FirmFactory(World world) {
    this.world = world;
    this.seed = world.config.seed();
  }

  /**
   * Above 300 insured members the tail drawn on logs (rate 1/2, a Pareto index of 1/2) is halved to a
   * Pareto index of 1, Zipf's law for firm sizes: the share of large firms stays, but the top no longer
   * holds most of the country's jobs (at scale 0.1 the 20 largest firms had 61% of employment).
   */
  static double largeFirmTail(double logSize) {
    return logSize <= LARGE ? logSize : LARGE + (logSize - LARGE) / 2;
  }

  private RandomStream stream(long index, int purpose) {
    return RandomStream.of(seed, RandomStream.FIRM, index, purpose);
  }

  Firm firm(long index) {
    GeneratorConfig c = world.config;
    Geography geo = world.geography;
    IndustryTable industry = world.industry;
    int first = c.firstYear();
    int last = c.lastYear();
    int months = world.months;

    // where and what
    RandomStream place = stream(index, PLACE);
    int cluster = -1;
    double u = place.uniform();
    for (int i = 0; i < world.clusterCumulative.length; i++) {
      if (u < world.clusterCumulative[i]) {
        cluster = i;
        break;
      }
    }
    int leaf;
    int division;
    StrongCluster planted = cluster >= 0 ? world.clusters.get(cluster) : null;
    if (planted != null) {
      leaf = world.clusterLeaf[cluster];
      division = world.clusterDivision[cluster];
    } else {
      leaf = geo.drawLeaf(place);
      division = industry.drawDivision(place, geo.leafSido[leaf]);
    }

    // birth and closing
    RandomStream life = stream(index, LIFE);
    double q = life.normal();
    int foundYear;
    if (planted != null && planted.emerging(c)) {
      foundYear = life.between(planted.firstYear(), Math.min(planted.firstYear() + 2, last));
    } else if (life.chance(BIRTH_SHARE)) {
      foundYear = life.between(first, last);
    } else {
      double age = -Math.log(1 - life.uniform()) * 11;
      foundYear = first - 1 - (int) Math.min(first - 1960, age);
    }
    int foundMonthOfYear = life.between(1, 12);
    int founded = foundYear * 10_000 + foundMonthOfYear * 100 + life.between(1, 28);
    int foundMonth = (foundYear - first) * 12 + foundMonthOfYear - 1;
    int exitMonth = months;
    int exited = 0;
    int lastDataYear = c.npsLastMonth().getYear();
    for (int y = Math.max(foundYear, first); y <= lastDataYear; y++) {
      double hazard = 0.035 * Math.exp(-0.35 * q) * (y - foundYear < 3 ? 1.6 : 1.0) * (planted != null ? 0.4 : 1);
      if (life.uniform() < hazard) {
        int month = life.between(1, 12);
        int m = (y - first) * 12 + month - 1;
        if (m > foundMonth + 6 && m < months) {
          exitMonth = m;
          exited = y * 10_000 + month * 100 + life.between(1, 28);
        }
        break;
      }
    }

    // size, growth path
    RandomStream size = stream(index, SIZE);
    double target = 1.15 + 0.35 * q + size.normal(0, 1.1) + sizeEffect(industry.division[division]);
    if (size.chance(0.02)) {
      target += 2.0 * -Math.log(1 - size.uniform());
    }
    if (planted != null) {
      target += 0.6 + 0.35 * Math.log(planted.strength());
    }
    target = Math.min(largeFirmTail(target), world.largestFirm);
    double trend = 0.015 + size.normal(0, 0.03);
    double wage = industry.wage[division] * Math.exp(0.12 * q + size.normal(0, 0.15)) * (target > 5 ? 1.3 : 1);

    int spanYears = lastDataYear - first + 1;
    double[] base = new double[spanYears + 3]; // years first-2 .. lastDataYear+1
    double[] innovation = new double[base.length]; // the year's permanent shock
    RandomStream path = stream(index, PATH);
    double walk = path.normal(0, 0.09);
    double foundAt = foundYear + (foundMonthOfYear - 1) / 12.0;
    for (int k = 0; k < base.length; k++) {
      int y = first - 2 + k;
      innovation[k] = path.normal(0, 0.08);
      walk += innovation[k];
      double age = y + 0.5 - foundAt;
      double ramp = age >= 4 ? 0 : Math.log(0.3 + 0.7 * Math.max(0, age) / 4);
      base[k] = target + trend * (y - first - 5) + walk + ramp;
    }

    // R&D grants: selection on quality and last year's shock (size class by long-run size, not by age)
    RandomStream treat = stream(index, TREATMENT);
    byte[] projects = new byte[c.years()];
    int firstGrant = 0;
    double intensity = industry.rndIntensity[division];
    boolean big = target > 5.7;
    for (int y = first; y <= last; y++) {
      int k = y - first + 2;
      int june = (y - first) * 12 + 5;
      double draw = treat.uniform();
      if (june < foundMonth + 12 || june >= exitMonth) {
        continue;
      }
      double growth = clamp(innovation[k - 1], -0.3, 0.4);
      double p;
      if (firstGrant == 0) {
        p = GRANT_BASE * intensity * Math.exp(0.8 * q + 5 * growth) * (Math.exp(target) < 3 ? 0.3 : big ? 3 : 1);
      } else {
        p = clamp(0.3 + 0.08 * q, 0.1, 0.6) * Math.pow(intensity, 0.3);
      }
      if (draw < Math.min(0.6, p)) {
        if (firstGrant == 0) {
          firstGrant = y;
        }
        projects[y - first] = (byte) Math.min(60, 1 + treat.poisson(big ? 3 + 2 * (target - 5.7) : 0.25));
      }
    }

    // within a year the headcount moves from the year's level towards the next year's, never back towards
    // the last one: a path centred on mid-year would carry an eighth of the shock that selected a firm
    // into the year after its base year, and the staggered DiD would read it as effect (measured at
    // scale 0.1: +0.0045 log employment at event time 0, three standard errors)
    // The untreated headcount (same draws, no effect) is kept for the truth panel. In whole persons a
    // firm's realised effect is not the planted one (one more person is +41% at two members; +1.2% of
    // one member is nothing), though on average it nearly is; and the untreated path lets the truth
    // panel tell a failure of parallel trends in the generated world from the effect.
    int[] headcount = new int[months];
    int[] untreated = firstGrant > 0 ? new int[months] : headcount;
    for (int m = Math.max(0, foundMonth); m < exitMonth; m++) {
      int y = first + m / 12;
      int k = y - first + 2;
      double level = base[k] + (base[k + 1] - base[k]) * (m % 12) / 12.0;
      double effect = firstGrant > 0 ? GrantEffect.logEmployment(y - firstGrant) : 0;
      double noise = path.normal(0, 0.02);
      headcount[m] = persons(level + effect + noise);
      if (untreated != headcount) {
        untreated[m] = persons(level + noise);
      }
    }

    // moves (the registry shows the latest address, so a move happens by the registry date)
    RandomStream move = stream(index, MOVE);
    int moveMonth = -1;
    int newLeaf = leaf;
    int newDong = 0;
    int lastRegistryMonth = (last - first) * 12 + 11;
    int earliest = Math.max(foundMonth, 0) + 12;
    if (move.chance(MOVE_SHARE) && planted == null && earliest < Math.min(lastRegistryMonth, exitMonth - 1)) {
      moveMonth = move.between(earliest, Math.min(lastRegistryMonth, exitMonth - 1));
      newLeaf = move.chance(0.6) ? geo.drawLeafInSido(move, leaf) : geo.drawLeaf(move);
      if (newLeaf == leaf) {
        moveMonth = -1;
      }
      newDong = move.below(Geography.DONGS);
    }

    // programs: same kind of selection, no effect
    RandomStream prog = stream(index, PROGRAMS);
    int[] programYear = new int[Program.values().length];
    for (Program p : Program.values()) {
      for (int y = first; y <= last; y++) {
        int k = y - first + 2;
        int june = (y - first) * 12 + 5;
        double draw = prog.uniform();
        if (june < foundMonth + 12 || june >= exitMonth) {
          continue;
        }
        int hqLeaf = moveMonth >= 0 && june >= moveMonth ? newLeaf : leaf;
        if (!p.eligible(geo.leafSido[hqLeaf], industry, division, headcount[june])) {
          continue;
        }
        double growth = clamp(innovation[k - 1], -0.3, 0.4);
        if (draw < Math.min(0.5, p.hazard * Math.exp(0.7 * q + 4 * growth))) {
          programYear[p.ordinal()] = y;
          break;
        }
      }
    }

    // financials and patent intensity
    RandomStream fin = stream(index, FINANCE);
    boolean files = fin.chance(1 / (1 + Math.exp(-(-0.7 + 0.9 * (target - 1.5)))));
    double logProductivity = Math.log(industry.revenuePerWorker[division]) + 0.25 * q + fin.normal(0, 0.35);
    double margin = 0.05 + 0.02 * q + fin.normal(0, 0.05);
    double assetRatio = Math.exp(fin.normal(-0.1, 0.4));
    int years = c.years();
    long[] revenue = new long[years];
    long[] profit = new long[years];
    long[] assets = new long[years];
    int[] employees = new int[years];
    double[] patentRate = new double[years];
    for (int y = first; y <= last; y++) {
      int i = y - first;
      int k = i + 2;
      double noise = fin.normal(0, 0.08);
      double marginNoise = fin.normal(0, 0.03);
      double insured = Firm.meanInsured(headcount, i);
      employees[i] = (int) Math.round(insured);
      boolean openAtYearEnd = foundYear <= y && exitMonth > i * 12 + 11;
      if (files && openAtYearEnd) {
        double part = foundYear == y ? (13 - foundMonthOfYear) / 12.0 : 1.0;
        double effect = firstGrant > 0 ? GrantEffect.logRevenue(y - firstGrant) : 0;
        double won = Math.exp(base[k] + logProductivity + effect + noise) * part;
        revenue[i] = Math.max(1_000, Math.round(won / 1_000) * 1_000);
        profit[i] = Math.round(revenue[i] * (margin + marginNoise) / 1_000) * 1_000;
        assets[i] = Math.round(revenue[i] * assetRatio / 1_000) * 1_000;
      }
      if (insured > 0) {
        patentRate[i] = Math.pow(intensity, 1.5) * Math.exp(0.85 * base[k] + 0.5 * q)
            * (firstGrant > 0 && y >= firstGrant ? 1.25 : 1);
      }
    }
    double lastSize = Math.exp(base[last - first + 2]);
    String sizeClass = lastSize >= 1000 ? "대기업" : lastSize >= 300 ? "중견기업" : "중소기업";

    // branches
    RandomStream br = stream(index, BRANCHES);
    List<Firm.Branch> branches = new ArrayList<>();
    if (br.chance(0.035 + (target > Math.log(50) ? 0.2 : 0))) {
      int n = br.chance(0.6) ? 1 : br.between(2, 3);
      for (int b = 1; b <= n; b++) {
        int bLeaf = br.chance(0.5) ? geo.drawLeafInSido(br, leaf) : geo.drawLeaf(br);
        int open = br.between(foundMonth + 1, Math.max(foundMonth + 1, months - 24));
        String kind = industry.isConstruction(division) ? "현장" : br.pick(BRANCH_KINDS);
        branches.add(new Firm.Branch(b, IdFactory.branchBrn(index, b), bLeaf, br.below(Geography.DONGS),
            br.uniform(0.05, 0.2), open, kind));
      }
    }

    // identity
    RandomStream id = stream(index, IDENTITY);
    double f = id.uniform();
    NameStyle.LegalForm form = f < 0.93 ? NameStyle.LegalForm.STOCK
        : f < 0.99 ? NameStyle.LegalForm.LIMITED : NameStyle.LegalForm.PARTNERSHIP;
    boolean legalPrefix = id.chance(0.55);
    String[] tradeSuffixes = industry.suffixes[division];
    String stem;
    String suffix;
    long anchor = anchorOf(index);
    if (anchor >= 0) {
      stem = stemOf(rootOf(anchor));
      suffix = id.chance(0.5) ? id.pick(NameStyle.SISTER_SUFFIXES) : id.pick(tradeSuffixes);
    } else {
      stem = stemOf(index);
      suffix = id.pick(tradeSuffixes);
    }
    String ceo = NameStyle.person(id);
    boolean englishListed = id.chance(0.7);
    String ksic5 = industry.division[division] + id.between(1, 4) + id.between(1, 3) + id.between(0, 2);
    int nts = id.below(industry.ntsCodes[division].length);
    boolean consolidated = sizeClass.equals("대기업") && id.chance(0.5);
    int dong = id.below(Geography.DONGS);

    return new Firm(index, IdFactory.crn(index, form), IdFactory.hqBrn(index, id), form, legalPrefix, stem,
        suffix, ceo, englishListed, division, ksic5, nts, founded, exited, foundMonth, exitMonth, q, cluster,
        leaf, dong, moveMonth, newLeaf, newDong, headcount, untreated, wage, firstGrant, projects, programYear,
        revenue, profit, assets, employees, consolidated, patentRate, branches.toArray(new Firm.Branch[0]),
        sizeClass);
  }

  /** A month's insured headcount at a log level: whole persons, at least one while the firm is open. */
  private static int persons(double logLevel) {
    return Math.max(1, (int) Math.round(Math.exp(logLevel)));
  }

  /** The firm this one is a sister of (shares its stem), or -1. */
  private long anchorOf(long index) {
    if (index < 10) {
      return -1;
    }
    RandomStream r = stream(index, SISTER);
    return r.chance(SISTER_SHARE) ? (long) (r.uniform() * index) : -1;
  }

  private long rootOf(long index) {
    long i = index;
    for (long a = anchorOf(i); a >= 0; a = anchorOf(i)) {
      i = a;
    }
    return i;
  }

  private String stemOf(long index) {
    return NameStyle.stem(stream(index, STEM));
  }

  private static double sizeEffect(String division) {
    return switch (division) {
      case "19", "20", "21", "24", "26", "30", "31", "61", "64", "65" -> 1.1;
      case "56", "96", "68", "47" -> -0.3;
      default -> {
        int d = Integer.parseInt(division);
        yield d >= 10 && d <= 34 ? 0.5 : 0;
      }
    };
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
