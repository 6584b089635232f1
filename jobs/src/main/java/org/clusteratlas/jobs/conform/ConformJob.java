package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.region.AddressRegions;
import org.clusteratlas.jobs.spark.Concurrent;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Scratch;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * Stage {@code conform}: bronze + silver.firm + silver.entity_link → the conformed silver tables
 * (establishment_year, firm_year, rnd_participation, patent, patent_party, program_participation).
 *
 * <p>Every output is rebuilt from its inputs and written with a full overwrite, so a re-run on the same
 * inputs gives the same contents. Before a table is written its key is checked: a repeated key fails the
 * run with the table, the key and examples, and nothing of that table is written.
 */
public final class ConformJob {
  private static final Logger LOG = LogManager.getLogger(ConformJob.class);

  /** The stage name in run manifests. */
  public static final String STAGE = "conform";

  /** Chains of table writes run at once; more only queue up on a 2-core machine. */
  private static final int CONCURRENT_CHAINS = 3;

  /** Tables written (establishment years before firm years; the other tables at the same time). */
  public static final List<TableContract> OUTPUTS = List.of(Silver.ESTABLISHMENT_YEAR, Silver.FIRM_YEAR,
      Silver.RND_PARTICIPATION, Silver.PATENT, Silver.PATENT_PARTY, Silver.PROGRAM_PARTICIPATION);

  private static final List<TableContract> BRONZE_INPUTS =
      List.of(Bronze.NPS, Bronze.FINANCIALS, Bronze.NTIS, Bronze.KIPRIS, Bronze.PROGRAMS);
  private static final List<TableContract> LINK_INPUTS = List.of(Silver.FIRM, Silver.ENTITY_LINK);

  /** Rows written per table and a few coverage figures. */
  public record Result(String runId, Map<String, Long> rows, Map<String, Object> coverage) {}

  private final Warehouse warehouse;

  public ConformJob(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Runs the stage under its own manifest ({@code _runs/<runId>/conform.json}). This is the entry for
   * {@code atlas conform}, {@code atlas link} (after linking) and the demo.
   */
  public static Result run(Warehouse warehouse, String runId) {
    ConformJob job = new ConformJob(warehouse);
    job.requireInputs(); // before the manifest, so a mistyped warehouse path does not get a _runs folder
    return RunManifest.record(warehouse, runId, STAGE, job::run);
  }

  public Result run(RunManifest manifest) {
    // NPS-sized intermediate frames go to files deleted when the stage ends, not to local disk blocks
    try (Scratch scratch = new Scratch(warehouse, manifest.runId(), "conform")) {
      return run(manifest, scratch);
    }
  }

  private Result run(RunManifest manifest, Scratch scratch) {
    requireInputs();
    for (TableContract t : BRONZE_INPUTS) {
      manifest.input(t);
    }
    for (TableContract t : LINK_INPUTS) {
      manifest.input(t);
    }
    Dataset<Row> links = warehouse.read(Silver.ENTITY_LINK);
    Dataset<Row> firms = warehouse.read(Silver.FIRM);
    Map<String, Long> rows = new LinkedHashMap<>();

    Dataset<Row> nps = warehouse.read(Bronze.NPS);
    Dataset<Row> crosswalk = manifest.step("nts crosswalk", () -> NtsCrosswalk.forNps(nps));
    // four independent chains of small Spark jobs, run side by side (each writes its own tables)
    Map<String, Supplier<Map<String, Long>>> chains = new LinkedHashMap<>();
    chains.put("establishments", () -> {
      Map<String, Long> n = new LinkedHashMap<>();
      n.put(Silver.ESTABLISHMENT_YEAR.qualifiedName(), write(manifest, Silver.ESTABLISHMENT_YEAR,
          () -> EstablishmentYears.build(nps, links, firms, crosswalk, scratch::keep)));
      // firm_year reads the establishment years just written rather than recomputing them
      n.put(Silver.FIRM_YEAR.qualifiedName(), write(manifest, Silver.FIRM_YEAR,
          () -> FirmYears.build(warehouse.read(Silver.ESTABLISHMENT_YEAR), warehouse.read(Bronze.FINANCIALS), firms)));
      return n;
    });
    chains.put("r&d", () -> Map.of(Silver.RND_PARTICIPATION.qualifiedName(), write(manifest,
        Silver.RND_PARTICIPATION, () -> RndParticipations.build(warehouse.read(Bronze.NTIS), links, firms))));
    chains.put("patents", () -> {
      Map<String, Long> n = new LinkedHashMap<>();
      Dataset<Row> records = Patents.latest(warehouse.read(Bronze.KIPRIS)).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        n.put(Silver.PATENT.qualifiedName(), write(manifest, Silver.PATENT, () -> Patents.applications(records)));
        n.put(Silver.PATENT_PARTY.qualifiedName(), write(manifest, Silver.PATENT_PARTY,
            () -> Patents.parties(records, links, AddressRegions.lookup(warehouse.spark()))));
      } finally {
        records.unpersist();
      }
      return n;
    });
    chains.put("programs", () -> Map.of(Silver.PROGRAM_PARTICIPATION.qualifiedName(), write(manifest,
        Silver.PROGRAM_PARTICIPATION, () -> ProgramParticipations.build(warehouse.read(Bronze.PROGRAMS), links, firms))));
    Map<String, Map<String, Long>> written = Concurrent.all(chains, CONCURRENT_CHAINS, "atlas-conform");
    Map<String, Long> byTable = new HashMap<>();
    written.values().forEach(byTable::putAll);
    OUTPUTS.forEach(t -> rows.put(t.qualifiedName(), byTable.get(t.qualifiedName())));

    Map<String, Object> coverage = manifest.step("coverage", this::coverage);
    manifest.detail("coverage", coverage);
    LOG.info("conform {}: {}", manifest.runId(), rows);
    return new Result(manifest.runId(), rows, coverage);
  }

