package org.clusteratlas.datasets.synth;

import java.util.List;
import java.util.Map;

/**
 * What a generation run wrote and how long each stage took, for the CLI and benchmarks.
 *
 * @param sources per source (registry, financials, nps, ntis, kipris, programs, truth): files, data rows, bytes
 * @param files every written file (path relative to the output root) with its data rows and bytes
 * @param stageSeconds wall-clock seconds per stage, in execution order (iteration order kept)
 */
public record GenerationSummary(GeneratorConfig config, List<SourceStats> sources, List<FileStats> files,
    Map<String, Double> stageSeconds, double totalSeconds) {

  public GenerationSummary {
    sources = List.copyOf(sources);
    files = List.copyOf(files);
    stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
  }

  public record SourceStats(String source, int files, long rows, long bytes) {}

  /** {@code dirtRows}: rows of the file listed in truth/dirt.csv. */
  public record FileStats(String source, String path, long rows, long bytes, long dirtRows) {}

  public long totalRows() {
    return sources.stream().mapToLong(SourceStats::rows).sum();
  }

  public long totalBytes() {
    return sources.stream().mapToLong(SourceStats::bytes).sum();
  }

  public double rowsPerSecond() {
    return totalSeconds <= 0 ? 0 : totalRows() / totalSeconds;
  }

  public SourceStats source(String id) {
    return sources.stream().filter(s -> s.source().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no source " + id));
  }
}
