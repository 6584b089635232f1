package org.clusteratlas.jobs.cli;

import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.synth.GenerationSummary;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.spark.AtlasConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write the synthetic national dataset (six raw sources in their real layouts + ground truth).")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--scale", defaultValue = "0.01",
      description = "1.0 ≈ national (~600k firms, ~75k R&D projects and ~240k patents a year). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--years", defaultValue = "2015-2025", paramLabel = "FIRST-LAST",
      description = "Fiscal years covered. Default: ${DEFAULT-VALUE}.")
  String years;

  @Option(names = "--nps-through", defaultValue = "2026-09", paramLabel = "YYYY-MM",
      description = "Last monthly NPS file (NPS runs on into 2026 so its region-code changes appear). Default: ${DEFAULT-VALUE}.")
  YearMonth npsThrough;

  @Option(names = "--seed", defaultValue = "20261123", description = "Same seed ⇒ byte-identical output. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", defaultValue = "atlas-data", paramLabel = "PATH",
      description = "Output root (local path or Hadoop URI). Default: ${DEFAULT-VALUE}.")
  String out;

  @Override
  public Integer call() {
    GeneratorConfig config = config(scale, years, npsThrough, seed, out);
    AtlasConf conf = common.resolve();
    SparkSession spark = common.session(conf, "generate");
    GenerationSummary summary = NationalGenerator.generate(spark, config);
    System.out.print(GenerationReport.render(summary));
    return 0;
  }

  static GeneratorConfig config(double scale, String years, YearMonth npsThrough, long seed, String out) {
    String[] parts = years.split("-");
    if (parts.length != 2 || !parts[0].matches("\\d{4}") || !parts[1].matches("\\d{4}")) {
      throw new IllegalArgumentException("--years must look like 2015-2025, got '" + years + "'");
    }
    return new GeneratorConfig(scale, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), npsThrough, seed, out);
  }
}
