package org.clusteratlas.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page is one self-contained file whose embedded data survives any cluster name. */
class ReportPageTest {

  private static ReportData data(String clusterName) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("year", 2023);
    row.put("cluster_kind", "custom");
    row.put("cluster_id", "smart_farm_ulsan");
    row.put("cluster_name", clusterName);
    row.put("region_code", "31");
    row.put("composite", 1.5);
    return new ReportData(Map.of("run_id", "r1"), List.of(row), List.of(row), List.of(), List.of(), List.of());
  }

  @Test
  void pageReferencesNoExternalFile() {
    String html = ReportPage.render(data("스마트팜 울산"));
    assertThat(html).doesNotContain(ReportPage.PLACEHOLDER);
    // no stylesheet, script, image or font is loaded from anywhere: everything is inline
    assertThat(html).doesNotContainPattern("(?i)<link\\b|<img\\b|<iframe\\b|@import|url\\(\\s*['\"]?(https?:|//)");
    assertThat(html).doesNotContainPattern("(?i)\\s(src|href)\\s*=");
    assertThat(html).contains("<meta charset=\"utf-8\">").contains("스마트팜 울산");
  }

  @Test
  void clusterNamesCannotCloseTheDataScript() throws Exception {
    String name = "수소 </script><script>alert(1)</script> & \"quotes\"";
    String html = ReportPage.render(data(name));
    // the page has exactly its two script elements, and the data parses back to the same name
    assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(2);
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"atlas-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode doc = new ObjectMapper().readTree(m.group(1));
    assertThat(doc.path("top").get(0).path("cluster_name").asText()).isEqualTo(name);
    assertThat(doc.path("tiles").size()).isEqualTo(20);
    assertThat(doc.path("pillars").size()).isEqualTo(ReportColumns.PILLARS.size());
  }

  @Test
  void everyCurrentSidoHasItsOwnTile() {
    List<SidoTiles.Tile> tiles = SidoTiles.load();
    List<SidoTiles.Tile> current = tiles.stream()
        .filter(t -> org.clusteratlas.datasets.region.RegionCatalog.load().currentSido().stream()
            .anyMatch(s -> s.code().equals(t.code())))
        .toList();
    assertThat(current).hasSize(16);
    assertThat(current.stream().map(t -> t.col() + "," + t.row()).distinct()).hasSize(16);
    // the 17 시도 of 2024-01-18 .. 2026-06-30 (before 광주 and 전남 merged) do not overlap either
    List<String> before = List.of("11", "26", "27", "28", "29", "30", "31", "36", "41", "43", "44", "46", "47",
        "48", "50", "51", "52");
    assertThat(tiles.stream().filter(t -> before.contains(t.code())).map(t -> t.col() + "," + t.row()).distinct())
        .hasSize(17);
    assertThat(tiles.stream().filter(t -> t.code().equals("50")).findFirst().orElseThrow().name())
        .isEqualTo("제주특별자치도");
  }
}
