package org.clusteratlas.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects one local SparkSession shared by every test class of the JVM.
 * Starting Spark costs seconds, so it is created on first use and stopped when the JVM exits; the
 * settings are the usual ones for tests: two threads, no UI, loopback only, few shuffle partitions,
 * and the Delta extension and catalog.
 *
 * <pre>{@code @ExtendWith(SharedSpark.class)
 * class SomeTest {
 *   @Test void works(SparkSession spark) { ... }
 * }}</pre>
 */
public final class SharedSpark implements ParameterResolver, AfterAllCallback {
  private static SparkSession session;

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("cluster-atlas-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.sql.session.timeZone", "Asia/Seoul")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
          // small pages and broadcast chunks, as every atlas run on a local master (AtlasSession.localBuffers)
          .config("spark.buffer.pageSize", "2m")
          .config("spark.broadcast.blockSize", "1m")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(SharedSpark::stop));
    }
    return session;
  }

  private static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }

  /** Each test class leaves nothing cached behind: the session lives on, its memory does not. */
  @Override
  public void afterAll(ExtensionContext context) {
    synchronized (SharedSpark.class) {
      if (session != null) {
        session.catalog().clearCache();
        session.sparkContext().getPersistentRDDs().values().foreach(rdd -> rdd.unpersist(false));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }
}
