package org.clusteratlas.datasets.synth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * {@code truth/firm_panel.csv}: each firm's true yearly revenue and headcount, founding year and first
 * grant year, before any source writes them down. The panel the outcomes stage builds from the linked
 * sources can be compared with it, and {@code atlas did} runs on it as it is (first grant year 0 = never,
 * log columns ready), which separates what linking does to an estimate from what the estimator and the
 * planted world do.
 */
final class FirmPanelLines {
  private final GeneratorConfig config;
  private final FileCatalog catalog;

  FirmPanelLines(GeneratorConfig config, FileCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  /**
   * One row per year the firm was insured in some month or filed accounts. Employment is the mean
   * headcount over the months it was insured (the pipeline's definition, before NPS lists it); the
   * founding year's revenue covers only the months since founding, so its log is left empty as the
   * outcomes stage leaves it. The untreated log headcount is what the firm would have had without its
   * grants: its difference from the recorded one is the effect the firm realised in whole persons.
   */
  List<Row> rows(Firm f) {
    List<Row> rows = new ArrayList<>();
    int founded = f.founded() / 10_000;
    int fid = catalog.panel();
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      int i = y - config.firstYear();
      double employment = Firm.meanInsured(f.headcount(), i);
      double untreated = Firm.meanInsured(f.untreatedHeadcount(), i);
      long revenue = f.revenue()[i];
      if (employment == 0 && revenue <= 0) {
        continue;
      }
      String line = String.join(",", f.crn(), String.valueOf(y), String.valueOf(founded),
          String.valueOf(f.firstGrantYear()),
          revenue > 0 ? String.valueOf(revenue) : "",
          employment > 0 ? fixed(employment) : "",
          revenue > 0 && y != founded ? fixed(Math.log(revenue)) : "",
          employment > 0 ? fixed(Math.log(employment)) : "",
          untreated > 0 ? fixed(Math.log(untreated)) : "");
      long key = f.index() * config.years() + i;
      rows.add(SourceFileWriter.row(fid, key, key,
          line.getBytes(StandardCharsets.UTF_8), null, null));
    }
    return rows;
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
