package org.clusteratlas.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.cli.ReportCommand;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stage on tiny hand-made gold tables: {@code atlas report}'s entry writes the page, and
 * headless Chromium draws it; the rendered DOM must hold every chart's SVG marks, in the numbers the
 * fixture implies.
 */
@ExtendWith(SharedSpark.class)
class ReportBrowserTest {
  @TempDir
  Path tmp;

  private static void save(Dataset<Row> frame, Path warehouse, String table) {
    frame.write().format("delta").mode("overwrite").save(warehouse.resolve(table.replace('.', '/')).toString());
  }

  private static int count(String html, String regex) {
    return (int) Pattern.compile(regex).matcher(html).results().count();
  }

  /** The part of the DOM inside one report section. */
  private static String section(String dom, String id) {
    int start = dom.indexOf("<section id=\"" + id + "\"");
    assertThat(start).as("section " + id).isNotNegative();
    return dom.substring(start, dom.indexOf("</section>", start));
  }

  @Test
  void reportRendersEveryChartInHeadlessChromium(SparkSession spark) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(tmp);
    Path wh = tmp.resolve("warehouse");
    save(ReportFixture.scores(spark), wh, ReportColumns.CLUSTER_SCORES);
    save(ReportFixture.metrics(spark), wh, ReportColumns.CLUSTER_METRICS);
    save(ReportFixture.effects(spark), wh, ReportColumns.PROGRAM_EFFECTS);
    save(ReportFixture.entityLinks(spark), wh, ReportColumns.ENTITY_LINK);

    String path = ReportCommand.write(new Warehouse(spark, wh.toString()), "run-1");
    Path report = Path.of(path.replaceFirst("^file:", ""));
    assertThat(report).isEqualTo(wh.resolve("_reports/run-1/report.html"));
    assertThat(Files.readString(wh.resolve("_reports/latest.html"))).isEqualTo(Files.readString(report));
    assertThat(Files.readString(wh.resolve("_runs/run-1/report.json"))).contains("\"status\" : \"succeeded\"");

    String dom = chromium.dumpDom(report);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      // kept for people who want to look: the page and what Chromium drew
      Files.copy(report, target.resolve("report-test.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      chromium.screenshot(report, target.resolve("report-test.png"), 1300, 3000);
    }
    Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(body.find()).isTrue();
    assertThat(body.group()).isEqualTo("<body data-rendered=\"ok\">"); // drawn, and no data-errors set

    // top clusters: 2023 ksic divisions are shown first; 7 sido pairs have a composite score
    String top = section(dom, "top");
    assertThat(count(top, "<tr>")).isEqualTo(1 + 7);
    assertThat(count(top, "class=\"pillar\"")).isEqualTo(7 * 5); // the sixth pillar is missing in the fixture
    assertThat(top).contains("울산광역시").contains("★★★");

    // tile map: the 7 sido of the data plus the 9 other current ones (16 since 2026-07-01); the initial
    // cluster (the best pair: 31 × KSIC 30) is scored in 4 of them
    String map = section(dom, "map");
    Matcher tiles = Pattern.compile("<rect class=\"tile\" data-code=\"(\\d+)\"[^>]*fill=\"([^\"]+)\"").matcher(map);
    List<String[]> drawn = tiles.results().map(r -> new String[] {r.group(1), r.group(2)}).toList();
    assertThat(drawn).hasSize(16);
    assertThat(drawn.stream().filter(t -> t[1].startsWith("rgb(")).map(t -> t[1]).distinct()).hasSize(4);
    assertThat(drawn.stream().filter(t -> t[0].equals("31")).findFirst().orElseThrow()[1]).isEqualTo("rgb(16,63,122)");
    assertThat(drawn.stream().filter(t -> t[0].equals("47")).findFirst().orElseThrow()[1]).isEqualTo("#d5d8dc");

    // trends: 3 charts × 3 clusters with metrics; each polyline has at least one point
    String trends = section(dom, "trends");
    Matcher lines = Pattern.compile("<polyline class=\"series\"[^>]*points=\"([^\"]+)\"").matcher(trends);
    List<Integer> points = lines.results().map(r -> r.group(1).trim().split("\\s+").length).toList();
    assertThat(points).hasSize(9);
    assertThat(points.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 * 6 - 1); // one funding value is null

    // outcomes: naive and counterfactual lines over 5 event times, each with its confidence band
    String effects = section(dom, "effects");
    assertThat(Pattern.compile("<polyline class=\"series\"[^>]*points=\"([^\"]+)\"").matcher(effects).results()
        .map(r -> r.group(1).trim().split("\\s+").length)).containsExactly(5, 5);
    assertThat(count(effects, "<path class=\"band\" d=\"M[^\"]+Z\"")).isEqualTo(2);
    assertThat(effects).contains("naive").contains("callaway_santanna")
        .contains("p &lt; 0.001 over every pre-entry year (Wald), p = 0.410 before the year preceding entry (sup-t)")
        .contains("picked after a good year");

    // link quality: one row per source, bars split by method
    String links = section(dom, "links");
    assertThat(count(links, "<tr data-source=")).isEqualTo(2);
    assertThat(count(links, "class=\"share\"")).isEqualTo(3 + 5);
    assertThat(links).contains("80.0%").contains("75.0%");
    assertThat(new String(Files.readAllBytes(report), StandardCharsets.UTF_8)).contains("전자부품 제조업");
  }
}
