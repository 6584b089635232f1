package org.clusteratlas.jobs.did;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.storage.StorageLevel;
import org.clusteratlas.jobs.UserError;

/**
 * Checks a long panel (one row per unit and period) and applies the pre-processing rules of R
 * {@code did::pre_process_did}, in this order:
 *
 * <ol>
 *   <li>a cohort later than the last period + δ is recoded as never treated (0);
 *   <li>units first treated in the first period or earlier (g ≤ t₁ + δ) are dropped — no pre-period;
 *   <li>an unbalanced panel is balanced by dropping units missing any period or outcome (R's default;
 *       {@link DidOptions.Unbalanced#ERROR} stops instead);
 *   <li>without never-treated units: with never-treated controls the last cohort becomes the control and
 *       periods t ≥ g_max − δ are dropped; with not-yet-treated controls those periods are dropped and the
 *       last cohort is only a control.
 * </ol>
 *
 * Malformed panels (missing ids, duplicate unit-periods, a cohort, cluster or stratum that changes within a
 * unit, cohorts that are not periods of the panel) are one-line {@link UserError}s.
 *
 * <p>A panel may carry a stratum per unit: the value of a discrete, time-invariant covariate within which
 * parallel trends are assumed. The prepared units are then grouped by (cohort, stratum) instead of cohort.
 *
 * <p>A panel may also be cut into cells (regions, industries, treatments), each prepared as the panel of its
 * own rows would be, all in the same passes ({@link #prepareCells}); a single panel is the case of one cell.
 */
public final class DidPanel {
  private DidPanel() {}

  public static final String UNIT = "unit";
  public static final String TIME = "time";
  public static final String COHORT = "cohort";
  public static final String Y = "y";
  public static final String CLUSTER = "cluster";
  /**
   * Optional: the unit's stratum of a discrete covariate (see {@link DidEstimator}). Null in every row, or
   * absent, for the unconditional estimator; a stratified panel must give every row one.
   */
  public static final String STRATUM = "stratum";
  /** Outcome vector per unit, shifted by the unit's first-period value (differences are unchanged). */
  public static final String YS = "ys";
  /** 64-bit hash of the cluster (the unit when not clustered) that seeds the bootstrap multipliers. */
  public static final String CLUSTER_HASH = "cluster_hash";

  /**
   * A panel ready for estimation: one row per unit with its outcome vector over {@code periods}. Its units
   * fall into groups, one per (cohort, stratum) present, sorted by cohort and then stratum; without strata
   * every stratum is "" and the groups are the cohorts.
   */
  public record Prepared(int[] periods, Dataset<Row> units, long n, long clusters, int[] estimatedCohorts,
      int[] allCohorts, long[] cohortSizes, int[] groupCohorts, String[] groupStrata, boolean clustered,
      List<String> notes, long unitsDropped, DidOptions preparedFor, boolean controlSpecific) {

    /**
     * Whether this preparation also serves the options {@code other}. The base period and the inference
     * settings do not enter it; the anticipation and the unbalanced-panel rule do; the comparison group
     * only does for a panel without never-treated units ({@code controlSpecific}), whose last cohort then
     * becomes the control or only a control. The caller still checks the comparison group's size
     * ({@link DidPanel#requireComparison}).
     */
    public boolean serves(DidOptions other) {
      return other.anticipation() == preparedFor.anticipation() && other.unbalanced() == preparedFor.unbalanced()
          && (other.control() == preparedFor.control() || !controlSpecific);
    }

    public long cohortSize(int cohort) {
      int i = Arrays.binarySearch(allCohorts, cohort);
      return i < 0 ? 0 : cohortSizes[i];
    }

    public int groups() {
      return groupCohorts.length;
    }

    /** Index of the group (cohort, stratum), or a negative number when the panel has no such units. */
    public int group(int cohort, String stratum) {
      return groupIndex(groupCohorts, groupStrata, cohort, stratum);
    }
  }

