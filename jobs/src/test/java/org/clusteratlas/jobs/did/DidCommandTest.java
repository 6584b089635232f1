package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlas did} on a CSV a data scientist brings, and its one-line errors. */
class DidCommandTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void shareTheTestSession() {
    SharedSpark.session();
  }

  private record Run(int status, String err) {}

  private static Run run(String... args) {
    PrintStream old = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return new Run(Main.execute(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
      System.setOut(oldOut);
    }
  }

  private Path mpdtaCsv() throws Exception {
    Mpdta m = Mpdta.load();
    StringBuilder b = new StringBuilder("countyreal,year,first.treat,lemp\n");
    for (int i = 0; i < m.county.size(); i++) {
      for (int j = 0; j < 5; j++) {
        b.append(m.county.get(i)).append(',').append(2003 + j).append(',').append(m.cohort.get(i)).append(',')
            .append(m.lemp.get(i)[j]).append('\n');
      }
    }
    Path p = tmp.resolve("mpdta.csv");
    Files.writeString(p, b);
    return p;
  }

  @Test
  void estimatesACsvPanelAndWritesTheResultTable() throws Exception {
    Path out = tmp.resolve("att.csv");
    Run r = run("did", "--panel", mpdtaCsv().toString(), "--unit", "countyreal", "--time", "year",
        "--cohort", "first.treat", "--outcome", "lemp", "--bootstrap", "0", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo(DidCsv.HEADER);
    String cell = lines.stream().filter(l -> l.startsWith("group_time,false,2004,2006,")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(cell.split(",")[6])).isCloseTo(-0.137258738889, within(1e-9));
  }

  /** mpdta with a column "half" (odd or even county index) and a third value holding never-treated counties only. */
  private Path halvesCsv(String onlyHalf) throws Exception {
    Mpdta m = Mpdta.load();
    StringBuilder b = new StringBuilder("countyreal,year,first.treat,lemp,half\n");
    for (int i = 0; i < m.county.size(); i++) {
      String half = m.cohort.get(i) == 0 && i % 10 == 0 ? "never, only" : i % 2 == 0 ? "even" : "odd";
      if (onlyHalf != null && !onlyHalf.equals(half)) {
        continue;
      }
      for (int j = 0; j < 5; j++) {
        b.append(m.county.get(i)).append(',').append(2003 + j).append(',').append(m.cohort.get(i)).append(',')
            .append(m.lemp.get(i)[j]).append(",\"").append(half).append("\"\n");
      }
    }
    Path p = tmp.resolve("halves-" + onlyHalf + ".csv");
    Files.writeString(p, b);
    return p;
  }

  @Test
  void byEstimatesEachValueAsItsRowsAloneAndReportsTheOnesThatCannotBe() throws Exception {
    Path out = tmp.resolve("by.csv");
    String[] common = {"--unit", "countyreal", "--time", "year", "--cohort", "first.treat", "--outcome", "lemp",
        "--bootstrap", "99"};
    Run r = run(concat(new String[] {"did", "--panel", halvesCsv(null).toString(), "--by", "half", "--out",
        out.toString()}, common));
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("half," + DidCsv.HEADER);
    assertThat(lines).noneMatch(l -> l.startsWith("\"never, only\"")); // no treated counties: not estimated
    for (String half : List.of("even", "odd")) {
      Path alone = tmp.resolve(half + ".csv");
      assertThat(run(concat(new String[] {"did", "--panel", halvesCsv(half).toString(), "--out", alone.toString()},
          common)).status()).isZero();
      List<String> expected = Files.readAllLines(alone).stream().skip(1).map(l -> half + "," + l).toList();
      assertThat(lines.stream().filter(l -> l.startsWith(half + ",")).toList()).containsExactlyElementsOf(expected);
    }
    Run none = run(concat(new String[] {"did", "--panel", halvesCsv("never, only").toString(), "--by", "half",
        "--out", out.toString()}, common));
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).contains("no value of --by half could be estimated (never, only: no treated units left");
  }

  @Test
  void aByColumnNamedLikeAResultColumnIsPrefixedSoNoHeaderNameRepeats() {
    assertThat(DidCsv.render("year", java.util.Map.of())).startsWith("by_year,aggregation,");
    assertThat(DidCsv.render("region", java.util.Map.of())).startsWith("region,aggregation,");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void userMistakesAreOneLine() throws Exception {
    String panel = mpdtaCsv().toString();
    Run missing = run("did", "--panel", tmp.resolve("nope.csv").toString(), "--unit", "u", "--time", "t",
        "--cohort", "g", "--outcome", "y", "--out", tmp.resolve("o.csv").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("panel not found").doesNotContain("\tat ");
    Run badColumn = run("did", "--panel", panel, "--unit", "countyreal", "--time", "yr", "--cohort", "first.treat",
        "--outcome", "lemp", "--out", tmp.resolve("o.csv").toString());
    assertThat(badColumn.status()).isEqualTo(2);
    assertThat(badColumn.err()).contains("--time column 'yr' is not in the panel");
    Run badControl = run("did", "--panel", panel, "--unit", "countyreal", "--time", "year", "--cohort", "first.treat",
        "--outcome", "lemp", "--control", "sometimes", "--out", tmp.resolve("o.csv").toString());
    assertThat(badControl.status()).isEqualTo(2);
    assertThat(badControl.err().lines().filter(l -> l.startsWith("atlas:"))).singleElement()
        .satisfies(l -> assertThat(l).contains("--control must be never or notyet"));
  }
}
