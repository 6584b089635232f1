package org.clusteratlas.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlas report} mistakes are one line on stderr and exit status 2. */
class ReportCommandTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void shareTheTestSession() {
    SharedSpark.session();
  }

  private static String stderrOf(int[] status, String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      status[0] = Main.execute(args);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anEmptyWarehouseIsAOneLineUserError() {
    int[] status = new int[1];
    String err = stderrOf(status, "report", "--warehouse", tmp.resolve("empty").toString(), "--run-id", "r1");
    assertThat(status[0]).isEqualTo(2);
    assertThat(err.lines().filter(l -> l.startsWith("atlas:"))).singleElement()
        .satisfies(l -> assertThat(l).contains("has no gold tables").contains("atlas report"));
    assertThat(err).doesNotContain("\tat ");
    assertThat(Files.exists(tmp.resolve("empty/_reports"))).isFalse();
  }

  @Test
  void aNonPositiveTopIsAOneLineUserError() {
    int[] status = new int[1];
    String err = stderrOf(status, "report", "--warehouse", tmp.toString(), "--top", "0");
    assertThat(status[0]).isEqualTo(2);
    assertThat(err).contains("--top and --trends must be at least 1").doesNotContain("\tat ");
  }
}
