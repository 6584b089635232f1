package org.clusteratlas.datasets.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Same seed ⇒ byte-identical files whatever the partitioning; another seed ⇒ different files. */
@ExtendWith(SharedSpark.class)
class DeterminismTest {

  @Test
  void outputDependsOnlyOnTheConfiguration(SparkSession spark, @TempDir Path dir) throws Exception {
    // three years keep the test quick; partition independence does not depend on the span
    GeneratorConfig base = new GeneratorConfig(0.0005, 2015, 2017, YearMonth.of(2017, 12), 20261123L,
        dir.resolve("a").toString());
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    GenerationSummary a;
    Map<String, String> other;
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "3");
      a = NationalGenerator.generate(spark, base);
      NationalGenerator.generate(spark, base.withOutDir(dir.resolve("b").toString()).withSeed(42));
      other = digests(dir.resolve("b"));
      // the same configuration again, with other partitioning, into the folder just used: same bytes
      spark.conf().set("spark.sql.shuffle.partitions", "11");
      NationalGenerator.generate(spark, base.withOutDir(dir.resolve("b").toString()));
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }

    Map<String, String> first = digests(dir.resolve("a"));
    Map<String, String> second = digests(dir.resolve("b"));
    assertThat(first).hasSizeGreaterThan(50);
    assertThat(second).isEqualTo(first);
    assertThat(a.totalRows()).isPositive();
    long same = first.entrySet().stream().filter(e -> e.getValue().equals(other.get(e.getKey()))).count();
    assertThat(same).as("files identical under another seed").isLessThanOrEqualTo(3);
  }

  /** SHA-256 of every data and truth file (the summary JSON holds timings, so it is left out). */
  private static Map<String, String> digests(Path root) throws Exception {
    GeneratedOutput out = new GeneratedOutput(root);
    Map<String, String> d = new HashMap<>();
    for (String f : out.files()) {
      if (f.equals("_generation.json")) {
        continue;
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      d.put(f, HexFormat.of().formatHex(sha.digest(out.bytes(f))));
    }
    return d;
  }
}