  private void requireInputs() {
    for (TableContract t : BRONZE_INPUTS) {
      if (!warehouse.exists(t)) {
        throw new UserError(t.qualifiedName() + " not found in warehouse " + warehouse.root()
            + " (run 'atlas ingest' first)");
      }
    }
    for (TableContract t : LINK_INPUTS) {
      if (!warehouse.exists(t)) {
        throw new UserError(t.qualifiedName() + " not found in warehouse " + warehouse.root()
            + " (run 'atlas link' first)");
      }
    }
  }

  /**
   * Builds the rows, checks the key, then replaces the table's contents; returns the rows written. The
   * build is inside the step because some builds materialise frames (the workplace keys) as they go.
   */
  private long write(RunManifest manifest, TableContract table, Supplier<Dataset<Row>> rows) {
    return manifest.step("write " + table.qualifiedName(), () -> {
      Dataset<Row> cached = rows.get().persist(StorageLevel.MEMORY_AND_DISK());
      try {
        requireUniqueKey(cached, table);
        warehouse.ensure(table); // created with the contract's schema and comments, then overwritten
        cached.write().format("delta").mode("overwrite").save(warehouse.path(table));
      } finally {
        cached.unpersist();
      }
      long n = warehouse.read(table).count();
      manifest.output(table, n);
      return n;
    });
  }

  /** Fails with the table, its key and up to three repeated key values when a key occurs twice. */
  static void requireUniqueKey(Dataset<Row> rows, TableContract table) {
    Column[] key = table.keyColumns().stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> repeated = rows.groupBy(key).agg(count(lit(1)).as("n")).filter(col("n").gt(1));
    List<Row> examples = repeated.limit(3).collectAsList();
    if (!examples.isEmpty()) {
      long total = repeated.count();
      throw new IllegalStateException(table.qualifiedName() + ": key (" + String.join(", ", table.keyColumns())
          + ") is not unique: " + total + " key value(s) repeat, e.g. " + examples.stream()
          .map(r -> r.mkString("(", ", ", ")") + " ×" + r.getLong(r.size() - 1)).collect(Collectors.joining("; ")));
    }
  }

  /** How much of each table could be tied to a firm or a region: the numbers to watch between runs. */
  private Map<String, Object> coverage() {
    Map<String, Object> out = new LinkedHashMap<>();
    shares(out, Silver.ESTABLISHMENT_YEAR, lit(true), Map.of(
        "establishment_year_linked_share", col("firm_id").isNotNull(),
        "establishment_year_with_ksic_share", col("ksic_division").isNotNull()));
    shares(out, Silver.FIRM_YEAR, lit(true), Map.of(
        "firm_year_employment_from_financials_share", col("employment_source").equalTo("financials"),
        "firm_year_without_employment_share", col("employment").isNull()));
    shares(out, Silver.RND_PARTICIPATION, lit(true), Map.of(
        "rnd_participation_linked_share", col("firm_id").isNotNull()));
    shares(out, Silver.PATENT_PARTY, col("role").equalTo("applicant"), Map.of(
        "patent_applicant_linked_share", col("firm_id").isNotNull()));
    shares(out, Silver.PATENT_PARTY, lit(true), Map.of(
        "patent_party_sido_resolved_share", col("sido_code").isNotNull(),
        "patent_party_sigungu_resolved_share", col("region_code").isNotNull()));
    shares(out, Silver.PROGRAM_PARTICIPATION, lit(true), Map.of(
        "program_participation_linked_share", col("firm_id").isNotNull()));
    return out;
  }

  /**
   * Puts, per name, the share of the table's rows matching {@code among} that satisfy the condition
   * (null when no row matches), in one aggregation per table.
   */
  private void shares(Map<String, Object> out, TableContract table, Column among, Map<String, Column> conditions) {
    List<String> names = conditions.keySet().stream().sorted().toList();
    Row r = warehouse.read(table).filter(among)
        .agg(avg(when(conditions.get(names.get(0)), 1.0).otherwise(0.0)), names.stream().skip(1)
            .map(n -> avg(when(conditions.get(n), 1.0).otherwise(0.0))).toArray(Column[]::new))
        .first();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), r.isNullAt(i) ? null : Math.round(r.getDouble(i) * 10_000) / 10_000.0);
    }
  }
}
