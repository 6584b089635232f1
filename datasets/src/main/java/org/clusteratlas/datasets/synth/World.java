package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.List;
import org.clusteratlas.datasets.region.RegionCatalog;

/**
 * Everything a task needs besides its entity index: the configuration, the reference tables and the
 * planted structure. Built once on the driver and broadcast.
 */
final class World implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Corporations at scale 1. */
  static final int NATIONAL_FIRMS = 600_000;
  /** Sole proprietorships with NPS workplaces at scale 1 (only those with ≥ 10 members are listed). */
  static final int NATIONAL_SOLE = 550_000;
  static final int NATIONAL_PROJECTS = 75_000;
  static final int NATIONAL_PATENTS = 240_000;

  final GeneratorConfig config;
  final DirtRates dirt;
  final Geography geography;
  final IndustryTable industry;
  final Organisations organisations;
  final List<StrongCluster> clusters;
  final int[] clusterLeaf;
  final int[] clusterDivision;
  /** Cumulative probability that a firm is a planted cluster firm, cluster by cluster. */
  final double[] clusterCumulative;
  final long firms;
  final long soleProprietors;
  /**
   * Log of the largest firm a world of this scale holds: 60,000 insured members at full scale, in
   * proportion below it (the top of a sample of firms is a lower national rank), never under 1,000.
   */
  final double largestFirm;
  final int months;

  World(GeneratorConfig config, DirtRates dirt, Geography geography, IndustryTable industry,
      Organisations organisations) {
    this.config = config;
    this.dirt = dirt;
    this.geography = geography;
    this.industry = industry;
    this.organisations = organisations;
    this.clusters = StrongCluster.planted(config);
    this.firms = Math.max(50, Math.round(NATIONAL_FIRMS * config.scale()));
    this.soleProprietors = Math.max(20, Math.round(NATIONAL_SOLE * config.scale()));
    this.largestFirm = Math.log(Math.max(1_000, 60_000 * config.scale()));
    this.months = config.months();
    int n = clusters.size();
    clusterLeaf = new int[n];
    clusterDivision = new int[n];
    clusterCumulative = new double[n];
    // a cluster is a concentration of many firms: at small scales keep about a dozen per cluster
    // (strength 5) so the planted truth stays observable above single-firm noise in sparse cells
    double base = Math.max(0.0006, 12.0 / firms) / 5.0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      StrongCluster c = clusters.get(i);
      clusterLeaf[i] = geography.indexOf(c.regionCode());
      clusterDivision[i] = industry.indexOf(c.division());
      sum += base * c.strength();
      clusterCumulative[i] = sum;
    }
  }

  static World build(GeneratorConfig config, DirtRates dirt) {
    Geography geography = Geography.from(RegionCatalog.load());
    return new World(config, dirt, geography, IndustryTable.load(), Organisations.load(geography));
  }

  int years() {
    return config.years();
  }

  /** Month index (0 = January of the first year) of a {@code yyyymmdd} date. */
  int monthOf(int yyyymmdd) {
    int year = yyyymmdd / 10_000;
    int month = yyyymmdd / 100 % 100;
    return (year - config.firstYear()) * 12 + month - 1;
  }

  /** The 5-digit code a leaf carried in config month {@code m} (0 = January of the first year). */
  String codeAt(int leaf, int m) {
    return geography.codeIn(leaf, m + (config.firstYear() - Geography.FIRST_MONTH.getYear()) * 12);
  }

  int yearOfMonth(int m) {
    return config.firstYear() + Math.floorDiv(m, 12);
  }
}
