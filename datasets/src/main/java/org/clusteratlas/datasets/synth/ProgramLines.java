package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.raw.Layouts;

/**
 * Program roster rows (one per selected firm; the writer adds 연번) and the per-firm treatment truth rows.
 */
final class ProgramLines implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final DirtType[] DIRT = {DirtType.MISSING_BRN, DirtType.INVALID_BRN, DirtType.TYPO,
      DirtType.DUPLICATE_ROW, DirtType.UNDECODABLE_BYTES, DirtType.TRUNCATED_LINE};

  private final World world;
  private final FileCatalog catalog;
  private final double[] rates;

  ProgramLines(World world, FileCatalog catalog) {
    this.world = world;
    this.catalog = catalog;
    DirtRates d = world.dirt;
    rates = new double[] {d.programMissingBrn(), d.programInvalidBrn(), d.typo(), d.duplicateRow(),
        d.undecodableBytes(), d.truncatedLine()};
  }

  List<Row> rows(Firm f) {
    GeneratorConfig c = world.config;
    List<Row> rows = new ArrayList<>(1);
    for (Program p : Program.values()) {
      int year = f.programYear()[p.ordinal()];
      if (year == 0) {
        continue;
      }
      long uid = f.index() * 4 + p.ordinal();
      RandomStream r = RandomStream.of(c.seed(), RandomStream.ROW, uid, 50);
      int month = (year - c.firstYear()) * 12 + 11;
      String code = world.codeAt(f.leafAt(month), month);
      String name = NameStyle.reported(f.stem(), f.suffix(), f.form(), f.legalPrefix(), NameStyle.Style.PROGRAMS,
          world.dirt, r);
      String industry = world.industry.nameKo[f.division()];
      String[] cells = {p.nameKo, String.valueOf(year), name, Brn.format(f.brn()), f.ceo(),
          world.geography.fullName(code), industry};
      DirtType dirt = DirtType.draw(r, DIRT, rates);
      if (dirt == DirtType.MISSING_BRN) {
        cells[3] = "";
      } else if (dirt == DirtType.INVALID_BRN) {
        cells[3] = Cells.brokenBrn(f.brn());
      } else if (dirt == DirtType.TYPO) {
        cells[2] = NameStyle.typo(cells[2], r);
      }
      int fid = catalog.program(p, year);
      rows.add(SourceFileWriter.row(fid, RandomStream.key(c.seed(), RandomStream.ROW, uid, fid), uid,
          LineBytes.render(cells, Layouts.CP949, dirt, 2), f.crn(), dirt));
    }
    return rows;
  }

  /** truth/firm_treatment.csv rows: one per firm, or one per program the firm entered. */
  List<Row> treatment(Firm f) {
    String grant = f.firstGrantYear() > 0 ? String.valueOf(f.firstGrantYear()) : "";
    List<Row> rows = new ArrayList<>(1);
    int fid = catalog.treatment();
    for (Program p : Program.values()) {
      int year = f.programYear()[p.ordinal()];
      if (year > 0) {
        rows.add(line(fid, f, p.ordinal(), f.crn() + "," + grant + "," + p.id + "," + year));
      }
    }
    if (rows.isEmpty()) {
      rows.add(line(fid, f, 3, f.crn() + "," + grant + ",,"));
    }
    return rows;
  }

  private static Row line(int fid, Firm f, int ordinal, String text) {
    return SourceFileWriter.row(fid, f.index(), f.index() * 4 + ordinal, text.getBytes(StandardCharsets.UTF_8),
        null, null);
  }
}
