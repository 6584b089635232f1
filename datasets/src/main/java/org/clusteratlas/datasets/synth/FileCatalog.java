package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.clusteratlas.datasets.raw.Layout;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;

/**
 * Every file the generator can write, with a stable integer id (the order below), its path relative to
 * the output root, header, charset and line ending. Rows carry the id instead of the path, which keeps
 * shuffled rows small; the id order is also the order of the truth files.
 */
final class FileCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String TREATMENT_FILE = "truth/firm_treatment.csv";
  static final String TREATMENT_HEADER = "crn,first_grant_year,program_id,program_entry_year";
  static final String PANEL_FILE = "truth/firm_panel.csv";
  static final String PANEL_HEADER =
      "crn,year,founded_year,first_grant_year,revenue,employment,log_revenue,log_employment,"
          + "log_employment_untreated";

  /**
   * @param source the raw source, null for a truth file written by the same writer
   * @param numbered the writer prefixes each record with its 1-based serial (programs' 연번)
   */
  record Entry(int id, RawSource source, String path, String header, String charsetName, boolean crlf,
      boolean bom, boolean numbered) implements Serializable {
    Charset charset() {
      return Charset.forName(charsetName);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final int firstYear;
  private final YearMonth firstMonth;
  private int registry;
  private int financials;
  private int nps;
  private int ntis;
  private int kipris;
  private int programs;
  private int treatment;
  private int panel;
  private final int years;

  FileCatalog(GeneratorConfig config) {
    firstYear = config.firstYear();
    firstMonth = YearMonth.of(firstYear, 1);
    years = config.years();
    registry = entries.size();
    add(RawSource.REGISTRY, "registry_" + config.lastYear() + "1231.csv", Layouts.REGISTRY);
    financials = entries.size();
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      add(RawSource.FINANCIALS, "financials_" + y + ".csv", Layouts.FINANCIALS);
    }
    nps = entries.size();
    for (int m = 0; m < config.months(); m++) {
      YearMonth month = firstMonth.plusMonths(m);
      String name = String.format("국민연금공단_국민연금 가입 사업장 내역_%d%02d20.csv", month.getYear(),
          month.getMonthValue());
      add(RawSource.NPS, name, npsLayout(month.getYear()));
    }
    ntis = entries.size();
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      add(RawSource.NTIS, "NTIS_과제정보_" + y + ".csv", Layouts.NTIS);
    }
    kipris = entries.size();
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      add(RawSource.KIPRIS, "KIPRIS_특허서지_" + y + ".csv", Layouts.KIPRIS);
    }
    programs = entries.size();
    for (Program p : Program.values()) {
      for (int y = config.firstYear(); y <= config.lastYear(); y++) {
        add(RawSource.PROGRAMS, p.id + "_선정기업_" + y + ".csv", Layouts.PROGRAMS);
      }
    }
    treatment = entries.size();
    entries.add(new Entry(treatment, null, TREATMENT_FILE, TREATMENT_HEADER, "UTF-8", false, false, false));
    panel = entries.size();
    entries.add(new Entry(panel, null, PANEL_FILE, PANEL_HEADER, "UTF-8", false, false, false));
  }

  /** NPS header spelling of a data year (RAW_LAYOUTS.md). */
  static Layout npsLayout(int year) {
    return year <= 2019 ? Layouts.NPS_2019 : year <= 2021 ? Layouts.NPS_2020 : Layouts.NPS_CURRENT;
  }

  private void add(RawSource source, String name, Layout layout) {
    boolean cp949 = source.charset().equals(Layouts.CP949);
    entries.add(new Entry(entries.size(), source, source.folder() + "/" + name, layout.headerLine(),
        source.charset().name(), cp949, source == RawSource.NTIS, source == RawSource.PROGRAMS));
  }

  Entry get(int id) {
    return entries.get(id);
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  int registry() {
    return registry;
  }

  int financials(int year) {
    return financials + year - firstYear;
  }

  int nps(int monthIndex) {
    return nps + monthIndex;
  }

  int ntis(int year) {
    return ntis + year - firstYear;
  }

  int kipris(int year) {
    return kipris + year - firstYear;
  }

  int program(Program p, int year) {
    return programs + p.ordinal() * years + year - firstYear;
  }

  int treatment() {
    return treatment;
  }

  int panel() {
    return panel;
  }
}
