package org.clusteratlas.datasets.synth;

import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.raw.RawSource;

/**
 * Writes the six raw sources of a synthetic country in their real layouts, plus the ground truth, on
 * Spark. Entities are generated from {@code spark.range} indices by plain Java factories; every draw is
 * keyed by (seed, entity, purpose), and every file is written by one task in a deterministic row order,
 * so the same configuration gives byte-identical output on any number of cores or partitions.
 *
 * <p>Stages: firm tables (registry, financials, program rosters, firm_treatment), NPS, totals (per-year
 * project and patent-rate sums, a handful of numbers collected to the driver), NTIS, KIPRIS, truth.
 */
public final class NationalGenerator {
  private static final Logger LOG = LogManager.getLogger(NationalGenerator.class);

  private static final StructType TOTALS = new StructType()
      .add("kind", DataTypes.IntegerType, false)
      .add("year", DataTypes.IntegerType, false)
      .add("class", DataTypes.IntegerType, false)
      .add("value", DataTypes.LongType, false);

  private NationalGenerator() {}

  public static GenerationSummary generate(SparkSession spark, GeneratorConfig config) {
    return generate(spark, config, DirtRates.defaults());
  }

  public static GenerationSummary generate(SparkSession spark, GeneratorConfig config, DirtRates dirt) {
    long start = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    LOG.info("generating synthetic country: scale {}, years {}–{}, NPS through {}, seed {}, into {}",
        config.scale(), config.firstYear(), config.lastYear(), config.npsLastMonth(), config.seed(),
        config.outDir());
    long t = System.nanoTime();
    World world = World.build(config, dirt);
    Broadcast<World> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(world);
    FileCatalog catalog = new FileCatalog(config);
    HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    FileSystem fs = hadoop.fileSystem(config.outDir());
    String out = config.outDir();
    SourceFileWriter.delete(fs, new Path(out, "truth"));
    int slices = (int) Math.max(spark.sparkContext().defaultParallelism() * 2L, world.firms / 3_000 + 1);
    Dataset<Long> firms = spark.range(0, world.firms, 1, slices);
    seconds.put("world", elapsed(t));
    LOG.info("world ready: {} firms, {} sole proprietorships, {} months", world.firms, world.soleProprietors,
        world.months);

    List<Row> written = new ArrayList<>();

    t = System.nanoTime();
    for (RawSource s : List.of(RawSource.REGISTRY, RawSource.FINANCIALS, RawSource.PROGRAMS)) {
      SourceFileWriter.delete(fs, new Path(out, s.folder()));
    }
    Dataset<Row> firmTables = firms.mapPartitions(firmTables(shared, catalog), Encoders.row(SourceFileWriter.LINE));
    written.addAll(SourceFileWriter.write(firmTables, catalog, hadoop, out, 2 + config.years() * 4));
    seconds.put("registry+financials+programs", elapsed(t));
    LOG.info("registry, financials and program rosters written in {} s", seconds.get("registry+financials+programs"));

    t = System.nanoTime();
    SourceFileWriter.delete(fs, new Path(out, RawSource.NPS.folder()));
    Dataset<Row> nps = firms.mapPartitions(npsFirms(shared, catalog), Encoders.row(SourceFileWriter.LINE))
        .union(spark.range(0, world.soleProprietors, 1, Math.max(2, slices / 2))
            .mapPartitions(npsSole(shared, catalog), Encoders.row(SourceFileWriter.LINE)));
    written.addAll(SourceFileWriter.write(nps, catalog, hadoop, out, config.months()));
    seconds.put("nps", elapsed(t));
    LOG.info("NPS written in {} s", seconds.get("nps"));

    t = System.nanoTime();
    List<Row> totals = firms.mapPartitions(totals(shared), Encoders.row(TOTALS))
        .groupBy("kind", "year", "class").agg(sum("value").as("value"))
        .collectAsList();
    long[] firmProjects = new long[config.years()];
    long[][] rate = new long[3][config.years()];
    for (Row r : totals) {
      int y = r.getInt(1) - config.firstYear();
      if (r.getInt(0) == 0) {
        firmProjects[y] += r.getLong(3);
      } else {
        rate[r.getInt(2)][y] += r.getLong(3);
      }
    }
    seconds.put("totals", elapsed(t));

    t = System.nanoTime();
    SourceFileWriter.delete(fs, new Path(out, RawSource.NTIS.folder()));
    NtisLines ntisLines = new NtisLines(world, catalog);
    long[] otherProjects = new long[config.years()];
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      int i = y - config.firstYear();
      otherProjects[i] = Math.max(0, ntisLines.projectsTarget(y) - firmProjects[i]);
      LOG.info("NTIS {}: {} projects with a firm, {} without", y, firmProjects[i], otherProjects[i]);
    }
    long[] otherStarts = starts(otherProjects);
    Dataset<Row> ntis = firms.mapPartitions(ntisFirms(shared, catalog), Encoders.row(SourceFileWriter.LINE))
        .union(spark.range(0, otherStarts[otherStarts.length - 1], 1, slices)
            .mapPartitions(ntisOther(shared, catalog, otherStarts), Encoders.row(SourceFileWriter.LINE)));
    written.addAll(SourceFileWriter.write(ntis, catalog, hadoop, out, config.years()));
    seconds.put("ntis", elapsed(t));
    LOG.info("NTIS written in {} s", seconds.get("ntis"));

