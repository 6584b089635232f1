package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.industry.NtsIndustry;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.region.AddressRegions;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Scratch;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas link}: bronze sources → {@code silver.firm}, {@code silver.entity_link} and the review queue.
 *
 * <p>Deterministic first (registry and financials by CRN, NTIS and rosters by checksum-valid BRN, branch
 * BRNs to their head office's CRN), then one Fellegi–Sunter slice per source for what is left (NTIS and
 * roster rows without a usable BRN, KIPRIS applicant codes, NPS workplaces). Each unit is linked to at
 * most one CRN, so two different CRNs are never merged; universities, institutes, government bodies and
 * individuals are kept as non-firm organisations.
 *
 * <p>Incremental: only records whose (source_file, row_number, position) are not yet in entity_link are
 * linked, with the parameters trained earlier (silver.link_model), unless {@code full}. Firm ids are CRNs,
 * so they are stable across runs by construction. Review decisions (accept/reject a unit–firm pair)
 * re-link the units they name on the run they are given.
 */
public final class LinkJob {
  private static final Logger LOG = LogManager.getLogger(LinkJob.class);

  /** Largest slices first, so a slice too small to train can borrow from the ones trained before it. */
  static final List<String> MODEL_SOURCES = List.of("nps", "kipris", "ntis", "programs");

  /** Per slice: how much was compared and what the model did. */
  public record SliceStats(String source, long records, long modelUnits, long comparisons, boolean trained,
      int emIterations, boolean emConverged, double seconds) {}

  /** What a run did. */
  public record Result(String runId, long firms, long newRecords, List<SliceStats> slices,
      Dataset<Row> quality) {}

  private final Warehouse warehouse;
  private final SparkSession spark;
  private final LinkSettings settings;
  private final boolean full;
  private final Dataset<Row> reviewDecisions;
  private final FellegiSunter model = new FellegiSunter(PairScoring.COMPARISONS);
  /** The slices trained in this run, in order (they lend parameters to slices too small to train). */
  private final List<Donor> donors = new ArrayList<>();
  static final long MIN_TRAINING_PAIRS = 50;
  /** Frames kept while one slice is linked, deleted when it is written. */
  private Scratch sliceFrames;

  /**
   * @param reviewDecisions rows (source, unit_id, crn, decision ∈ accept|reject), or null
   */
  public LinkJob(Warehouse warehouse, LinkSettings settings, boolean full, Dataset<Row> reviewDecisions) {
    this.warehouse = warehouse;
    this.spark = warehouse.spark();
    this.settings = settings;
    this.full = full;
    this.reviewDecisions = reviewDecisions;
  }

  public Result run(RunManifest manifest) {
    try (Scratch runFrames = new Scratch(warehouse, manifest.runId(), "link");
        Scratch slices = new Scratch(warehouse, manifest.runId(), "link-slice")) {
      sliceFrames = slices;
      return run(manifest, runFrames);
    } finally {
      sliceFrames = null;
    }
  }

