package org.clusteratlas.jobs.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Intermediate frames of one job run, written as Parquet under {@code <warehouse>/_scratch/<run>-<job>}
 * and read back: the lineage is cut (later plans stay small) like a local checkpoint, but the bytes
 * are columnar and compressed, and they are freed when the caller says so. A local checkpoint's blocks
 * stay on the executors' local disks until the JVM happens to collect the frame; at national scale the
 * link job's checkpoints of NPS records filled 50 GB of disk that way.
 *
 * <p>One instance per job run; threads of the run may share it. A run killed before {@link #close()} leaves its
 * folder behind (it holds nothing a later run reads).
 */
public final class Scratch implements AutoCloseable {
  private final Warehouse warehouse;
  private final Path folder;
  private final AtomicInteger next = new AtomicInteger();

  public Scratch(Warehouse warehouse, String runId, String job) {
    this.warehouse = warehouse;
    // Airflow's run ids hold ':' and '+', which Hadoop paths and globs handle badly
    this.folder = new Path(warehouse.root() + "/_scratch/" + (runId + "-" + job).replaceAll("[^A-Za-z0-9_.-]", "_"));
  }

  /** Writes the frame once and returns it read back from its files. */
  public Dataset<Row> keep(Dataset<Row> frame) {
    String path = new Path(folder, String.valueOf(next.getAndIncrement())).toString();
    frame.write().mode("overwrite").parquet(path);
    return warehouse.spark().read().parquet(path);
  }

  /** Deletes every frame kept so far; frames read from them must not be used afterwards. */
  public void clear() {
    try {
      FileSystem fs = warehouse.fileSystem();
      if (fs.exists(folder)) {
        fs.delete(folder, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete scratch folder " + folder, e);
    }
  }

  @Override
  public void close() {
    clear();
  }
}
