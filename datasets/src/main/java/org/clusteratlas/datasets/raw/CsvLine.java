package org.clusteratlas.datasets.raw;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 for one physical line: fields separated by commas, a field containing a comma or quote is
 * quoted and its quotes doubled ({@code "(유)케이비에프에스""전주밥상"""}). The raw sources never break a
 * record across lines, so a line with an unterminated quote is malformed rather than continued.
 */
public final class CsvLine {
  private CsvLine() {}

  /** Splits a line; returns {@code null} when a quoted field is not closed (a truncated line). */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean atStart = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"' && atStart) {
        quoted = true;
        atStart = false;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
        atStart = true;
      } else {
        cell.append(c);
        atStart = false;
      }
    }
    if (quoted) {
      return null;
    }
    out.add(cell.toString());
    return out;
  }

  public static String join(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    return sb.toString();
  }

  /** Quotes a cell only when it must be quoted, as spreadsheet exports do. */
  public static String quote(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
