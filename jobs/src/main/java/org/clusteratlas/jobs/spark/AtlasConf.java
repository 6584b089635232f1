package org.clusteratlas.jobs.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where run settings are resolved. Precedence, highest first:
 *
 * <ol>
 *   <li>command-line options ({@code --warehouse}, {@code --master}, {@code --conf key=value});
 *   <li>environment variables ({@code ATLAS_WAREHOUSE}, {@code ATLAS_MASTER}, {@code ATLAS_SHUFFLE_PARTITIONS});
 *   <li>defaults: warehouse {@code ./warehouse}, master {@code local[*]}, shuffle partitions 8.
 * </ol>
 *
 * <p>Under {@code spark-submit} the master chosen there wins: an explicit {@code spark.master} already
 * present in the Spark configuration is never overridden. Driver memory is not set here: it must be
 * fixed before the JVM starts ({@code ATLAS_DRIVER_MEMORY} in bin/atlas, {@code --driver-memory} for
 * spark-submit).
 */
public record AtlasConf(String warehouse, String master, int shufflePartitions, Map<String, String> sparkConf) {

  public static final String DEFAULT_WAREHOUSE = "warehouse";
  public static final String DEFAULT_MASTER = "local[*]";
  public static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

  public AtlasConf {
    sparkConf = Map.copyOf(sparkConf);
  }

  /**
   * Resolves settings from the CLI values (null when not given) and an environment lookup.
   *
   * @throws IllegalArgumentException with a one-line message for malformed values
   */
  public static AtlasConf resolve(
      String cliWarehouse, String cliMaster, Map<String, String> cliConf, Function<String, String> env) {
    String warehouse = first(cliWarehouse, env.apply("ATLAS_WAREHOUSE")).orElse(DEFAULT_WAREHOUSE);
    String master = first(cliMaster, env.apply("ATLAS_MASTER")).orElse(DEFAULT_MASTER);
    Map<String, String> conf = new LinkedHashMap<>(cliConf == null ? Map.of() : cliConf);
    String partitionsText = first(conf.remove("spark.sql.shuffle.partitions"),
        env.apply("ATLAS_SHUFFLE_PARTITIONS")).orElse(String.valueOf(DEFAULT_SHUFFLE_PARTITIONS));
    int partitions;
    try {
      partitions = Integer.parseInt(partitionsText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shuffle partitions must be a whole number, got '" + partitionsText + "'");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("shuffle partitions must be at least 1, got " + partitions);
    }
    return new AtlasConf(warehouse, master, partitions, conf);
  }

  public static AtlasConf fromEnvironment(String cliWarehouse, String cliMaster, Map<String, String> cliConf) {
    return resolve(cliWarehouse, cliMaster, cliConf, System::getenv);
  }

  private static Optional<String> first(String a, String b) {
    if (a != null && !a.isBlank()) {
      return Optional.of(a);
    }
    return Optional.ofNullable(b).filter(s -> !s.isBlank());
  }
}
