package org.clusteratlas.datasets.raw;

import java.util.List;

/**
 * One header spelling of a raw file. Columns are matched by position; the header is checked by
 * comparing each trimmed header cell's {@link HeaderMatch#key key} with the layout's, so spelling
 * variants that share their key prefix (NPS 2020 vs 2022 forms) are recognised as the same column.
 *
 * @param name a short label recorded in the load ledger ({@code nps-2022}, …)
 * @param headers the header cells exactly as the portal writes them
 */
public record Layout(String name, List<String> headers) {
  public Layout {
    headers = List.copyOf(headers);
  }

  /** True when {@code cells} is this layout's header, allowing spacing and suffix variants. */
  public boolean matches(List<String> cells) {
    if (cells.size() != headers.size()) {
      return false;
    }
    for (int i = 0; i < headers.size(); i++) {
      if (!HeaderMatch.key(cells.get(i)).equals(HeaderMatch.key(headers.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code cells} are exactly this layout's header cells, ignoring surrounding spaces. */
  public boolean spelledAs(List<String> cells) {
    if (cells.size() != headers.size()) {
      return false;
    }
    for (int i = 0; i < headers.size(); i++) {
      if (!cells.get(i).strip().equals(headers.get(i).strip())) {
        return false;
      }
    }
    return true;
  }

  /** The CSV header line of this layout (no line terminator). */
  public String headerLine() {
    return CsvLine.join(headers);
  }
}
