package org.clusteratlas.jobs.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession every command runs in, from an {@link AtlasConf}. */
public final class AtlasSession {
  private AtlasSession() {}

  /**
   * The date the run is for (the Airflow DAG's run date, {@code --run-date}), kept in the session so every
   * stage of the run records the same one in its manifest and the published snapshot names it.
   */
  public static final String RUN_DATE = "spark.atlas.runDate";

  /** The run date of this session's run, or null when none was set (a session made outside the CLI). */
  public static String runDate(SparkSession spark) {
    return spark.conf().getOption(RUN_DATE).getOrElse(() -> null);
  }

  public static SparkSession create(AtlasConf conf, String appName) {
    SparkConf existing = new SparkConf(); // picks up spark-submit's spark.* system properties
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    // spark-submit's master wins over --master / ATLAS_MASTER (whose default is local)
    String master = existing.contains("spark.master") ? existing.get("spark.master") : conf.master();
    b.master(master);
    b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", conf.shufflePartitions())
        .config("spark.sql.session.timeZone", "Asia/Seoul")
        // shuffle files are deleted only after the JVM collects the frames that made them; a big, quiet
        // driver heap may not collect for Spark's default 30 min while national-scale shuffles fill the disk
        .config("spark.cleaner.periodicGC.interval", "5min")
        // embedded runs print their own progress; Spark's console progress bar would interleave
        .config("spark.ui.showConsoleProgress", "false");
    if (!existing.contains(CODEGEN_CACHE)) {
      // A run repeats query shapes many times (each DiD estimate, each table's write and check); Spark's
      // default cache of 100 compiled classes evicted them between repeats, so each was generated,
      // compiled by Janino and JIT-compiled again (the JIT took half the CPU time of a demo run).
      b.config(CODEGEN_CACHE, CODEGEN_CACHE_ENTRIES);
    }
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    localBuffers(master, key -> existing.contains(key) || conf.sparkConf().containsKey(key)).forEach(b::config);
    for (Map.Entry<String, String> e : conf.sparkConf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    if (!existing.contains(SNAPSHOT_PARTITIONS) && !conf.sparkConf().containsKey(SNAPSHOT_PARTITIONS)) {
      spark.conf().set(SNAPSHOT_PARTITIONS, snapshotPartitions(conf.shufflePartitions(),
          spark.sparkContext().isLocal() ? spark.sparkContext().defaultParallelism() : null));
    }
    return spark;
  }

  static final String CODEGEN_CACHE = "spark.sql.codegen.cache.maxEntries";
  static final String CODEGEN_CACHE_ENTRIES = "2000";

  static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  static final String PAGE_SIZE = "spark.buffer.pageSize";
  static final String BROADCAST_BLOCK = "spark.broadcast.blockSize";

  /**
   * Buffer sizes for a local master, where each not set elsewhere ({@code isSet}) applies. Spark sizes its
   * memory pages from the heap alone (64 MB above a few GiB) and every hash aggregation, sort and
   * broadcast hash table takes a whole page however few rows it holds; a broadcast table also stays in the
   * driver's block store with its page until the plan that made it is collected. A demo run allocated
   * 17 GB in such pages and broadcast chunks and kept 1.1–1.5 GB of 64 MB pages live (its collector
   * paused for 40 s in all under the parallel collector). With 2 MB pages a national-scale task still
   * addresses 16 GB (8,192 pages); broadcast chunks of 1 MB only mean more chunks for the few large
   * tables. A cluster keeps Spark's sizes.
   */
  static Map<String, String> localBuffers(String master, Predicate<String> isSet) {
    if (!master.startsWith("local")) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (!isSet.test(PAGE_SIZE)) {
      out.put(PAGE_SIZE, "2m");
    }
    if (!isSet.test(BROADCAST_BLOCK)) {
      out.put(BROADCAST_BLOCK, "1m");
    }
    return out;
  }

  /**
   * Partitions Delta replays a table's log with (its default is 50): on a local master one per core, at
   * most the shuffle's count. A log's size follows the number of files and commits, not the rows, so the
   * data's shuffle partition count (64 at national scale) made each of a link run's 140 snapshot and
   * file-listing jobs pay 64 tasks, 94 s in all on 2 cores. On a cluster ({@code localCores} null) the
   * shuffle's count stays: the cores registered when the session starts say little there (executors may
   * still be coming, or be added on demand).
   */
  static int snapshotPartitions(int shufflePartitions, Integer localCores) {
    return localCores == null ? shufflePartitions : Math.max(1, Math.min(shufflePartitions, localCores));
  }
}