  private Result run(RunManifest manifest, Scratch runFrames) {
    String runId = manifest.runId();
    if (!warehouse.exists(Bronze.REGISTRY) || warehouse.read(Bronze.REGISTRY).isEmpty()) {
      throw new UserError("bronze.registry is empty in " + warehouse.root() + " (run 'atlas ingest' first)");
    }
    for (TableContract t : List.of(Bronze.REGISTRY, Bronze.FINANCIALS, Bronze.NTIS, Bronze.PROGRAMS,
        Bronze.KIPRIS, Bronze.NPS)) {
      manifest.input(t);
    }
    List<TableContract> outputs = List.of(Silver.FIRM, Silver.ENTITY_LINK, Link.REVIEW, Link.MODEL, Link.CANDIDATE);
    outputs.forEach(warehouse::ensure);
    if (full) {
      for (TableContract t : List.of(Silver.ENTITY_LINK, Link.REVIEW, Link.MODEL, Link.CANDIDATE)) {
        DeltaTable.forPath(spark, warehouse.path(t)).delete();
      }
    }

    Dataset<Row> registry = warehouse.read(Bronze.REGISTRY);
    Dataset<Row> firms = manifest.step("firm master", () -> {
      Dataset<Row> f = Warehouse.conform(FirmMaster.firms(registry), Silver.FIRM);
      f.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(warehouse.path(Silver.FIRM));
      return warehouse.read(Silver.FIRM);
    });
    long firmCount = firms.count();
    // run-wide frames, materialised once: the places compared with, and the records already linked
    // (pinned before this run writes any link)
    Dataset<Row> places = runFrames.keep(FirmMaster.places(registry, firms));
    // null when nothing is linked yet (a full run): the anti-joins against it would shuffle every NPS row
    // for nothing at national scale
    Dataset<Row> linked = warehouse.read(Silver.ENTITY_LINK);
    Dataset<Row> existing = linked.isEmpty() ? null
        : runFrames.keep(linked.select("source_file", "row_number", "position"));

    long[] newRecords = {0};
    manifest.step("link registry and financials", () -> {
      newRecords[0] += writeLinks(registryRecords(registry, existing, runId));
      newRecords[0] += writeLinks(financialRecords(warehouse.read(Bronze.FINANCIALS), firms, existing, runId));
    });

    List<SliceStats> stats = new ArrayList<>();
    Map<String, SliceModel> saved = loadModels();
    for (String source : MODEL_SOURCES) {
      long t0 = System.nanoTime();
      Dataset<Row> decided = decisionsFor(source);
      Pending pending = manifest.step("prepare " + source, () -> {
        SourceUnits.Prepared prepared = prepare(source);
        if (existing == null && decided == null) {
          // every record is new: the units are all of them, and their sizes add up to the record count, so
          // the records are not materialised here (NPS: 66 M monthly rows at national scale); the write
          // derives them from bronze once more, which costs one scan, not a copy
          Dataset<Row> units = keep(prepared.units());
          Row sizes = units.agg(coalesce(sum(col("unit_records")), lit(0L)), count(lit(1))).first();
          return sizes.getLong(0) == 0 ? null
              : new Pending(prepared.records(), units, sizes.getLong(0), sizes.getLong(1));
        }
        Dataset<Row> fresh = newOnly(prepared.records(), existing);
        if (decided != null) {
          // units named in review decisions are re-linked even when their records were decided before
          Dataset<Row> reviewed = prepared.records().join(decided.select("unit_id").distinct(), "unit_id");
          fresh = fresh.unionByName(reviewed).distinct();
        }
        Dataset<Row> todo = keep(fresh);
        long records = todo.count();
        if (records == 0) {
          return null;
        }
        Dataset<Row> units = keep(prepared.units().join(todo.select("unit_id").distinct(), "unit_id"));
        return new Pending(todo, units, records, units.count());
      });
      if (pending == null) {
        continue;
      }
      Dataset<Row> todo = pending.records();
      Dataset<Row> units = pending.units();
      long todoRecords = pending.count();
      boolean shipUnits = pending.unitCount() <= MAX_SHIPPED_UNITS
          && todoRecords >= MIN_RECORDS_PER_SHIPPED_UNIT * pending.unitCount();
      if (shipUnits) {
        LOG.info("link {}: {} records of {} units; the unit decisions go to the records", source, todoRecords,
            pending.unitCount());
      }
      SliceOutcome out = manifest.step("link " + source, () -> linkSlice(source, todo, units, places, saved,
          firmCount, decided, runId, shipUnits));
      manifest.step("write " + source, () -> {
        // each slice commits on its own: a failed run leaves whole slices, and the next run carries on
        // a source's first slice cannot collide with the rows of other sources: appended. (A MERGE there
        // would skip every target file by its statistics and make Delta warn about a changing source.)
        boolean firstOfSource = !hasSource(Link.REVIEW, source) && !hasSource(Link.CANDIDATE, source);
        merge(Link.REVIEW, out.review(), firstOfSource,
            "t.source = s.source AND t.unit_id = s.unit_id AND t.candidate_crn = s.candidate_crn");
        merge(Link.CANDIDATE, out.candidates(), firstOfSource,
            "t.source = s.source AND t.unit_id = s.unit_id AND t.crn = s.crn");
        newRecords[0] += writeLinks(out.links());
      });
      release();
      stats.add(new SliceStats(source, todoRecords, out.modelUnits(), out.comparisons(), out.trained(),
          out.iterations(), out.converged(), (System.nanoTime() - t0) / 1e9));
    }
    release();

    Dataset<Row> quality = LinkQuality.table(warehouse.read(Silver.ENTITY_LINK));
    for (TableContract t : outputs) {
      manifest.output(t, warehouse.read(t).count());
    }
    manifest.detail("firms", firmCount);
    manifest.detail("new_records", newRecords[0]);
    List<Map<String, Object>> sliceDetails = new ArrayList<>();
    for (SliceStats s : stats) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", s.source());
      m.put("records", s.records());
      m.put("model_units", s.modelUnits());
      m.put("comparisons", s.comparisons());
      m.put("trained", s.trained());
      m.put("em_iterations", s.emIterations());
      m.put("em_converged", s.trained() ? s.emConverged() : null);
      m.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
      sliceDetails.add(m);
    }
    manifest.detail("slices", sliceDetails);
    return new Result(runId, firmCount, newRecords[0], stats, quality);
  }

  /** Records and units of one source from the whole bronze table (unit ids depend only on bronze rows). */
  private SourceUnits.Prepared prepare(String source) {
    return switch (source) {
      case "ntis" -> SourceUnits.ntis(warehouse.read(Bronze.NTIS));
      case "programs" -> SourceUnits.programs(warehouse.read(Bronze.PROGRAMS), AddressRegions.lookup(spark));
      case "kipris" -> SourceUnits.kipris(warehouse.read(Bronze.KIPRIS), AddressRegions.lookup(spark));
      case "nps" -> SourceUnits.nps(warehouse.read(Bronze.NPS), ntsToKsic());
      default -> throw new IllegalArgumentException(source);
    };
  }

  /** The NTS → KSIC division crosswalk for the codes that occur in NPS (a few hundred distinct codes). */
  private Dataset<Row> ntsToKsic() {
    NtsIndustry nts = NtsIndustry.load();
    List<Row> rows = new ArrayList<>();
    for (Row r : warehouse.read(Bronze.NPS).select("nts_industry_code").distinct().collectAsList()) {
      String code = r.getString(0);
      if (code != null) {
        nts.ksicDivision(code).ifPresent(d -> rows.add(RowFactory.create(code, d)));
      }
    }
    return spark.createDataFrame(rows, new StructType().add("nts_industry_code", DataTypes.StringType)
        .add("ksic_division", DataTypes.StringType));
  }

  private Dataset<Row> decisionsFor(String source) {
    if (reviewDecisions == null) {
      return null;
    }
    Dataset<Row> d = reviewDecisions.filter(col("source").equalTo(source));
    return d.isEmpty() ? null : d;
  }

  /** A slice's parameters and the random-pair exact-name share its term-frequency adjustment is relative to. */
  record SliceModel(FellegiSunter.Params params, double randomExactU) {}

  /** A slice trained in this run and, per comparison, the levels its blocked pairs showed. */
  record Donor(String source, SliceModel model, List<Set<Integer>> observed) {}

  /** Per comparison, the levels (not null) that occur among the patterns. */
  static List<Set<Integer>> observedLevels(List<FellegiSunter.Pattern> patterns) {
    List<Set<Integer>> out = new ArrayList<>();
    for (int c = 0; c < PairScoring.GAMMAS.length; c++) {
      Set<Integer> levels = new TreeSet<>();
      for (FellegiSunter.Pattern p : patterns) {
        if (p.levels()[c] >= 0) {
          levels.add(p.levels()[c]);
        }
      }
      out.add(levels);
    }
    return out;
  }

  /**
   * Parameters for a slice with too few pairs to train: each comparison's m and u come from the slice
   * trained in this run whose pairs showed every level this slice's pairs show, with the fewest others,
   * the latest on a tie. What a level means depends on what the records carry: a roster's 소재지 gives a
   * 시군구 and no 법정동, as a KIPRIS address does, so its region parameters come from KIPRIS, not from NTIS
   * (the sido only, where the 시군구 level was never seen and has no estimate) nor from NPS (whose matches
   * agree on the 법정동, so "same 시군구" there means "not the same 법정동"). An NTIS slice, whose rows give
   * the sido only, takes "same sido" as "same sido or finer" of its donor.
   */
  private SliceModel borrow(String source, List<Set<Integer>> own, long comparisons) {
    List<String> from = new ArrayList<>();
    SliceModel borrowed = borrow(donors, own, from);
    LOG.info("link {}: {} blocked pairs, too few to train; parameters borrowed: {}", source, comparisons,
        String.join(", ", from));
    return borrowed;
  }

  /**
   * Comparisons whose finest level depends on what a record carries (a full BRN or its prefix; a 법정동,
   * a 시군구 or a sido), not on chance: BRN and region.
   */
  private static final Set<Integer> BY_AVAILABILITY = Set.of(
      Arrays.asList(PairScoring.GAMMAS).indexOf("g_brn"),
      Arrays.asList(PairScoring.GAMMAS).indexOf("g_region"));

  /**
   * Folds the levels above {@code top} into it: where a slice's records can agree at most at {@code top}
   * (NTIS rows carry a sido only), "agrees at top" there means "at top or finer" in the donor.
   */
  static void foldAbove(double[] m, double[] u, int top) {
    double mTop = 0;
    double uTop = 0;
    for (int l = top; l < m.length; l++) {
      mTop += m[l];
      uTop += u[l];
    }
    for (int l = top; l < m.length; l++) {
      m[l] = mTop;
      u[l] = uTop;
    }
  }

  /**
   * {@link #borrow(String, List, long)} as a function: {@code from} receives "comparison from slice". For
   * BRN and region the donor's levels finer than the finest this slice shows are folded into it.
   */
  static SliceModel borrow(List<Donor> donors, List<Set<Integer>> own, List<String> from) {
    int k = PairScoring.GAMMAS.length;
    double[][] m = new double[k][];
    double[][] u = new double[k][];
    Donor nameDonor = null;
    for (int c = 0; c < k; c++) {
      Donor best = null;
      for (Donor d : donors) {
        boolean covers = d.observed().get(c).containsAll(own.get(c));
        if (covers && (best == null || d.observed().get(c).size() <= best.observed().get(c).size())) {
          best = d;
        }
      }
      if (best == null) {
        best = donors.get(donors.size() - 1);
      }
      m[c] = best.model().params().m()[c].clone();
      u[c] = best.model().params().u()[c].clone();
      if (BY_AVAILABILITY.contains(c) && !own.get(c).isEmpty()) {
        foldAbove(m[c], u[c], Collections.max(own.get(c)));
      }
      nameDonor = c == 0 ? best : nameDonor;
      from.add(PairScoring.COMPARISONS.get(c).name() + " from " + best.source());
    }
    return new SliceModel(new FellegiSunter.Params(nameDonor.model().params().lambda(), m, u),
        nameDonor.model().randomExactU());
  }

  private record SliceOutcome(Dataset<Row> links, Dataset<Row> review, Dataset<Row> candidates, long modelUnits,
      long comparisons, boolean trained, int iterations, boolean converged) {}

  private SliceOutcome linkSlice(String source, Dataset<Row> records, Dataset<Row> units, Dataset<Row> places,
      Map<String, SliceModel> saved, long firmCount, Dataset<Row> decided, String runId, boolean shipUnits) {
    // deterministic: a checksum-valid BRN of a registered place (head office or branch) gives its CRN.
    // Only records with a BRN take part in that join (none of NPS's tens of millions do)
    Column withBrn = col("exact_brn").isNotNull().and(col("org_kind").eqNullSafe(OrgKind.FIRM));
    Dataset<Row> byBrn = records.filter(withBrn)
        .join(places.select(col("p_brn").as("exact_brn"), col("crn")), new String[] {"exact_brn"}, "left")
        .unionByName(records.filter(withBrn.unary_$bang()).withColumn("crn", lit(null).cast(DataTypes.StringType)));
    Dataset<Row> exactUnits = byBrn.filter(col("crn").isNotNull()).select("unit_id").distinct();
    Dataset<Row> modelUnits = keep(units.filter(col("org_kind").equalTo(OrgKind.FIRM))
        .join(exactUnits, new String[] {"unit_id"}, "left_anti"));
    long modelUnitCount = modelUnits.count();

    // the pairs are kept with what scoring reads only: with both sides' names, jamo and addresses as well,
    // the national NPS slice wrote 1.4 GB of pairs (2.87 M) that nothing read again
    Dataset<Row> compared = keep(PairScoring.compare(PairScoring.block(modelUnits, places))
        .select(SourceUnits.cols(PairScoring.SCORED_INPUT)));
    long comparisons = compared.count();

    SliceModel sliceModel = saved.get(source);
    boolean trained = false;
    int iterations = 0;
    boolean converged = false;
    List<FellegiSunter.Pattern> blocked = sliceModel == null ? patterns(compared) : List.of();
    List<Set<Integer>> observed = observedLevels(blocked);
    if (sliceModel == null && comparisons >= MIN_TRAINING_PAIRS) {
      double[][] randomU = model.levelShares(patterns(randomPairs(modelUnits, places)));
      FellegiSunter.Fit fit = train(blocked, regionPairs(modelUnits, places), randomU, firmCount);
      sliceModel = new SliceModel(fit.params(), randomU[0][PairScoring.NAME_EXACT]);
      iterations = fit.iterations();
      converged = fit.converged();
      trained = true;
      if (fit.converged()) {
        LOG.info("link {}: EM converged in {} iterations", source, fit.iterations());
      } else {
        LOG.warn("link {}: EM stopped at its iteration cap ({}) before converging", source, fit.iterations());
      }
    } else if (sliceModel == null && !donors.isEmpty()) {
      sliceModel = borrow(source, observed, comparisons);
    }
    if (sliceModel != null && !saved.containsKey(source)) {
      saveModel(source, sliceModel, runId);
    }
    if (trained) {
      donors.add(new Donor(source, sliceModel, observed));
    }
    FellegiSunter.Params params = sliceModel == null ? null : sliceModel.params();

    Dataset<Row> unitDecisions;
    Dataset<Row> review = spark.createDataFrame(List.of(), Link.REVIEW.schema());
    Dataset<Row> candidateRows = spark.createDataFrame(List.of(), Link.CANDIDATE.schema());
    if (params != null) {
      Dataset<Row> scored = PairScoring.score(compared, model, params, sliceModel.randomExactU(), firmCount,
          settings.tfPseudo());
      // best place per (unit, firm): a unit is compared with every place of business of a firm
      Dataset<Row> candidates = scored.groupBy("unit_id", "crn").agg(
          max_by(struct(col("match_weight"), col("match_probability"), col("evidence"), col("place_id"),
              col("p_brn"), col("p_region")), col("match_weight")).as("best"))
          .select(col("unit_id"), col("crn"), col("best.*"));
      if (decided != null) {
        Dataset<Row> rejected = decided.filter(col("decision").equalTo("reject"))
            .select(col("unit_id"), col("crn"));
        candidates = candidates.join(rejected, new String[] {"unit_id", "crn"}, "left_anti");
      }
      candidates = keep(PairScoring.normalise(candidates, settings.unlistedOdds())
          .withColumn("rank", row_number().over(
              Window.partitionBy("unit_id").orderBy(col("match_weight").desc(), col("crn")))));
      candidateRows = Warehouse.conform(candidates.select(lit(source).as("source"), col("unit_id"), col("crn"),
          col("match_weight"), lit(runId).as("link_run_id")), Link.CANDIDATE);
      Dataset<Row>[] decidedAndReview = decide(candidates, modelUnits, places, decided, runId);
      unitDecisions = decidedAndReview[0];
      review = decidedAndReview[1];
    } else {
      unitDecisions = spark.createDataFrame(List.of(), DECISION);
    }

    // unit-level outcomes first, so the records meet them in one join (sent to the records, or the
    // records shuffled once)
    Dataset<Row> unitOutcomes = units.select(col("unit_id"), col("r_key").as("org_key_name"))
        .join(unitDecisions, new String[] {"unit_id"}, "left");
    Dataset<Row> links = byBrn.join(shipUnits ? broadcast(unitOutcomes) : unitOutcomes, new String[] {"unit_id"},
            "left")
        .select(
            lit(source).as("source"), col("source_file"), col("row_number"), col("position"),
            when(col("crn").isNotNull(), col("crn")).otherwise(col("d_firm_id")).as("firm_id"),
            col("org_kind"),
            when(col("org_kind").notEqual(OrgKind.FIRM).or(col("crn").isNull().and(col("d_firm_id").isNull())),
                source.equals("kipris") ? coalesce(
                    org.apache.spark.sql.functions.regexp_extract(col("unit_id"), "^kipris:(\\d+)$", 1)
                        .cast(DataTypes.StringType), col("org_key_name")) : col("org_key_name")).as("org_key"),
            when(col("org_kind").notEqual(OrgKind.FIRM), lit("non_firm"))
                .when(col("crn").isNotNull(), lit("brn_exact"))
                .when(col("d_method").isNotNull(), col("d_method"))
                .otherwise(lit("unlinked")).as("method"),
            when(col("crn").isNotNull(), lit(1.0)).otherwise(col("d_probability")).as("match_probability"),
            when(col("crn").isNull(), col("d_weight")).as("match_weight"),
            when(col("crn").isNotNull(), lit("{\"brn\":\"exact\"}")).otherwise(col("d_evidence")).as("evidence"),
            lit(runId).as("link_run_id"));
    return new SliceOutcome(links, review, candidateRows, modelUnitCount, comparisons, trained, iterations, converged);
  }

  private static final StructType DECISION = new StructType()
      .add("unit_id", DataTypes.StringType).add("d_firm_id", DataTypes.StringType)
      .add("d_method", DataTypes.StringType).add("d_probability", DataTypes.DoubleType)
      .add("d_weight", DataTypes.DoubleType).add("d_evidence", DataTypes.StringType);

  /**
   * One decision per unit: link to the best firm when it is probable enough among the unit's candidates
   * ({@link PairScoring#normalise}) and clearly ahead of the runner-up; queue the uncertain ones (both
   * sides) for review; accepted review pairs override.
   */
  @SuppressWarnings("unchecked")
  private Dataset<Row>[] decide(Dataset<Row> candidates, Dataset<Row> units, Dataset<Row> places,
      Dataset<Row> decided, String runId) {
    Dataset<Row> best = candidates.filter(col("rank").equalTo(1));
    Dataset<Row> second = candidates.filter(col("rank").equalTo(2))
        .select(col("unit_id"), col("match_weight").as("second_weight"));
    Column margin = col("match_weight").minus(coalesce(col("second_weight"),
        lit(-1e9)));
    Dataset<Row> judged = keep(best.join(second, new String[] {"unit_id"}, "left")
        .withColumn("linked", col("match_probability").geq(settings.linkProbability())
            .and(margin.geq(settings.margin())))
        .withColumn("uncertain", col("linked").unary_$bang()
            .and(col("match_probability").geq(settings.reviewProbability()))));

    Dataset<Row> uncertain = judged.filter(col("uncertain")).select("unit_id");
    Dataset<Row> review = candidates.filter(col("rank").leq(2)).join(uncertain, "unit_id")
        .join(units, "unit_id")
        .join(places.select(col("place_id"), col("crn").as("p_crn")), "place_id")
        .join(warehouse.read(Silver.FIRM).select(col("firm_id").as("crn"), col("name").as("candidate_name")), "crn")
        .select(col("source"), col("unit_id"), col("unit_records"), col("first_file").as("source_file"),
            col("first_row").as("row_number"), col("first_position").as("position"), col("r_name").as("record_name"),
            coalesce(col("r_brn"), col("r_brn6")).as("record_brn"),
            coalesce(col("r_region"), col("r_sigungu_text"), col("r_sido"),
                col("r_sido_text")).as("record_region"),
            col("crn").as("candidate_crn"), col("candidate_name"), col("p_brn").as("candidate_brn"),
            col("p_region").as("candidate_region"), col("match_probability"), col("match_weight"), col("evidence"),
            col("rank"), lit(runId).as("link_run_id"));

    Dataset<Row> out = judged.select(col("unit_id"),
        when(col("linked"), col("crn")).as("d_firm_id"),
        when(col("linked"), lit("model")).otherwise(lit("unlinked")).as("d_method"),
        col("match_probability").as("d_probability"), col("match_weight").as("d_weight"),
        col("evidence").as("d_evidence"));
    if (decided != null) {
      Dataset<Row> accepted = decided.filter(col("decision").equalTo("accept"))
          .select(col("unit_id"), col("crn").as("a_crn"));
      out = out.join(accepted, new String[] {"unit_id"}, "full_outer")
          .select(col("unit_id"),
              coalesce(col("a_crn"), col("d_firm_id")).as("d_firm_id"),
              when(col("a_crn").isNotNull(), lit("review")).otherwise(col("d_method")).as("d_method"),
              when(col("a_crn").isNotNull(), lit(1.0)).otherwise(col("d_probability")).as("d_probability"),
              when(col("a_crn").isNull(), col("d_weight")).as("d_weight"),
              when(col("a_crn").isNotNull(), lit("{\"review\":\"accepted\"}")).otherwise(col("d_evidence"))
                  .as("d_evidence"));
    }
    return new Dataset[] {out, Warehouse.conform(review, Link.REVIEW)};
  }

  /** Random unit × place pairs (almost all non-matches): the baseline agreement rates. */
  private Dataset<Row> randomPairs(Dataset<Row> units, Dataset<Row> places) {
    return PairScoring.compare(PairScoring.sample(units, "unit_id", 17, settings.uSampleUnits())
        .crossJoin(PairScoring.sample(places, "place_id", 23, settings.uSamplePlaces())));
  }

  /**
   * Units of a sample paired with every place in their 시군구 (or, for units that carry only a sido, in
   * their sido): a training block that does not look at the name, so the pairs in it are mostly firms
   * that merely share a region, with names as unrelated as chance makes them, and the true match where
   * the firm is still there.
   */
  private Dataset<Row> regionPairs(Dataset<Row> units, Dataset<Row> places) {
    Dataset<Row> withRegion = units.filter(col("r_region").isNotNull());
    boolean bySigungu = !withRegion.isEmpty();
    Dataset<Row> drawn = PairScoring.sample(bySigungu ? withRegion : units.filter(col("r_sido").isNotNull()),
        "unit_id", 29, bySigungu ? settings.uSampleUnits() : settings.uSampleUnits() / 10);
    Column sameRegion = bySigungu ? col("r_region").equalTo(col("p_region")) : col("r_sido").equalTo(col("p_sido"));
    return PairScoring.compare(drawn.join(places, sameRegion));
  }

  /**
   * Splink's training sequence, u fixed at the random-pair shares; each m is estimated on a block that
   * does not force its comparison to agree:
   * <ol>
   *   <li>the slice's blocked pairs with the same name key: EM over the other comparisons, name left out,
   *       estimates their m;</li>
   *   <li>pairs blocked on region alone ({@link #regionPairs}), those m fixed and region left out: EM
   *       estimates the m of the name levels.</li>
   * </ol>
   * The name m are not estimated on the name-blocked pairs: those are built from names that look alike
   * (same first or last three letters), and where a small vocabulary makes many firms of one region look
   * alike EM took them for matches (at scale 0.1 it put 61% of KIPRIS matches at "no name agreement").
   * When a slice has no region to block on, the name m come from all its blocked pairs as before.
   * Scoring then uses the prior of a random pair, one match among the firms (1 / firms), as Splink does.
   */
  private FellegiSunter.Fit train(List<FellegiSunter.Pattern> blocked, Dataset<Row> regionBlock, double[][] randomU,
      long firmCount) {
    List<FellegiSunter.Pattern> sameName = blocked.stream()
        .filter(p -> p.levels()[0] == PairScoring.NAME_EXACT).toList();
    List<FellegiSunter.Pattern> sameRegion = patterns(regionBlock);
    int k = model.comparisons().size();
    int region = Arrays.asList(PairScoring.GAMMAS).indexOf("g_region");
    boolean[] notName = new boolean[k];
    Arrays.fill(notName, true);
    notName[0] = false;
    boolean[] notRegion = new boolean[k];
    Arrays.fill(notRegion, true);
    notRegion[region] = false;
    boolean[] nameOnly = new boolean[k];
    nameOnly[0] = true;
    boolean[] all = new boolean[k];
    Arrays.fill(all, true);
    FellegiSunter.Params start = new FellegiSunter.Params(0.3, model.initialM(), randomU);
    FellegiSunter.Fit first = sameName.isEmpty() ? new FellegiSunter.Fit(start, 0, true)
        : model.em(sameName, start, notName, notName, true, settings.emIterations(), settings.emTolerance());
    boolean regionTraining = !sameRegion.isEmpty();
    // in a region block most pairs are strangers: start λ small, as one firm among the region's
    FellegiSunter.Params second = new FellegiSunter.Params(regionTraining ? 0.01 : 0.3, first.params().m(), randomU);
    FellegiSunter.Fit fit = regionTraining
        ? model.em(sameRegion, second, notRegion, nameOnly, true, settings.emIterations(), settings.emTolerance())
        : model.em(blocked, second, all, nameOnly, true, settings.emIterations(), settings.emTolerance());
    double prior = 1.0 / Math.max(2, firmCount);
    return new FellegiSunter.Fit(new FellegiSunter.Params(prior, fit.params().m(), randomU),
        first.iterations() + fit.iterations(), first.converged() && fit.converged());
  }

  /** Agreement-pattern counts: Spark groups pairs by comparison vector; the driver gets the small table. */
  static List<FellegiSunter.Pattern> patterns(Dataset<Row> compared) {
    List<FellegiSunter.Pattern> out = new ArrayList<>();
    for (Row r : compared.groupBy(SourceUnits.cols(PairScoring.GAMMAS)).agg(count(lit(1)).as("n")).collectAsList()) {
      int[] levels = new int[PairScoring.GAMMAS.length];
      for (int i = 0; i < levels.length; i++) {
        levels[i] = r.isNullAt(i) ? -1 : r.getInt(i);
      }
      out.add(new FellegiSunter.Pattern(levels, r.getLong(levels.length)));
    }
    return out;
  }

  static final String PRIOR_ROW = "_prior";
  static final String TF_ROW = "_tf";

  private Map<String, SliceModel> loadModels() {
    Map<String, SliceModel> out = new LinkedHashMap<>();
    if (full) {
      return out;
    }
    Map<String, List<Row>> bySlice = new LinkedHashMap<>();
    for (Row r : warehouse.read(Link.MODEL).collectAsList()) { // a few dozen parameter rows
      bySlice.computeIfAbsent(r.getAs("slice"), k -> new ArrayList<>()).add(r);
    }
    List<FellegiSunter.Comparison> comps = model.comparisons();
    for (Map.Entry<String, List<Row>> e : bySlice.entrySet()) {
      double[][] m = model.initialM();
      double[][] u = model.initialM();
      double lambda = Double.NaN;
      double randomExactU = Double.NaN;
      for (Row r : e.getValue()) {
        String name = r.getAs("comparison");
        if (name.equals(PRIOR_ROW)) {
          lambda = r.<Double>getAs("m");
        } else if (name.equals(TF_ROW)) {
          randomExactU = r.<Double>getAs("u");
        }
        for (int c = 0; c < comps.size(); c++) {
          if (comps.get(c).name().equals(name)) {
            int level = r.<Integer>getAs("level");
            m[c][level] = r.<Double>getAs("m");
            u[c][level] = r.<Double>getAs("u");
          }
        }
      }
      if (Double.isNaN(lambda) || Double.isNaN(randomExactU)) {
        throw new UserError("silver.link_model for " + e.getKey() + " lacks its " + PRIOR_ROW + " or " + TF_ROW
            + " row; run 'atlas link --full' to retrain");
      }
      out.put(e.getKey(), new SliceModel(new FellegiSunter.Params(lambda, m, u), randomExactU));
    }
    return out;
  }

  /** Model rows of a slice: every level's m and u, λ as {@code _prior} (m = λ), the TF base as {@code _tf}. */
  static List<Row> modelRows(FellegiSunter model, String slice, SliceModel sm, String runId) {
    List<Row> rows = new ArrayList<>();
    for (Object[] r : model.rows(sm.params())) {
      rows.add(RowFactory.create(slice, r[0], r[1], r[2], r[3], r[4], runId));
    }
    double lambda = sm.params().lambda();
    rows.add(RowFactory.create(slice, PRIOR_ROW, 0, "match share among blocked pairs", lambda, 1 - lambda, runId));
    rows.add(RowFactory.create(slice, TF_ROW, 0, "exact-name share among random pairs", 0.0,
        sm.randomExactU(), runId));
    return rows;
  }

  private void saveModel(String source, SliceModel sm, String runId) {
    // the slice's parameter rows replace its previous ones in one commit (one write; a MERGE costs
    // three); source is one of MODEL_SOURCES, safe to quote as is
    spark.createDataFrame(modelRows(model, source, sm, runId), Link.MODEL.schema())
        .write().format("delta").mode("overwrite").option("replaceWhere", "slice = '" + source + "'")
        .save(warehouse.path(Link.MODEL));
  }

  /** A source's records not linked yet, their units, and how many of each. */
  private record Pending(Dataset<Row> records, Dataset<Row> units, long count, long unitCount) {}

  /**
   * When a slice has many records per unit (NPS: a workplace's monthly rows, about 44 each), the unit
   * decisions are sent to every task and joined where the records are read, instead of shuffling and
   * sorting the records (66 M at national scale) to meet them. Bounded so the decisions stay a few
   * hundred MB (national NPS: about 1.5 M workplaces).
   */
  static final long MAX_SHIPPED_UNITS = 3_000_000;
  static final long MIN_RECORDS_PER_SHIPPED_UNIT = 10;

  /**
   * Materialises a frame once and cuts its lineage, so later plans stay small: the link plans stack many
   * joins and name UDFs, and re-planning them whole exhausts the driver. Freed by {@link #release()}.
   */
  private Dataset<Row> keep(Dataset<Row> frame) {
    return sliceFrames.keep(frame);
  }

  private boolean hasSource(TableContract table, String source) {
    return !warehouse.read(table).filter(col("source").equalTo(source)).isEmpty();
  }

  private void release() {
    sliceFrames.clear();
  }


  /**
   * Appends new records' links (disjoint by construction), or merges them when review decisions re-link.
   * An append is written straight from its plan: NPS has a row per monthly record (66 M at national
   * scale), and a copy kept first would write and read them all once more.
   */
  private long writeLinks(Dataset<Row> links) {
    Dataset<Row> conformed = Warehouse.conform(links, Silver.ENTITY_LINK);
    if (reviewDecisions == null) {
      return warehouse.append(Silver.ENTITY_LINK, conformed);
    }
    Dataset<Row> rows = keep(conformed);
    long n = rows.count();
    merge(Silver.ENTITY_LINK, rows, false,
        "t.source_file = s.source_file AND t.row_number = s.row_number AND t.position = s.position");
    return n;
  }

  /**
   * Writes rows in one commit: appended when they cannot collide with existing rows ({@code disjoint}, or
   * the table is empty), else merged on the table's key ({@code condition}).
   */
  private void merge(TableContract table, Dataset<Row> rows, boolean disjoint, String condition) {
    if (disjoint || warehouse.read(table).isEmpty()) {
      rows.write().format("delta").mode("append").save(warehouse.path(table));
      return;
    }
    DeltaTable.forPath(spark, warehouse.path(table)).as("t").merge(rows.as("s"), condition)
        .whenMatched().updateAll().whenNotMatched().insertAll().execute();
  }



  /** Rows whose record is not in {@code existing} (null: nothing is linked yet). */
  private static Dataset<Row> newOnly(Dataset<Row> rows, Dataset<Row> existing) {
    return existing == null ? rows
        : rows.join(existing, new String[] {"source_file", "row_number", "position"}, "left_anti");
  }

  private static Dataset<Row> registryRecords(Dataset<Row> registry, Dataset<Row> existing, String runId) {
    Dataset<Row> rows = registry.select(col("source_file"), col("row_number"), lit(1).as("position"), col("crn"),
        col("name"));
    return newOnly(rows, existing).select(lit("registry").as("source"), col("source_file"), col("row_number"),
        col("position"), col("crn").as("firm_id"), lit(OrgKind.FIRM).as("org_kind"),
        lit(null).cast(DataTypes.StringType).as("org_key"), lit("crn_exact").as("method"),
        lit(1.0).as("match_probability"), lit(null).cast(DataTypes.DoubleType).as("match_weight"),
        lit("{\"crn\":\"exact\"}").as("evidence"), lit(runId).as("link_run_id"));
  }

  private static Dataset<Row> financialRecords(Dataset<Row> financials, Dataset<Row> firms, Dataset<Row> existing,
      String runId) {
    Dataset<Row> rows = financials.select(col("source_file"), col("row_number"), lit(1).as("position"), col("crn"))
        .join(firms.select(col("crn"), col("firm_id")), new String[] {"crn"}, "left");
    return newOnly(rows, existing).select(lit("financials").as("source"), col("source_file"), col("row_number"),
        col("position"), col("firm_id"), lit(OrgKind.FIRM).as("org_kind"),
        when(col("firm_id").isNull(), col("crn")).as("org_key"),
        when(col("firm_id").isNotNull(), lit("crn_exact")).otherwise(lit("unlinked")).as("method"),
        when(col("firm_id").isNotNull(), lit(1.0)).as("match_probability"),
        lit(null).cast(DataTypes.DoubleType).as("match_weight"),
        when(col("firm_id").isNotNull(), lit("{\"crn\":\"exact\"}")).as("evidence"), lit(runId).as("link_run_id"));
  }
}