  /** Binary search over groups sorted by (cohort, stratum); also used on executors, hence static. */
  static int groupIndex(int[] cohorts, String[] strata, int cohort, String stratum) {
    int lo = 0;
    int hi = cohorts.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = cohorts[mid] != cohort ? Integer.compare(cohorts[mid], cohort) : strata[mid].compareTo(stratum);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Renames and type-checks the user's columns into the standard long panel {@code unit, time, cohort, y,
   * cluster}. Pure: no Spark action.
   */
  public static Dataset<Row> standardize(Dataset<Row> raw, String unit, String time, String cohort, String y,
      String cluster) {
    return standardize(raw, unit, time, cohort, y, cluster, null);
  }

  /** As above, with the column holding each unit's stratum ({@code --strata}; null = unconditional). */
  public static Dataset<Row> standardize(Dataset<Row> raw, String unit, String time, String cohort, String y,
      String cluster, String strata) {
    return standardize(raw, unit, time, cohort, y, cluster, strata, null);
  }

  /** The column of a standard panel that {@code atlas did --by} cuts it by (see {@link DidEstimator#estimateCells}). */
  public static final String BY = "by";

  /** As above, keeping the column {@code by} (null = none) as {@link #BY}, as text. */
  public static Dataset<Row> standardize(Dataset<Row> raw, String unit, String time, String cohort, String y,
      String cluster, String strata, String by) {
    List<String> names = Arrays.asList(raw.columns());
    for (String[] c : new String[][] {{"--unit", unit}, {"--time", time}, {"--cohort", cohort}, {"--outcome", y},
        {"--cluster", cluster}, {"--strata", strata}, {"--by", by}}) {
      if (c[1] != null && !names.contains(c[1])) {
        throw new UserError(c[0] + " column '" + c[1] + "' is not in the panel (columns: " + String.join(", ", names) + ")");
      }
    }
    requireNumeric(raw, time, "--time");
    requireNumeric(raw, cohort, "--cohort");
    requireNumeric(raw, y, "--outcome");
    Dataset<Row> standard = raw.select(quoted(unit).cast(DataTypes.StringType).as(UNIT),
        integral(quoted(time)).as(TIME), integral(quoted(cohort)).as(COHORT),
        quoted(y).cast(DataTypes.DoubleType).as(Y), optionalText(cluster).as(CLUSTER),
        optionalText(strata).as(STRATUM), optionalText(by).as(BY));
    return by == null ? standard.drop(BY) : standard;
  }

  private static Column optionalText(String column) {
    return column == null ? lit(null).cast(DataTypes.StringType) : quoted(column).cast(DataTypes.StringType);
  }

