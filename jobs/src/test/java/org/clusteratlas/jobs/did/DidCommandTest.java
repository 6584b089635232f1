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
