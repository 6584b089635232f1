package org.clusteratlas.datasets.synth;

import java.io.Serializable;

/** Builds sole proprietorships from (seed, index): clinics, restaurants, academies, small builders… */
final class SoleFactory implements Serializable {
  private static final long serialVersionUID = 1L;

  /** division | weight | name endings. */
  private static final String[][] TRADES = {
      {"56", "25", "식당,한식당,반점,김밥,치킨,가든,갈비,카페"},
      {"47", "12", "마트,상회,약국,슈퍼마켓"},
      {"86", "18", "의원,치과의원,한의원,내과의원,정형외과의원,소아청소년과의원,요양병원"},
      {"85", "8", "학원,어학원,수학학원,입시학원"},
      {"41", "4", "건설,건축"},
      {"42", "6", "설비,인테리어,전기,공사"},
      {"96", "4", "헤어,미용실,세탁"},
      {"71", "6", "세무회계사무소,법무사사무소,노무사사무소,회계사무소"},
      {"87", "8", "어린이집,요양원,주간보호센터"},
      {"25", "3", "공업사,금속,정밀"},
      {"29", "2", "기계,정공"},
      {"49", "2", "운수,화물,익스프레스"},
      {"46", "5", "상사,유통,무역"},
      {"55", "2", "모텔,펜션,호텔"},
      {"10", "3", "식품,떡집,방앗간"}};

  private final World world;
  private final int[] division;
  private final String[][] endings;
  private final double[] cumulative;

  SoleFactory(World world) {
    this.world = world;
    division = new int[TRADES.length];
    endings = new String[TRADES.length][];
    double[] w = new double[TRADES.length];
    for (int i = 0; i < TRADES.length; i++) {
      division[i] = world.industry.indexOf(TRADES[i][0]);
      w[i] = Double.parseDouble(TRADES[i][1]);
      endings[i] = TRADES[i][2].split(",");
    }
    cumulative = RandomStream.cumulative(w);
  }

  Sole sole(long index) {
    GeneratorConfig c = world.config;
    RandomStream r = RandomStream.of(c.seed(), RandomStream.SOLE, index, 1);
    int first = c.firstYear();
    int months = world.months;
    int trade = r.pickCumulative(cumulative);
    int leaf = world.geography.drawLeaf(r);
    String owner = NameStyle.person(r);
    String stem = r.chance(0.3) ? owner.substring(0, 1) + owner.substring(2) : NameStyle.stem(r);
    String name = stem + r.pick(endings[trade]);
    double q = r.normal();
    int foundYear = r.chance(0.3) ? r.between(first, c.lastYear()) : first - 1 - r.below(20);
    int foundMonthOfYear = r.between(1, 12);
    int founded = foundYear * 10_000 + foundMonthOfYear * 100 + r.between(1, 28);
    int foundMonth = (foundYear - first) * 12 + foundMonthOfYear - 1;
    int exitMonth = months;
    int exited = 0;
    for (int y = Math.max(first, foundYear); y <= c.npsLastMonth().getYear(); y++) {
      if (r.uniform() < 0.04) {
        int month = r.between(1, 12);
        int m = (y - first) * 12 + month - 1;
        if (m > foundMonth + 6 && m < months) {
          exitMonth = m;
          exited = y * 10_000 + month * 100 + r.between(1, 28);
        }
        break;
      }
    }
    double level = Math.log(10.5) + 0.2 * q + r.normal(0, 0.55);
    double trend = 0.01 + r.normal(0, 0.03);
    int[] headcount = new int[months];
    double shock = 0;
    for (int m = Math.max(0, foundMonth); m < exitMonth; m++) {
      if (m % 12 == 0) {
        shock = 0.6 * shock + r.normal(0, 0.06);
      }
      double age = (m - foundMonth) / 12.0;
      double ramp = age >= 2 ? 0 : Math.log(0.5 + 0.25 * age);
      headcount[m] = Math.max(1, (int) Math.round(Math.exp(level + trend * (m / 12.0 - 5) + shock + ramp
          + r.normal(0, 0.03))));
    }
    int div = division[trade];
    double wage = world.industry.wage[div] * 0.85 * Math.exp(r.normal(0, 0.15));
    return new Sole(index, IdFactory.soleBrn(index, r), name, owner, div,
        r.below(world.industry.ntsCodes[div].length), leaf, r.below(Geography.DONGS), founded, foundMonth,
        exitMonth, exited, headcount, wage);
  }
}
