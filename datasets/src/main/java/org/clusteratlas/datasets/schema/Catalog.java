package org.clusteratlas.datasets.schema;

import java.util.ArrayList;
import java.util.List;

/** Every table of the warehouse, in data-flow order: bronze, silver, gold. */
public final class Catalog {
  private Catalog() {}

  public static final List<TableContract> ALL;

  static {
    List<TableContract> all = new ArrayList<>();
    all.addAll(Bronze.ALL);
    all.addAll(Silver.ALL);
    all.addAll(Link.ALL);
    all.addAll(GoldClusters.ALL);
    all.addAll(GoldOutcomes.ALL);
    ALL = List.copyOf(all);
  }
}
