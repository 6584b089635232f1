package org.clusteratlas.jobs.clusters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusteratlas.datasets.ReferenceCsv;
import org.clusteratlas.jobs.UserError;

/**
 * Weights of the six pillars in the composite score, from a CSV {@code pillar,weight}. Pillars left out
 * weigh 0; weights need not sum to 1 because the composite divides by the weights of the pillars a
 * row has. Defaults: {@code clusters/weights_v1.csv} (documented in docs/data-dictionary.md).
 */
public final class ScoreWeights {
  public static final String DEFAULT_RESOURCE = "clusters/weights_v1.csv";

  /** The pillars, in the order the scores table lists them. */
  public static final List<String> PILLARS =
      List.of("size", "specialisation", "innovation_input", "innovation_output", "collaboration", "dynamics");

  private final Map<String, Double> weights;

  private ScoreWeights(Map<String, Double> weights) {
    this.weights = weights;
  }

  public static ScoreWeights defaults() {
    try (InputStream in = ScoreWeights.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "weights_v1.csv");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** {@code --weights FILE}; {@code null} means the defaults. */
  public static ScoreWeights load(Path file) {
    if (file == null) {
      return defaults();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new UserError("weights file not found: " + file);
    } catch (IOException e) {
      throw new UserError("cannot read weights file " + file + ": " + e.getMessage());
    }
  }

  public static ScoreWeights parse(String text, String name) {
    Map<String, Double> weights = new LinkedHashMap<>();
    PILLARS.forEach(p -> weights.put(p, 0.0));
    try {
      List<ReferenceCsv.Line> lines = ReferenceCsv.parse(new StringReader(text), name);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (ReferenceCsv.Line line : lines) {
        String pillar = line.required("pillar").toLowerCase(Locale.ROOT);
        if (!PILLARS.contains(pillar)) {
          throw line.error("pillar", "is not one of " + String.join(", ", PILLARS) + " (got '" + pillar + "')");
        }
        if (!seen.add(pillar)) {
          throw line.error("pillar", "repeats '" + pillar + "'");
        }
        double w = line.fraction("weight");
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw line.error("weight", "must be a non-negative number");
        }
        weights.put(pillar, w);
      }
    } catch (IOException | IllegalStateException e) {
      throw new UserError("weights file " + e.getMessage());
    }
    if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new UserError("weights file " + name + ": at least one pillar needs a positive weight");
    }
    return new ScoreWeights(Map.copyOf(weights));
  }

  public double weight(String pillar) {
    return weights.get(pillar);
  }

  /** {@code size=0.2,specialisation=0.25,…}, in pillar order; part of the method version. */
  public String describe() {
    return PILLARS.stream().map(p -> p + "=" + String.format(Locale.ROOT, "%s", weights.get(p)))
        .collect(Collectors.joining(","));
  }
}
