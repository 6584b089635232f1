package org.clusteratlas.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User mistakes end in one line on stderr and exit status 2, never a stack trace. */
class CliTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void shareTheTestSession() {
    SharedSpark.session(); // commands then reuse it instead of starting their own
  }

  private record Outcome(int status, String err) {}

  private Outcome run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int status = Main.execute(args);
      return new Outcome(status, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  private static void assertOneLine(Outcome o, String contains) {
    assertThat(o.status()).isEqualTo(2);
    assertThat(o.err().lines().filter(l -> l.startsWith("atlas:"))).singleElement()
        .satisfies(l -> assertThat(l).contains(contains));
    assertThat(o.err()).doesNotContain("\tat ");
  }

  @Test
  void infoOnAnEmptyWarehouseSaysSo() {
    assertOneLine(run("info", "--warehouse", tmp.resolve("nothing").toString()), "has no tables yet");
  }

  @Test
  void ingestWithoutRawFolderSaysWhatToRun() {
    assertOneLine(run("ingest", "--raw", tmp.resolve("missing").toString(), "--warehouse", tmp.resolve("wh").toString()),
        "raw folder not found");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertOneLine(run("ingest", "--no-such-option"), "Unknown option");
  }

  @Test
  void badGenerateScaleIsRejected() {
    assertOneLine(run("generate", "--scale", "-1", "--out", tmp.resolve("g").toString()), "scale");
  }

  @Test
  void benchTimesOnlyTheComputingStagesAndNeedsItsWarehouse() {
    assertOneLine(run("bench", "--stages", "publish", "--dir", tmp.resolve("b").toString()), "not 'publish'");
    // without ingest the stages run on an earlier bench's warehouse, which is not there
    assertOneLine(run("bench", "--stages", "link", "--scale", "0.001", "--dir", tmp.resolve("b").toString()),
        "no bench warehouse");
  }
}