  /** A user's column by its literal name (R data often has dots, as in first.treat). */
  private static Column quoted(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  private static void requireNumeric(Dataset<Row> raw, String column, String option) {
    DataType t = raw.schema().apply(column).dataType();
    if (!(t instanceof NumericType) && !(t instanceof StringType)) {
      throw new UserError(option + " column '" + column + "' must be numeric, found " + t.simpleString());
    }
  }

  /** Whole numbers stay; a fractional or non-numeric value becomes -1 so the checks report it. */
  private static Column integral(Column c) {
    Column d = c.cast(DataTypes.DoubleType);
    return when(d.isNull(), lit(null).cast(DataTypes.IntegerType))
        .when(d.equalTo(functionsFloor(d)), d.cast(DataTypes.IntegerType))
        .otherwise(lit(Integer.MIN_VALUE));
  }

  private static Column functionsFloor(Column d) {
    return org.apache.spark.sql.functions.floor(d).cast(DataTypes.DoubleType);
  }

  /** Units per partition of the unit table beyond which it gets more partitions than the cluster has cores. */
  static final long UNITS_PER_PARTITION = 1_000_000L;

  /**
   * Partitions of the unit table: every job of an estimate (the cohort moments, each bootstrap pass) reads
   * it, and it is small, a row of a few numbers per unit. One partition per core, more only past a million
   * units each. The shuffle's partition count suits the raw rows at national scale, not this table: with
   * 64 partitions on 2 cores each of an estimate's jobs scheduled 64 tasks of tens of milliseconds.
   */
  static int unitPartitions(int cores, long units) {
    return (int) Math.max(Math.max(1, cores), (units + UNITS_PER_PARTITION - 1) / UNITS_PER_PARTITION);
  }

  /** Validates the standard long panel and applies the pre-processing rules. */
  public static Prepared prepare(Dataset<Row> panel, DidOptions opt, boolean clustered) {
    return withEstimationColumns(panel, null, p -> {
      Cells cells = prepareCells(p, List.of(WHOLE_PANEL), opt, clustered);
      if (cells.errors().containsKey(WHOLE_PANEL)) {
        throw cells.errors().get(WHOLE_PANEL);
      }
      return cells.prepared().get(WHOLE_PANEL);
    });
  }

  /** The column of the estimation columns naming each row's cell; a single panel is one cell, "". */
  static final String CELL = "cell";
  private static final String WHOLE_PANEL = "";

  /**
   * The cells of a panel prepared at once: for each cell the {@link Prepared} that {@link #prepare} gives
   * on the cell's rows alone, or the error it throws. The prepared cells' units are one table ({@code
   * units}, with the cell column); each cell's {@link Prepared#units()} is its part of it.
   */
  record Cells(Dataset<Row> units, Map<String, Prepared> prepared, Map<String, UserError> errors) {}

  /**
   * Runs {@code body} on the panel's {@link #estimationColumns}, cached for its duration. A caller that
   * estimates several variants of one panel caches it once around all of them ({@link
   * DidEstimator#estimateEach}); a nested call finds that copy cached and leaves it to its owner.
   *
   * @param cellColumn the panel's column that cuts it into cells ({@link DidEstimator#estimateCells}), or
   *                   null for one panel
   */
  static <T> T withEstimationColumns(Dataset<Row> panel, String cellColumn, Function<Dataset<Row>, T> body) {
    Dataset<Row> p = estimationColumns(panel, cellColumn);
    boolean owner = p.storageLevel().equals(StorageLevel.NONE());
    if (owner) {
      p.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      return body.apply(p);
    } finally {
      if (owner) {
        p.unpersist();
      }
    }
  }

  /** The columns of a standard long panel the estimator reads (cached by {@link #withEstimationColumns}). */
  private static Dataset<Row> estimationColumns(Dataset<Row> panel, String cellColumn) {
    Column stratum = Arrays.asList(panel.columns()).contains(STRATUM)
        ? col(STRATUM).cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType);
    Column cell = cellColumn == null ? lit(WHOLE_PANEL) : col(cellColumn).cast(DataTypes.StringType);
    return panel.select(cell.as(CELL), col(UNIT), col(TIME), col(COHORT), col(Y), col(CLUSTER), stratum.as(STRATUM));
  }

  /**
   * What the rules decided for one cell before its units are built: the periods kept, the notes, the units
   * per (cohort, stratum) and the cohort that becomes the never-treated group when the cell has none.
   */
  private record Plan(int[] periods, List<String> notes, TreeMap<Integer, TreeMap<String, Long>> groupSizes,
      List<Integer> estimated, Integer controlCohort, boolean neverTreated, long totalUnits, boolean stratified) {}

  /**
   * Prepares every cell of the estimation columns in one pass of each kind (periods, per-unit checks,
   * group sizes, unit table), applying to each cell the rules {@link #prepare} applies to a panel. A value
   * that differs between cells (a cell's first and last period, the cohort it recodes) enters the plan as
   * a per-cell expression.
   */
  static Cells prepareCells(Dataset<Row> p, List<String> cells, DidOptions opt, boolean clustered) {
    Map<String, UserError> errors = new HashMap<>();
    Map<String, int[]> cellPeriods = new HashMap<>();
    Dataset<Row> validTimes = p.filter(col(CELL).isin(cells.toArray()))
        .filter(col(TIME).isNotNull().and(col(TIME).notEqual(Integer.MIN_VALUE)));
    Map<String, List<Integer>> found = new HashMap<>();
    for (Row r : validTimes.select(CELL, TIME).distinct().orderBy(TIME).collectAsList()) { // cells × periods
      found.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getInt(1));
    }
    List<String> live = new ArrayList<>();
    for (String cell : cells) {
      int[] periods = found.getOrDefault(cell, List.of()).stream().mapToInt(Integer::intValue).toArray();
      if (periods.length < 2) {
        errors.put(cell, new UserError("the panel needs at least two periods with a valid time, found " + periods.length));
      } else {
        cellPeriods.put(cell, periods);
        live.add(cell);
      }
    }
    if (live.isEmpty()) {
      return new Cells(null, Map.of(), errors);
    }
    int delta = opt.anticipation();

