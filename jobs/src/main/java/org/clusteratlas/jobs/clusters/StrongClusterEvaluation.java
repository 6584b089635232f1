package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.jobs.UserError;

/**
 * Planted-truth check: among the KSIC-division clusters at sigungu level flagged strong in a year, take
 * the k with the highest composite score, k = the number of planted strong clusters active that year,
 * and report the share of them that were planted (precision at k).
 */
public final class StrongClusterEvaluation {
  private StrongClusterEvaluation() {}

  /** One planted cluster of {@code truth/strong_clusters.csv}. */
  public record Planted(String regionCode, String division, int firstYear, int lastYear) {
    boolean activeIn(int year) {
      return firstYear <= year && year <= lastYear;
    }

    String key() {
      return regionCode + "/" + division;
    }
  }

  /** Precision at k in one year, and which planted clusters the top k missed. */
  public record Outcome(int year, int k, int flagged, int hits, List<String> missed) {
    public double precision() {
      return k == 0 ? Double.NaN : hits / (double) k;
    }

    public String describe() {
      return String.format(Locale.ROOT,
          "planted strong clusters %d: top-%d strong (of %d flagged) in %d hold %d planted, precision %.3f%s",
          k, k, flagged, year, hits, precision(), missed.isEmpty() ? "" : "; missed " + String.join(", ", missed));
    }
  }

  /** Reads {@code strong_clusters.csv} from TRUTH_DIR or TRUTH_DIR/truth. */
  public static List<Planted> readTruth(Path truthDir) {
    Path file = truthDir.resolve("strong_clusters.csv");
    if (!Files.isRegularFile(file)) {
      file = truthDir.resolve("truth").resolve("strong_clusters.csv");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError("no strong_clusters.csv in " + truthDir + " or " + truthDir.resolve("truth"));
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<Planted> out = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(",");
        if (f.length < 4) {
          throw new UserError(file + " line " + (i + 1) + ": expected region_code,ksic_division,first_year,last_year");
        }
        out.add(new Planted(f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim()), Integer.parseInt(f[3].trim())));
      }
      return out;
    } catch (IOException | NumberFormatException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Evaluates one year (the latest scored year when {@code year} is null). */
  public static Outcome evaluate(Dataset<Row> scores, List<Planted> planted, Integer year) {
    Dataset<Row> industry = scores.filter(col("region_level").equalTo("sigungu")
        .and(col("cluster_kind").equalTo(ClusterMembership.KSIC_DIVISION)));
    // default: the latest scored year in which planted clusters are active (NPS runs on past the
    // generator's last fiscal year, and no cluster is planted there)
    int plantedUntil = planted.stream().mapToInt(Planted::lastYear).max().orElse(Integer.MAX_VALUE);
    int y = year != null ? year : Math.min(industry.agg(max("year")).first().getInt(0), plantedUntil);
    List<Planted> active = planted.stream().filter(p -> p.activeIn(y)).toList();
    int k = active.size();
    Dataset<Row> strong = industry.filter(col("year").equalTo(y).and(col("strong_cluster")));
    int flagged = (int) strong.count();
    // k small rows: the ranked head of the flagged list
    List<Row> top = strong.orderBy(col("composite").desc_nulls_last(), col("region_code"), col("cluster_id"))
        .select("region_code", "cluster_id").limit(k).collectAsList();
    Set<String> truth = new HashSet<>();
    active.forEach(p -> truth.add(p.key()));
    Set<String> found = new HashSet<>();
    for (Row r : top) {
      found.add(r.getString(0) + "/" + r.getString(1));
    }
    int hits = (int) found.stream().filter(truth::contains).count();
    List<String> missed = active.stream().map(Planted::key).filter(key -> !found.contains(key)).sorted().toList();
    return new Outcome(y, k, flagged, hits, missed);
  }
}
