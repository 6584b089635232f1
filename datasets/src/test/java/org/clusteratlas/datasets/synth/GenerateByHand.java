package org.clusteratlas.datasets.synth;

import org.apache.spark.sql.SparkSession;

/**
 * Not a test: a main to measure the generator by hand, e.g. {@code GenerateByHand 0.1 /tmp/atlas-raw}
 * (scale, output directory; local[*]). Prints rows, bytes and seconds per stage.
 */
public final class GenerateByHand {
  private GenerateByHand() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[*]").appName("atlas-generate-by-hand")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    GeneratorConfig config = GeneratorConfig.defaults(args[1]).withScale(Double.parseDouble(args[0]));
    GenerationSummary s = NationalGenerator.generate(spark, config);
    s.sources().forEach(x -> System.out.printf("%-10s %5d files %,14d rows %,16d bytes%n", x.source(), x.files(),
        x.rows(), x.bytes()));
    s.stageSeconds().forEach((k, v) -> System.out.printf("%-30s %8.1f s%n", k, v));
    System.out.printf("total %.1f s, %,d rows, %,d bytes, %,.0f rows/s%n", s.totalSeconds(), s.totalRows(),
        s.totalBytes(), s.rowsPerSecond());
    spark.stop();
  }
}