    // one pass over the units checks the input and counts what the pre-processing rules will do
    Dataset<Row> perUnit = p.filter(col(CELL).isin(live.toArray())).groupBy(CELL, UNIT).agg(
        min(COHORT).as(COHORT), max(COHORT).as("cohort_max"),
        min(CLUSTER).as(CLUSTER), max(CLUSTER).as("cluster_max"),
        min(STRATUM).as(STRATUM), max(STRATUM).as("stratum_max"), count(STRATUM).as("strata_present"),
        count(lit(1)).as("rows"), countDistinct(TIME).as("times"), count(Y).as("ys_present"),
        sum(when(col(TIME).isNull().or(col(TIME).equalTo(Integer.MIN_VALUE)), 1).otherwise(0)).as("bad_time"),
        sum(when(col(COHORT).isNull().or(col(COHORT).equalTo(Integer.MIN_VALUE)), 1).otherwise(0)).as("bad_cohort"),
        sum(when(col(COHORT).lt(0).and(col(COHORT).notEqual(Integer.MIN_VALUE)), 1).otherwise(0)).as("neg_cohort"),
        sum(when(lit(clustered).and(col(CLUSTER).isNull()), 1).otherwise(0)).as("no_cluster"))
        // read by the checks with the group sizes, and by the unit table below: aggregated once, not twice
        .localCheckpoint(false);
    Column first = perCell(live, c -> cellPeriods.get(c)[0]);
    Column last = perCell(live, c -> cellPeriods.get(c)[cellPeriods.get(c).length - 1]);
    // rule 1: treated after the window = never treated within it
    Column recoded = when(col(COHORT).gt(last.plus(delta)), lit(0)).otherwise(col(COHORT));
    // rule 2: no pre-period → cannot be estimated
    Column treatedAtStart = col(COHORT).gt(0).and(col(COHORT).leq(first.plus(delta)));
    Column periodCount = perCell(live, c -> cellPeriods.get(c).length);
    Column complete = col("times").equalTo(periodCount).and(col("ys_present").equalTo(periodCount));
    Column keptUnit = functions.not(treatedAtStart).and(complete);
    // One pass over the units for the checks and the group sizes: grouped by cell and (cohort, stratum) of
    // the units kept — every other unit falls in one group of its cell with a null key — and the checks'
    // counts summed here.
    List<Row> byGroup = perUnit.groupBy(col(CELL), when(keptUnit, recoded).as(COHORT),
        when(keptUnit, coalesce(col(STRATUM), lit(""))).as(STRATUM)).agg(
        sum(when(col(UNIT).isNull(), col("rows")).otherwise(0)),
        sum(col("bad_time")), sum(col("bad_cohort")), sum(col("neg_cohort")), sum(col("no_cluster")),
        sum(when(col(COHORT).notEqual(col("cohort_max")), 1).otherwise(0)),
        sum(when(col(CLUSTER).notEqual(col("cluster_max")), 1).otherwise(0)),
        sum(when(col("rows").notEqual(col("times")), 1).otherwise(0)),
        sum(when(col(COHORT).gt(last.plus(delta)), 1).otherwise(0)),
        sum(when(treatedAtStart, 1).otherwise(0)),
        sum(when(functions.not(treatedAtStart).and(functions.not(complete)), 1).otherwise(0)),
        count(lit(1)).as("units"),
        sum(col("strata_present")), sum(col("rows").minus(col("strata_present"))),
        sum(when(col(STRATUM).notEqual(col("stratum_max")), 1).otherwise(0))).collectAsList();
    Map<String, long[]> counts = new HashMap<>();
    Map<String, TreeMap<Integer, TreeMap<String, Long>>> groupSizes = new HashMap<>();
    for (Row r : byGroup) {
      long[] c = counts.computeIfAbsent(r.getString(0), k -> new long[15]);
      for (int i = 0; i < c.length; i++) {
        c[i] += r.isNullAt(3 + i) ? 0 : r.getLong(3 + i);
      }
      TreeMap<Integer, TreeMap<String, Long>> sizes = groupSizes.computeIfAbsent(r.getString(0), k -> new TreeMap<>());
      if (!r.isNullAt(1)) {
        sizes.computeIfAbsent(r.getInt(1), k -> new TreeMap<>()).put(r.getString(2), r.<Long>getAs("units"));
      }
    }
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (String cell : live) {
      try {
        plans.put(cell, plan(cellPeriods.get(cell), counts.get(cell), groupSizes.get(cell), opt));
      } catch (UserError e) {
        errors.put(cell, e);
      }
    }
    if (plans.isEmpty()) {
      return new Cells(null, Map.of(), errors);
    }
    List<String> planned = List.copyOf(plans.keySet());

