package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;
import org.clusteratlas.datasets.raw.Layouts;

/**
 * Registry snapshot rows (one per place of business: the head office and every branch opened by the
 * reference date, 31 December of the last year) and financials rows (one per filing firm and year).
 */
final class RegistryLines implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int DIRT = 20;

  private static final DirtType[] REGISTRY_DIRT = {DirtType.DUPLICATE_ROW, DirtType.MALFORMED_DATE,
      DirtType.TRUNCATED_LINE};
  private static final DirtType[] FINANCIAL_DIRT = {DirtType.DUPLICATE_ROW, DirtType.MALFORMED_NUMBER,
      DirtType.NEGATIVE_AMOUNT, DirtType.TRUNCATED_LINE};

  private final World world;
  private final FileCatalog catalog;
  private final double[] registryRates;
  private final double[] financialRates;

  RegistryLines(World world, FileCatalog catalog) {
    this.world = world;
    this.catalog = catalog;
    DirtRates d = world.dirt;
    registryRates = new double[] {d.duplicateRow(), d.malformedDate(), d.truncatedLine()};
    financialRates = new double[] {d.duplicateRow(), d.malformedNumber(), d.negativeAmount(), d.truncatedLine()};
  }

  List<Row> registry(Firm f) {
    GeneratorConfig c = world.config;
    Geography geo = world.geography;
    int refMonth = (c.lastYear() - c.firstYear()) * 12 + 11;
    int refDate = c.lastYear() * 10_000 + 1231;
    List<Row> rows = new ArrayList<>(1 + f.branches().length);
    int fid = catalog.registry();
    for (int w = 0; w <= f.branches().length; w++) {
      Firm.Branch b = w == 0 ? null : f.branches()[w - 1];
      if (b != null && b.openMonth() > refMonth) {
        continue;
      }
      int leaf = b == null ? f.leafAt(refMonth) : b.leaf();
      int dong = b == null ? f.dongAt(refMonth) : b.dong();
      String code = world.codeAt(leaf, refMonth);
      String[] cells = {
          Crn.format(f.crn()),
          Brn.format(b == null ? f.brn() : b.brn()),
          b == null ? "본점" : "지점",
          f.legalName(),
          f.englishListed() ? f.englishName() : "",
          f.ceo(),
          Cells.yyyymmdd(f.founded()),
          f.sizeClass(),
          f.ksic5(),
          geo.fullName(code) + " " + geo.roadName(leaf, dong),
          code + geo.dongCode(leaf, dong) + "00",
          f.exited() > 0 && f.exited() <= refDate ? Cells.yyyymmdd(f.exited()) : ""
      };
      long uid = f.index() * 4 + w;
      RandomStream r = RandomStream.of(c.seed(), RandomStream.ROW, uid, DIRT);
      DirtType dirt = DirtType.draw(r, REGISTRY_DIRT, registryRates);
      if (dirt == DirtType.MALFORMED_DATE) {
        cells[6] = LineBytes.badDate(cells[6]);
      }
      rows.add(SourceFileWriter.row(fid, RandomStream.key(c.seed(), RandomStream.ROW, uid, fid), uid,
          LineBytes.render(cells, Layouts.UTF8, dirt, 3), f.crn(), dirt));
    }
    return rows;
  }

  List<Row> financials(Firm f) {
    GeneratorConfig c = world.config;
    List<Row> rows = new ArrayList<>();
    for (int y = c.firstYear(); y <= c.lastYear(); y++) {
      int i = y - c.firstYear();
      if (f.revenue()[i] <= 0) {
        continue;
      }
      int fid = catalog.financials(y);
      long uid = f.index() * 16 + i;
      RandomStream r = RandomStream.of(c.seed(), RandomStream.ROW, uid, DIRT + 1);
      boolean parentheses = r.chance(0.5);
      boolean noEmployees = r.chance(0.1);
      String[] cells = {
          f.crn(),
          String.valueOf(y),
          f.consolidated() ? "연결" : "별도",
          Cells.won(f.revenue()[i], parentheses),
          Cells.won(f.operatingProfit()[i], parentheses),
          Cells.won(f.assets()[i], parentheses),
          noEmployees ? "" : String.valueOf(f.employees()[i])
      };
      DirtType dirt = DirtType.draw(r, FINANCIAL_DIRT, financialRates);
      if (dirt == DirtType.MALFORMED_NUMBER) {
        cells[3] = LineBytes.badNumber(cells[3]);
      } else if (dirt == DirtType.NEGATIVE_AMOUNT) {
        cells[3] = "-" + cells[3];
      }
      rows.add(SourceFileWriter.row(fid, RandomStream.key(c.seed(), RandomStream.ROW, uid, fid), uid,
          LineBytes.render(cells, Layouts.UTF8, dirt, 0), f.crn(), dirt));
    }
    return rows;
  }
}
