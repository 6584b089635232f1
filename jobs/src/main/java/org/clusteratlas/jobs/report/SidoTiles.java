package org.clusteratlas.jobs.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusteratlas.datasets.region.RegionCatalog;

/**
 * The tile-map layout of Korea: one grid cell per 시도 code ({@code report/sido_tiles.csv}), with the
 * official name from the region catalog and whether the code is in force today.
 */
public final class SidoTiles {
  private SidoTiles() {}

  public record Tile(String code, String label, String name, int col, int row, boolean current) {}

  private static final String RESOURCE = "/report/sido_tiles.csv";

  public static List<Tile> load() {
    RegionCatalog catalog = RegionCatalog.load();
    List<Tile> tiles = new ArrayList<>();
    try (InputStream in = SidoTiles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        var sido = catalog.sido(f[0]);
        tiles.add(new Tile(f[0], f[1], sido.map(s -> s.name()).orElse(f[1]), Integer.parseInt(f[2]),
            Integer.parseInt(f[3]), sido.map(s -> s.isCurrent()).orElse(false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tiles;
  }

  /** The tiles as JSON-ready rows. */
  static List<Map<String, Object>> rows(List<Tile> tiles) {
    return tiles.stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", t.code());
      m.put("label", t.label());
      m.put("name", t.name());
      m.put("col", t.col());
      m.put("row", t.row());
      m.put("current", t.current());
      return m;
    }).toList();
  }
}
