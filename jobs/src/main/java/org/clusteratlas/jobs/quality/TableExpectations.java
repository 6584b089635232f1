package org.clusteratlas.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * The expectations every published table must meet, derived from its contract so a new table is
 * checked without new code: key columns unique and non-null, non-nullable columns without nulls,
 * columns whose contract metadata declares a {@code range} inside it, and a row count within a factor
 * of the previous published run. All counts come from one aggregation pass per table.
 */
public final class TableExpectations {
  /** Contract metadata key declaring an inclusive numeric range, e.g. {@code "0,1"} for shares. */
  public static final String RANGE = "range";

  /** A row count below previous/factor or above previous×factor is suspicious. */
  public static final double ROW_COUNT_FACTOR = 3.0;

  private TableExpectations() {}

  public static List<Expectation> check(TableContract table, Dataset<Row> rows, OptionalLong previousRows) {
    String name = table.qualifiedName();
    List<Column> aggs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    aggs.add(count(lit(1)));
    labels.add("rows");
    for (StructField f : table.schema().fields()) {
      boolean key = table.keyColumns().contains(f.name());
      if (!f.nullable() || key) {
        aggs.add(sum(when(col(f.name()).isNull(), 1).otherwise(0)));
        labels.add("not_null:" + f.name());
      }
      if (f.metadata().contains(RANGE)) {
        String[] bounds = f.metadata().getString(RANGE).split(",");
        double lo = Double.parseDouble(bounds[0]);
        double hi = Double.parseDouble(bounds[1]);
        aggs.add(sum(when(col(f.name()).lt(lo).or(col(f.name()).gt(hi)), 1).otherwise(0)));
        labels.add("in_range[" + lo + "," + hi + "]:" + f.name());
      }
    }
    Row stats = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    List<Expectation> out = new ArrayList<>();
    long n = stats.getLong(0);
    for (int i = 1; i < labels.size(); i++) {
      long bad = stats.isNullAt(i) ? 0 : stats.getLong(i);
      out.add(new Expectation(name, labels.get(i), bad == 0, bad + " violating rows"));
    }
    if (!table.keyColumns().isEmpty()) {
      Column[] keys = table.keyColumns().stream().map(c -> col(c)).toArray(Column[]::new);
      long duplicates = rows.groupBy(keys).count().where(col("count").gt(1)).count();
      out.add(new Expectation(name, "keys_unique(" + String.join(",", table.keyColumns()) + ")",
          duplicates == 0, duplicates + " duplicated keys"));
    }
    out.add(new Expectation(name, "not_empty", n > 0, n + " rows"));
    if (previousRows.isPresent() && previousRows.getAsLong() > 0) {
      long prev = previousRows.getAsLong();
      boolean ok = n >= prev / ROW_COUNT_FACTOR && n <= prev * ROW_COUNT_FACTOR;
      out.add(new Expectation(name, "row_count_vs_previous", ok,
          String.format("%d rows now, %d in the previous publish (allowed ×1/%.0f..×%.0f)", n, prev,
              ROW_COUNT_FACTOR, ROW_COUNT_FACTOR)));
    }
    return out;
  }
}
