package org.clusteratlas.jobs.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs raw files into read tasks of about {@code targetBytes} each. A task reads its files one after
 * the other, so a small monthly NPS file (4,700 rows at scale 0.01) no longer costs a task of its own
 * with its own output file, statistics and cache batch, while national-size files still get a task
 * each. Largest file first into the lightest task (LPT), so tasks end up within one file of each other.
 */
final class ReadTasks {
  private ReadTasks() {}

  /**
   * @param minTasks tasks to keep every core busy (capped at the number of files)
   * @return the files' relative paths per task, no task empty
   */
  static List<List<String>> pack(List<RawFile> files, long targetBytes, int minTasks) {
    if (files.isEmpty()) {
      return List.of();
    }
    long total = files.stream().mapToLong(RawFile::size).sum();
    long bySize = (total + targetBytes - 1) / Math.max(1, targetBytes);
    int tasks = (int) Math.min(files.size(), Math.max(Math.max(1, minTasks), bySize));
    List<List<String>> bins = new ArrayList<>();
    long[] load = new long[tasks];
    for (int i = 0; i < tasks; i++) {
      bins.add(new ArrayList<>());
    }
    List<RawFile> largestFirst = new ArrayList<>(files);
    largestFirst.sort(Comparator.comparingLong(RawFile::size).reversed().thenComparing(RawFile::relative));
    for (RawFile f : largestFirst) {
      int lightest = 0;
      for (int i = 1; i < tasks; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      bins.get(lightest).add(f.relative());
      load[lightest] += f.size();
    }
    return bins;
  }
}
