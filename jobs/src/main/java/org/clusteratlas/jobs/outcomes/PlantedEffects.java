package org.clusteratlas.jobs.outcomes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clusteratlas.jobs.UserError;

/** The generator's planted grant effects, {@code truth/grant_effects.csv}: outcome → event time → log points. */
public final class PlantedEffects {
  private final Map<String, Map<Integer, Double>> effects;

  private PlantedEffects(Map<String, Map<Integer, Double>> effects) {
    this.effects = effects;
  }

  /** The value for an outcome and event time, or null when the truth does not cover it. */
  public Double of(String outcome, int eventTime) {
    Map<Integer, Double> m = effects.get(outcome);
    return m == null ? null : m.get(eventTime);
  }

  /** Reads {@code <dir>/grant_effects.csv} or {@code <dir>/truth/grant_effects.csv}. */
  public static PlantedEffects read(String dir, Configuration hadoop) {
    try {
      Path p = new Path(dir, "grant_effects.csv");
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        p = new Path(new Path(dir, "truth"), "grant_effects.csv");
      }
      if (!fs.exists(p)) {
        throw new UserError("no grant_effects.csv in " + dir + " or " + dir + "/truth (the generator's truth folder)");
      }
      Map<String, Map<Integer, Double>> m = new HashMap<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
        String header = r.readLine();
        if (header == null || !header.startsWith("outcome,years_since_first_grant,effect_log_points")) {
          throw new UserError(p + ": expected header outcome,years_since_first_grant,effect_log_points");
        }
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split(",");
          m.computeIfAbsent(f[0].trim(), k -> new HashMap<>())
              .put(Integer.parseInt(f[1].trim()), Double.parseDouble(f[2].trim()));
        }
      }
      return new PlantedEffects(m);
    } catch (IOException | NumberFormatException e) {
      throw new UserError("cannot read planted effects from " + dir + ": " + e.getMessage());
    }
  }
}
