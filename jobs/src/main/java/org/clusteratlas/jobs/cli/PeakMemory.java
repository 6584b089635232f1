package org.clusteratlas.jobs.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Peak memory of this JVM: the heap pools' high-water marks and the process's peak resident set. */
final class PeakMemory {
  private PeakMemory() {}

  static long heapPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** VmHWM from /proc (Linux); empty elsewhere. */
  static OptionalLong residentPeakBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or an unexpected format: report nothing rather than a wrong figure
    }
    return OptionalLong.empty();
  }

  static String describe() {
    OptionalLong rss = residentPeakBytes();
    return String.format("peak heap %.2f GiB%s", heapPeakBytes() / (double) (1L << 30),
        rss.isPresent() ? String.format(", peak resident %.2f GiB", rss.getAsLong() / (double) (1L << 30)) : "");
  }
}
