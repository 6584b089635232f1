package org.clusteratlas.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.synth.GenerationSummary;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;

/** Prints what the generator wrote, and tells whether an output folder already holds a given dataset. */
final class GenerationReport {
  private GenerationReport() {}

  static String render(GenerationSummary s) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("  %-10s %6s %14s %12s%n", "source", "files", "rows", "MiB"));
    for (GenerationSummary.SourceStats src : s.sources()) {
      sb.append(String.format("  %-10s %6d %,14d %12.1f%n", src.source(), src.files(), src.rows(),
          src.bytes() / 1048576.0));
    }
    sb.append(String.format("  generated %,d rows (%.1f MiB) in %.1f s: %,.0f rows/s%n", s.totalRows(),
        s.totalBytes() / 1048576.0, s.totalSeconds(), s.rowsPerSecond()));
    return sb.toString();
  }

  /**
   * True when {@code <out>/_generation.json} records exactly this configuration, so a demo re-run can
   * reuse the files (generation is deterministic: the same configuration writes the same bytes).
   */
  static boolean sameAsOnDisk(SparkSession spark, GeneratorConfig config) {
    Path marker = new Path(config.outDir(), "_generation.json");
    try {
      FileSystem fs = marker.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(marker)) {
        return false;
      }
      try (InputStream in = fs.open(marker)) {
        JsonNode doc = new ObjectMapper().readTree(in);
        JsonNode c = doc.path("config");
        return NationalGenerator.VERSION.equals(doc.path("version").asText())
            && c.path("scale").asDouble(-1) == config.scale()
            && c.path("firstYear").asInt() == config.firstYear()
            && c.path("lastYear").asInt() == config.lastYear()
            && config.npsLastMonth().toString().equals(c.path("npsLastMonth").asText())
            && c.path("seed").asLong() == config.seed();
      }
    } catch (IOException e) {
      return false; // unreadable marker: regenerate
    }
  }
}