    t = System.nanoTime();
    SourceFileWriter.delete(fs, new Path(out, RawSource.KIPRIS.folder()));
    KiprisLines kipris = new KiprisLines(world, catalog);
    double[][] factor = new double[3][config.years()];
    long[] nonFirm = new long[config.years() * 3];
    double[] nonFirmShare = {KiprisLines.PUBLIC, KiprisLines.FOREIGN, KiprisLines.INDIVIDUAL};
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      int i = y - config.firstYear();
      long target = kipris.target(y);
      for (int c = 0; c < 3; c++) {
        factor[c][i] = rate[c][i] == 0 ? 0 : target * KiprisLines.classShare(c) / (rate[c][i] / 1e6);
      }
      for (int k = 0; k < 3; k++) {
        nonFirm[i * 3 + k] = Math.round(target * nonFirmShare[k]);
      }
    }
    long[] nonFirmStarts = starts(nonFirm);
    Dataset<Row> drafts = firms.mapPartitions(kiprisFirms(shared, catalog, factor), Encoders.row(KiprisLines.DRAFT))
        .union(spark.range(0, nonFirmStarts[nonFirmStarts.length - 1], 1, slices)
            .mapPartitions(kiprisOther(shared, catalog, nonFirmStarts), Encoders.row(KiprisLines.DRAFT)));
    Dataset<Row> numbered = drafts.withColumn("serial",
        row_number().over(Window.partitionBy("year").orderBy("date", "hash", "uid")));
    Dataset<Row> kiprisRows = numbered.map(kiprisLine(shared, catalog), Encoders.row(SourceFileWriter.LINE));
    written.addAll(SourceFileWriter.write(kiprisRows, catalog, hadoop, out, config.years()));
    seconds.put("kipris", elapsed(t));
    LOG.info("KIPRIS written in {} s", seconds.get("kipris"));

    t = System.nanoTime();
    TruthFiles.finish(spark, world, hadoop, catalog);
    seconds.put("truth", elapsed(t));

    List<GenerationSummary.FileStats> files = new ArrayList<>();
    for (Row r : written) {
      FileCatalog.Entry e = catalog.get(r.getInt(0));
      files.add(new GenerationSummary.FileStats(e.source() == null ? "truth" : e.source().id(), e.path(),
          r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    GenerationSummary summary = new GenerationSummary(config, bySource(files), files, seconds, elapsed(start));
    TruthFiles.writeSummary(fs, world, summary);
    LOG.info("generation done: {} rows, {} bytes in {} s ({} rows/s)", summary.totalRows(), summary.totalBytes(),
        String.format("%.1f", summary.totalSeconds()), String.format("%.0f", summary.rowsPerSecond()));
    return summary;
  }

  private static List<GenerationSummary.SourceStats> bySource(List<GenerationSummary.FileStats> files) {
    Map<String, long[]> acc = new LinkedHashMap<>();
    for (RawSource s : RawSource.values()) {
      acc.put(s.id(), new long[3]);
    }
    acc.put("truth", new long[3]);
    for (GenerationSummary.FileStats f : files) {
      long[] a = acc.get(f.source());
      a[0]++;
      a[1] += f.rows();
      a[2] += f.bytes();
    }
    List<GenerationSummary.SourceStats> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new GenerationSummary.SourceStats(k, (int) v[0], v[1], v[2])));
    return out;
  }

  /** Prefix sums: entry i is where block i starts; the last entry is the total. */
  private static long[] starts(long[] counts) {
    long[] s = new long[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      s[i + 1] = s[i] + counts[i];
    }
    return s;
  }

  private static int block(long[] starts, long index) {
    int lo = 0;
    int hi = starts.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static double elapsed(long since) {
    return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
  }

  // ---- the task functions (static, so they capture only what they name)

  private static MapPartitionsFunction<Long, Row> firmTables(Broadcast<World> shared, FileCatalog catalog) {
    return ids -> {
      World w = shared.value();
      FirmFactory factory = new FirmFactory(w);
      RegistryLines registry = new RegistryLines(w, catalog);
      ProgramLines programs = new ProgramLines(w, catalog);
      return new FlatIterator<>(ids, i -> {
        Firm f = factory.firm(i);
        List<Row> rows = new ArrayList<>(registry.registry(f));
        rows.addAll(registry.financials(f));
        rows.addAll(programs.rows(f));
        rows.addAll(programs.treatment(f));
        return rows;
      });
    };
  }

  private static MapPartitionsFunction<Long, Row> npsFirms(Broadcast<World> shared, FileCatalog catalog) {
    return ids -> {
      World w = shared.value();
      FirmFactory factory = new FirmFactory(w);
      NpsLines lines = new NpsLines(w, catalog);
      return new FlatIterator<>(ids, i -> lines.rows(factory.firm(i)));
    };
  }

  private static MapPartitionsFunction<Long, Row> npsSole(Broadcast<World> shared, FileCatalog catalog) {
    return ids -> {
      World w = shared.value();
      SoleFactory factory = new SoleFactory(w);
      NpsLines lines = new NpsLines(w, catalog);
      return new FlatIterator<>(ids, i -> lines.rows(factory.sole(i)));
    };
  }

  /** Per firm: projects per year (kind 0) and fixed-point patent rate per year and size class (kind 1). */
  private static MapPartitionsFunction<Long, Row> totals(Broadcast<World> shared) {
    return ids -> {
      World w = shared.value();
      FirmFactory factory = new FirmFactory(w);
      int first = w.config.firstYear();
      return new FlatIterator<>(ids, i -> {
        Firm f = factory.firm(i);
        List<Row> rows = new ArrayList<>();
        int c = KiprisLines.sizeClassIndex(f.sizeClass());
        for (int y = 0; y < f.projects().length; y++) {
          if (f.projects()[y] > 0) {
            rows.add(RowFactory.create(0, first + y, 0, (long) f.projects()[y]));
          }
          long rate = KiprisLines.fixedPoint(f.patentRate()[y]);
          if (rate > 0) {
            rows.add(RowFactory.create(1, first + y, c, rate));
          }
        }
        return rows;
      });
    };
  }

  private static MapPartitionsFunction<Long, Row> ntisFirms(Broadcast<World> shared, FileCatalog catalog) {
    return ids -> {
      World w = shared.value();
      FirmFactory factory = new FirmFactory(w);
      NtisLines lines = new NtisLines(w, catalog);
      return new FlatIterator<>(ids, i -> {
        Firm f = factory.firm(i);
        boolean any = false;
        for (byte p : f.projects()) {
          any |= p > 0;
        }
        return any ? lines.rows(f) : List.of();
      });
    };
  }

  private static MapPartitionsFunction<Long, Row> ntisOther(Broadcast<World> shared, FileCatalog catalog,
      long[] starts) {
    return ids -> {
      World w = shared.value();
      NtisLines lines = new NtisLines(w, catalog);
      return new FlatIterator<>(ids, i -> {
        int b = block(starts, i);
        return lines.rows(w.config.firstYear() + b, i - starts[b]);
      });
    };
  }

  private static MapPartitionsFunction<Long, Row> kiprisFirms(Broadcast<World> shared, FileCatalog catalog,
      double[][] factor) {
    return ids -> {
      World w = shared.value();
      FirmFactory factory = new FirmFactory(w);
      KiprisLines lines = new KiprisLines(w, catalog);
      return new FlatIterator<>(ids, i -> {
        Firm f = factory.firm(i);
        return lines.drafts(f, factor[KiprisLines.sizeClassIndex(f.sizeClass())]);
      });
    };
  }

  private static MapPartitionsFunction<Long, Row> kiprisOther(Broadcast<World> shared, FileCatalog catalog,
      long[] starts) {
    return ids -> {
      World w = shared.value();
      KiprisLines lines = new KiprisLines(w, catalog);
      return new FlatIterator<>(ids, i -> {
        int b = block(starts, i);
        return List.of(lines.draft(w.config.firstYear() + b / 3, b % 3, i - starts[b]));
      });
    };
  }

  private static MapFunction<Row, Row> kiprisLine(Broadcast<World> shared, FileCatalog catalog) {
    return new MapFunction<>() {
      private static final long serialVersionUID = 1L;
      private transient KiprisLines lines;

      @Override
      public Row call(Row draft) {
        if (lines == null) {
          lines = new KiprisLines(shared.value(), catalog);
        }
        return lines.line(draft, draft.getInt(draft.length() - 1));
      }
    };
  }
}
