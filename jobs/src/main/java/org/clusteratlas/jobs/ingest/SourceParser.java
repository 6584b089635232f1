package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * Pure transform from a source's raw lines ({@link RawLines} rows of kind {@code row}) to its bronze
 * columns plus {@code _reason}/{@code _detail} (null when the row is accepted). No I/O: the ingest job
 * reads, calls this, and writes the accepted rows and the quarantine.
 */
abstract class SourceParser {
  static final String REASON = "_reason";
  static final String DETAIL = "_detail";

  abstract RawSource source();

  abstract TableContract table();

  /** The typed columns, named as in the contract (load_id excepted), computed from {@code cells}. */
  abstract List<Column> typedColumns();

  /** Source rules on top of the line-shape rules; may refer to the typed columns by name. */
  abstract void rules(RowChecks checks);

  /** Steps after typing and checking, such as region harmonisation joins. */
  Dataset<Row> enrich(Dataset<Row> typed) {
    return typed;
  }

  final Dataset<Row> parse(Dataset<Row> lines) {
    List<Column> cols = new ArrayList<>(typedColumns());
    cols.add(col("source"));
    cols.add(col("source_file"));
    cols.add(col("row_number"));
    cols.add(col("raw_line"));
    cols.add(col("cells"));
    cols.add(col("duplicate_of"));
    cols.add(col("decode_repaired"));
    cols.add(col("layout"));
    cols.add(col("kind"));
    cols.add(col("file_error"));
    cols.add(col("sha256"));
    Dataset<Row> typed = lines.select(cols.toArray(Column[]::new));
    RowChecks checks = RowChecks.forLayout(source().columnCount());
    rules(checks);
    Dataset<Row> checked = typed.withColumn("_violation", checks.violation())
        .withColumn(REASON, col("_violation.reason")).withColumn(DETAIL, col("_violation.detail"))
        .drop("cells", "duplicate_of", "_violation")
        // the raw text is kept only where the quarantine needs it
        .withColumn("raw_line", when(col(REASON).isNotNull(), col("raw_line")));
    return enrich(checked);
  }

  static List<SourceParser> all(RegionHarmoniser regions) {
    return List.of(new RegistryParser(regions), new FinancialsParser(), new NpsParser(regions),
        new NtisParser(regions), new KiprisParser(), new ProgramsParser());
  }
}
