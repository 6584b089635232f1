package org.clusteratlas.jobs.did;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes a {@link DidResult} as one small CSV file (any Hadoop file system). */
public final class DidCsv {
  private DidCsv() {}

  public static final String HEADER = "aggregation,overall,cohort,year,event_time,base_year,att,se,ci_low,ci_high,"
      + "se_boot,band_low,band_high,n_treated,n_control,reference,control_group,base_period";

  public static String render(DidResult r) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    rows(b, "", r);
    return b.toString();
  }

  /**
   * The results of {@code atlas did --by}: the same columns after a first one, named as the panel's column
   * ({@code by_} before it when the result has a column of that name), that holds each row's value of it.
   * Cells that could not be estimated have no rows.
   */
  public static String render(String byColumn, Map<String, DidResult> byValue) {
    String name = Arrays.asList(HEADER.split(",")).contains(byColumn) ? "by_" + byColumn : byColumn;
    StringBuilder b = new StringBuilder(field(name)).append(',').append(HEADER).append('\n');
    byValue.forEach((value, r) -> rows(b, field(value) + ",", r));
    return b.toString();
  }

  private static void rows(StringBuilder b, String prefix, DidResult r) {
    for (Estimate e : r.estimates()) {
      b.append(prefix).append(String.join(",", e.aggregation(), String.valueOf(e.overall()), str(e.cohort()),
          str(e.year()), str(e.eventTime()), str(e.baseYear()), num(e.att()), num(e.se()), num(e.ciLow()),
          num(e.ciHigh()), num(e.seBoot()), num(e.bandLow()), num(e.bandHigh()), String.valueOf(e.nTreated()),
          String.valueOf(e.nControl()), String.valueOf(e.reference()), r.options().control().label,
          r.options().base().label)).append('\n');
    }
  }

  /** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
  private static String field(String v) {
    return v.matches("(?s).*[,\"\r\n].*") ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  public static void write(DidResult r, String path, Configuration hadoop) {
    write(render(r), path, hadoop);
  }

  public static void write(String csv, String path, Configuration hadoop) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      try (OutputStream out = fs.create(p, true)) {
        out.write(csv.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static String str(Integer v) {
    return v == null ? "" : v.toString();
  }

  private static String num(Double v) {
    return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.10g", v);
  }
}
