package org.clusteratlas.jobs.tables;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.UserError;

/** {@code atlas info}: each table's current Delta version, row count, last operation and its time. */
public final class WarehouseInfo {
  public record TableState(String table, long version, long rows, String lastOperation, Timestamp at) {}

  private WarehouseInfo() {}

  public static List<TableState> describe(Warehouse warehouse) {
    List<TableContract> tables = warehouse.existing();
    if (tables.isEmpty()) {
      throw new UserError("warehouse " + warehouse.root()
          + " has no tables yet (run 'bin/atlas demo', or 'atlas ingest --warehouse " + warehouse.root() + "')");
    }
    List<TableState> out = new ArrayList<>();
    for (TableContract t : tables) {
      Row last = DeltaTable.forPath(warehouse.spark(), warehouse.path(t)).history(1)
          .select("version", "operation", "timestamp").first();
      long rows = warehouse.read(t).count(); // answered from Delta file statistics, not a scan
      out.add(new TableState(t.qualifiedName(), last.getLong(0), rows, last.getString(1), last.getTimestamp(2)));
    }
    return out;
  }

  public static String render(List<TableState> states) {
    StringBuilder sb = new StringBuilder(String.format("%-22s %8s %14s  %-12s %s%n",
        "table", "version", "rows", "operation", "committed"));
    for (TableState s : states) {
      sb.append(String.format("%-22s %8d %,14d  %-12s %s%n",
          s.table(), s.version(), s.rows(), s.lastOperation(), s.at().toInstant()));
    }
    return sb.toString();
  }
}