    // a cell without never-treated units and never-treated controls: its last cohort becomes the control
    Column cohort = recoded;
    for (Map.Entry<String, Plan> e : plans.entrySet()) {
      if (e.getValue().controlCohort() != null) {
        cohort = when(col(CELL).equalTo(e.getKey()).and(recoded.equalTo(e.getValue().controlCohort())), lit(0))
            .otherwise(cohort);
      }
    }
    Dataset<Row> kept = perUnit.filter(keptUnit.and(col(CELL).isin(planned.toArray())))
        .select(col(CELL), col(UNIT), cohort.as(COHORT), col(CLUSTER), coalesce(col(STRATUM), lit("")).as(STRATUM));

    // outcome j of a unit is its value in its cell's j-th period (cells may keep different periods)
    int width = plans.values().stream().mapToInt(pl -> pl.periods().length).max().orElseThrow();
    Column[] perPeriod = new Column[width];
    for (int j = 0; j < width; j++) {
      final int jj = j;
      Column period = perCell(planned, c -> plans.get(c).periods().length > jj ? plans.get(c).periods()[jj] : null);
      perPeriod[j] = max(when(col(TIME).equalTo(period), col(Y))).as("y" + j);
    }
    TreeSet<Integer> anyPeriod = new TreeSet<>();
    plans.values().forEach(pl -> Arrays.stream(pl.periods()).forEach(anyPeriod::add));
    Dataset<Row> wide = p.filter(col(CELL).isin(planned.toArray()).and(col(TIME).isin(anyPeriod.toArray())))
        .groupBy(CELL, UNIT).agg(perPeriod[0], Arrays.copyOfRange(perPeriod, 1, perPeriod.length));
    Column[] shifted = new Column[width];
    for (int j = 0; j < width; j++) {
      shifted[j] = col("y" + j).minus(col("y0"));
    }
    Column periodsKept = perCell(planned, c -> plans.get(c).periods().length);
    Column ys = plans.values().stream().allMatch(pl -> pl.periods().length == width)
        ? array(shifted) : functions.slice(array(shifted), lit(1), periodsKept);
    Column clusterKey = clustered ? col(CLUSTER) : col(UNIT);
    Map<String, Long> n = new HashMap<>();
    plans.forEach((c, pl) -> n.put(c, cohortSizes(pl.groupSizes()).values().stream().mapToLong(Long::longValue).sum()));
    long allUnits = n.values().stream().mapToLong(Long::longValue).sum();
    Dataset<Row> units = kept.join(wide, new String[] {CELL, UNIT}).coalesce(unitPartitions(p.sparkSession()
            .sparkContext().defaultParallelism(), allUnits)).localCheckpoint(true)
        .select(col(CELL), col(UNIT), col(COHORT), col(CLUSTER), col(STRATUM), ys.as(YS),
            xxhash64(clusterKey).as(CLUSTER_HASH));
    Map<String, Long> clusters = new HashMap<>(n);
    if (clustered) {
      for (Row r : units.groupBy(CELL).agg(countDistinct(CLUSTER)).collectAsList()) { // one row per cell
        clusters.put(r.getString(0), r.getLong(1));
      }
    }
    Map<String, Prepared> prepared = new LinkedHashMap<>();
    plans.forEach((c, pl) -> {
      TreeMap<Integer, Long> sizes = cohortSizes(pl.groupSizes());
      List<Integer> groupCohorts = new ArrayList<>();
      List<String> groupStrata = new ArrayList<>();
      pl.groupSizes().forEach((g, byStratum) -> byStratum.keySet().forEach(s -> {
        groupCohorts.add(g);
        groupStrata.add(s);
      }));
      List<String> notes = new ArrayList<>(pl.notes());
      if (pl.stratified()) {
        notes.add("parallel trends assumed within " + new TreeSet<>(groupStrata).size()
            + " strata (treated units compared with comparison units of their own stratum)");
      }
      prepared.put(c, new Prepared(pl.periods(), planned.size() == 1 ? units : units.filter(col(CELL).equalTo(c)),
          n.get(c), clusters.get(c), pl.estimated().stream().mapToInt(Integer::intValue).toArray(),
          sizes.keySet().stream().mapToInt(Integer::intValue).toArray(),
          sizes.values().stream().mapToLong(Long::longValue).toArray(),
          groupCohorts.stream().mapToInt(Integer::intValue).toArray(), groupStrata.toArray(String[]::new),
          clustered, List.copyOf(notes), pl.totalUnits() - n.get(c), opt, !pl.neverTreated()));
    });
    return new Cells(units, prepared, errors);
  }

  /**
   * A value per cell as a column: a literal when every cell has the same value (a single panel always),
   * else a choice on the cell column. Null values stay null.
   */
  private static Column perCell(List<String> cells, Function<String, Integer> value) {
    Set<Integer> distinct = new HashSet<>();
    cells.forEach(c -> distinct.add(value.apply(c)));
    if (distinct.size() == 1) {
      Integer v = distinct.iterator().next();
      return v == null ? lit(null).cast(DataTypes.IntegerType) : lit(v);
    }
    Column out = lit(null).cast(DataTypes.IntegerType);
    for (String c : cells) {
      Integer v = value.apply(c);
      if (v != null) {
        out = when(col(CELL).equalTo(c), lit(v)).otherwise(out);
      }
    }
    return out;
  }

  /**
   * The checks and the rules for one cell's counts ({@code counts} in the order of the aggregation above)
   * and group sizes; throws the cell's {@link UserError}.
   */
  private static Plan plan(int[] allPeriods, long[] counts, TreeMap<Integer, TreeMap<String, Long>> groupSizes,
      DidOptions opt) {
    List<String> notes = new ArrayList<>();
    int first = allPeriods[0];
    int last = allPeriods[allPeriods.length - 1];
    int delta = opt.anticipation();
    failIf(counts[0], "rows without a unit id");
    failIf(counts[1], "rows whose time is missing or not a whole number");
    failIf(counts[2], "rows whose cohort is missing or not a whole number (code never-treated units as 0)");
    failIf(counts[3], "rows with a negative cohort (code never-treated units as 0)");
    failIf(counts[4], "rows without a cluster value");
    failIf(counts[5], "units whose cohort changes over time (treatment must be absorbing: give the first treated period)");
    failIf(counts[6], "units whose cluster changes over time (a cluster must contain whole units)");
    failIf(counts[7], "units with duplicate rows for one period");
    boolean stratified = counts[12] > 0;
    if (stratified) {
      failIf(counts[13], "rows without a stratum value (give every unit one, e.g. 'unknown')");
      failIf(counts[14], "units whose stratum changes over time (strata must be time-invariant)");
    }
    long recodedCount = counts[8];
    long startTreated = counts[9];
    long incomplete = counts[10];
    long totalUnits = counts[11];
    if (recodedCount > 0) {
      notes.add(recodedCount + " units first treated after the last period (" + last + ") are treated as never treated");
    }
    if (startTreated > 0) {
      notes.add(startTreated + " units treated in the first period (" + first + ") or earlier are dropped: they have no pre-treatment period");
    }
    if (incomplete > 0) {
      if (opt.unbalanced() == DidOptions.Unbalanced.ERROR) {
        throw new UserError("unbalanced panel: " + incomplete + " of " + totalUnits + " units miss a period or an outcome value"
            + " (use --unbalanced drop to keep only complete units, as R did does)");
      }
      notes.add(incomplete + " units missing a period or an outcome value are dropped to balance the panel (R did's default)");
    }
    TreeMap<Integer, Long> sizes = cohortSizes(groupSizes);
    if (sizes.isEmpty()) {
      throw new UserError("no units left after pre-processing (" + String.join("; ", notes) + ")");
    }
    for (int g : sizes.keySet()) {
      if (g > 0 && Arrays.binarySearch(allPeriods, g) < 0) {
        throw new UserError("cohort " + g + " is not one of the panel's periods " + Arrays.toString(allPeriods));
      }
    }
    int[] periods = allPeriods;
    List<Integer> estimated = new ArrayList<>(sizes.keySet().stream().filter(g -> g > 0).toList());
    if (estimated.isEmpty()) {
      throw new UserError("no treated units left after pre-processing" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }
    boolean neverTreated = sizes.containsKey(0);
    Integer controlCohort = null;
    if (!neverTreated) {
      int gMax = estimated.get(estimated.size() - 1);
      periods = Arrays.stream(allPeriods).filter(t -> t < gMax - delta).toArray();
      if (opt.control() == DidOptions.Control.NEVER) {
        controlCohort = gMax;
        groupSizes.put(0, groupSizes.remove(gMax));
        sizes = cohortSizes(groupSizes);
        notes.add("no never-treated units: cohort " + gMax + " serves as the never-treated group and periods from "
            + (gMax - delta) + " on are dropped");
      } else {
        notes.add("no never-treated units: periods from " + (gMax - delta) + " on are dropped and cohort " + gMax
            + " is used only as a not-yet-treated control");
      }
      estimated.remove(Integer.valueOf(gMax));
      if (periods.length < 2) {
        throw new UserError("no never-treated units and fewer than two periods before the last cohort " + gMax
            + ": nothing can be estimated");
      }
      if (estimated.isEmpty()) {
        throw new UserError("no never-treated units and only one cohort: nothing to compare it with");
      }
    }
    requireComparison(sizes.getOrDefault(0, 0L), opt);
    for (int g : estimated) {
      if (sizes.get(g) < 5) {
        notes.add("cohort " + g + " has only " + sizes.get(g) + " units: its estimates are imprecise");
      }
    }
    return new Plan(periods, notes, groupSizes, estimated, controlCohort, neverTreated, totalUnits, stratified);
  }

  /** Never-treated units as the comparison group need a few of them (R warns; here it is an error). */
  static void requireComparison(long neverTreated, DidOptions opt) {
    if (opt.control() == DidOptions.Control.NEVER && neverTreated < 5) {
      throw new UserError("only " + neverTreated + " never-treated units: too few for a comparison group"
          + " (use --control notyet)");
    }
  }

  /** Units per cohort, summed over its strata. */
  private static TreeMap<Integer, Long> cohortSizes(TreeMap<Integer, TreeMap<String, Long>> groupSizes) {
    TreeMap<Integer, Long> sizes = new TreeMap<>();
    groupSizes.forEach((g, byStratum) -> sizes.put(g, byStratum.values().stream().mapToLong(Long::longValue).sum()));
    return sizes;
  }

  private static void failIf(long count, String what) {
    if (count > 0) {
      throw new UserError("malformed panel: " + count + " " + what);
    }
  }
}
