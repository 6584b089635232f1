package org.clusteratlas.datasets.raw;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * The six raw sources as users download them, each in its own folder under the raw root. The folder
 * name, the file-name pattern, the character set and the header layouts are the contract between the
 * synthetic generator (which writes them) and ingest (which reads them).
 */
public enum RawSource {
  /** Company registry / credit-bureau extract: one row per place of business (head office or branch). */
  REGISTRY("registry", "registry_\\d{8}\\.csv", Layouts.UTF8, Layouts.REGISTRY),
  /** Annual financials (FSC 기업재무정보 style): one row per firm and fiscal year. */
  FINANCIALS("financials", "financials_\\d{4}\\.csv", Layouts.UTF8, Layouts.FINANCIALS),
  /**
   * NPS 「국민연금 가입 사업장 내역」 monthly file (a CSV, or a ZIP wrapping it as the NPS site sometimes
   * posts it): CP949, CRLF, 22 columns, three header spellings.
   */
  NPS("nps", "국민연금공단_국민연금 가입 사업장 내역_\\d{8}\\.(csv|zip)", Layouts.CP949, Layouts.NPS_CURRENT,
      Layouts.NPS_2020, Layouts.NPS_2019),
  /** NTIS project extract: one row per project and performing organisation (lead or participant). */
  NTIS("ntis", "NTIS_과제정보_\\d{4}\\.csv", Layouts.UTF8, Layouts.NTIS),
  /** KIPRIS bibliography extract: one row per application; applicants and inventors multi-valued. */
  KIPRIS("kipris", "KIPRIS_특허서지_\\d{4}\\.csv", Layouts.UTF8, Layouts.KIPRIS),
  /** Support-program rosters: one file per program and selection year, CP949 (spreadsheet exports). */
  PROGRAMS("programs", "[a-z0-9_]+_선정기업_\\d{4}\\.csv", Layouts.CP949, Layouts.PROGRAMS);

  private final String folder;
  private final String filePattern;
  private final Charset charset;
  private final List<Layout> layouts;

  RawSource(String folder, String filePattern, Charset charset, Layout... layouts) {
    this.folder = folder;
    this.filePattern = filePattern;
    this.charset = charset;
    this.layouts = List.of(layouts);
  }

  public String folder() {
    return folder;
  }

  /** Regular expression a file name in {@link #folder()} must match to be read as this source. */
  public String filePattern() {
    return filePattern;
  }

  public Charset charset() {
    return charset;
  }

  /** Accepted layouts, newest first; the generator writes {@code layouts().get(0)} unless told otherwise. */
  public List<Layout> layouts() {
    return layouts;
  }

  /** The column count every layout of this source shares. */
  public int columnCount() {
    return layouts.get(0).headers().size();
  }

  /** Lower-case identifier used in tables and the truth files ({@code nps}, {@code ntis}, …). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RawSource fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
