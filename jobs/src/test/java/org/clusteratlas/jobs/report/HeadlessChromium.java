package org.clusteratlas.jobs.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Debian {@code chromium} headless on a local file. In CI ({@code CI=true}) a missing browser
 * fails the test, because CI installs it; elsewhere the test is skipped with a message so developers
 * without Chromium can still run {@code mvn verify}.
 */
final class HeadlessChromium {
  private final Path binary;
  private final Path profile;

  private HeadlessChromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  static HeadlessChromium require(Path workDir) {
    String configured = System.getenv("ATLAS_CHROMIUM");
    Path binary = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(binary)) {
      String message = "headless Chromium not found at " + binary
          + " (install: apt-get install -y chromium, or set ATLAS_CHROMIUM)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message + "; skipping the browser rendering test outside CI");
    }
    return new HeadlessChromium(binary, workDir.resolve("chromium-profile"));
  }

  /** The DOM after the page's scripts ran. */
  String dumpDom(Path html) throws IOException, InterruptedException {
    List<String> args = base();
    args.add("--dump-dom");
    args.add(html.toUri().toString());
    return run(args);
  }

  void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
    List<String> args = base();
    args.add("--hide-scrollbars");
    args.add("--window-size=" + width + "," + height);
    args.add("--screenshot=" + png.toAbsolutePath());
    args.add(html.toUri().toString());
    run(args);
  }

  private List<String> base() {
    return new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path out = Files.createDirectories(profile.getParent()).resolve("chromium-stdout.txt");
    Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(out.toFile()).start();
    // a safety net against a hung browser, not a performance assertion
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish: " + args);
    }
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + ": " + args);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
