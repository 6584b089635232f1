package org.clusteratlas.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the report's collected data into one self-contained HTML page: the template's inline CSS and
 * JavaScript draw every chart as SVG from the JSON embedded in the page, so the file opens offline.
 */
public final class ReportPage {
  private ReportPage() {}

  static final String TEMPLATE = "/report/report.html";
  static final String PLACEHOLDER = "__ATLAS_DATA__";

  public static String render(ReportData data) {
    return render(data, SidoTiles.load());
  }

  static String render(ReportData data, List<SidoTiles.Tile> tiles) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("meta", data.meta());
    doc.put("tiles", SidoTiles.rows(tiles));
    doc.put("pillars", ReportColumns.PILLARS);
    doc.put("starFlags", ReportColumns.STAR_FLAGS);
    doc.put("linkMethods", ReportColumns.LINK_METHODS);
    doc.put("top", data.top());
    doc.put("map", data.sidoScores());
    doc.put("trends", data.trends());
    doc.put("effects", data.effects());
    doc.put("links", data.links());
    String template = template();
    int at = template.indexOf(PLACEHOLDER);
    return template.substring(0, at) + scriptSafeJson(doc) + template.substring(at + PLACEHOLDER.length());
  }

  /**
   * JSON that cannot end its script element early: {@code <} only occurs inside JSON strings, where
   * the escape {@code \u003c} means the same character.
   */
  static String scriptSafeJson(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data is not serialisable", e);
    }
  }

  private static String template() {
    try (InputStream in = ReportPage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
