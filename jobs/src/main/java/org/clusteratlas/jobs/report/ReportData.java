package org.clusteratlas.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one report shows, already aggregated and collected: each section is a list of rows
 * (column name → value). {@code meta} holds the run id, generation time, warehouse, input versions and
 * notes.
 */
public record ReportData(Map<String, Object> meta, List<Map<String, Object>> top,
    List<Map<String, Object>> sidoScores, List<Map<String, Object>> trends,
    List<Map<String, Object>> effects, List<Map<String, Object>> links) {

  public ReportData {
    meta = Map.copyOf(meta);
    top = List.copyOf(top);
    sidoScores = List.copyOf(sidoScores);
    trends = List.copyOf(trends);
    effects = List.copyOf(effects);
    links = List.copyOf(links);
  }
}
