package org.clusteratlas.datasets.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.raw.CsvLine;

/**
 * The one deterministic file writer. Input rows are (file id, sort key, unique id, line bytes, CRNs per
 * position, dirt); each file is written by exactly one task: rows are partitioned by file, sorted by
 * (file, key, uid) and streamed through a Hadoop output stream, header first. Row numbers are assigned
 * while writing, so the data file and its truth part (record_firm, dirt) are produced together and agree
 * by construction. Output bytes depend only on the rows, never on partitioning.
 */
final class SourceFileWriter {
  private SourceFileWriter() {}

  static final StructType LINE = new StructType()
      .add("fid", DataTypes.IntegerType, false)
      .add("key", DataTypes.LongType, false)
      .add("uid", DataTypes.LongType, false)
      .add("line", DataTypes.BinaryType, false)
      .add("crns", DataTypes.StringType, true)
      .add("dirt", DataTypes.StringType, true);

  static final StructType STATS = new StructType()
      .add("fid", DataTypes.IntegerType, false)
      .add("rows", DataTypes.LongType, false)
      .add("bytes", DataTypes.LongType, false)
      .add("dirt", DataTypes.LongType, false);

  static final String PARTS = "truth/_parts";

  /**
   * One output record. {@code crns}: the true CRN of each firm position, separated by {@code |} (empty
   * entry for a non-firm position; null = one non-firm position). A DUPLICATE_ROW record is written twice
   * and the second copy is the listed dirt.
   */
  static Row row(int fid, long key, long uid, byte[] line, String crns, DirtType dirt) {
    return RowFactory.create(fid, key, uid, line, crns, dirt == null ? null : dirt.label);
  }

  static List<Row> write(Dataset<Row> rows, FileCatalog catalog, HadoopConf hadoop, String outDir,
      int partitions) {
    return rows.repartition(Math.max(1, partitions), rows.col("fid"))
        .sortWithinPartitions("fid", "key", "uid")
        .mapPartitions(new Task(catalog, hadoop, outDir), Encoders.row(STATS))
        .collectAsList();
  }

  private static final class Task implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final FileCatalog catalog;
    private final HadoopConf hadoop;
    private final String outDir;

    Task(FileCatalog catalog, HadoopConf hadoop, String outDir) {
      this.catalog = catalog;
      this.hadoop = hadoop;
      this.outDir = outDir;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) throws IOException {
      List<Row> stats = new ArrayList<>();
      FileSystem fs = hadoop.fileSystem(outDir);
      OpenFile current = null;
      while (input.hasNext()) {
        Row r = input.next();
        int fid = r.getInt(0);
        if (current == null || current.entry.id() != fid) {
          if (current != null) {
            stats.add(current.close());
          }
          current = new OpenFile(fs, outDir, catalog.get(fid));
        }
        current.write((byte[]) r.get(3), r.isNullAt(4) ? null : r.getString(4),
            r.isNullAt(5) ? null : r.getString(5));
      }
      if (current != null) {
        stats.add(current.close());
      }
      return stats.iterator();
    }
  }

  /** A data file being written with its two truth parts. */
  private static final class OpenFile {
    private final FileCatalog.Entry entry;
    private final OutputStream data;
    private final OutputStream records;
    private final OutputStream dirt;
    private final byte[] eol;
    private final String truthPrefix;
    private final CountingStream counter;
    private long row;
    private long serial;
    private long dirtRows;

    OpenFile(FileSystem fs, String outDir, FileCatalog.Entry entry) throws IOException {
      this.entry = entry;
      this.counter = new CountingStream(fs.create(new Path(outDir, entry.path()), true));
      this.data = new BufferedOutputStream(counter, 1 << 20);
      this.eol = entry.crlf() ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
      if (entry.source() != null) {
        String part = String.format("%05d.csv", entry.id());
        this.records = new BufferedOutputStream(fs.create(new Path(outDir, PARTS + "/record_firm/" + part), true),
            1 << 20);
        this.dirt = new BufferedOutputStream(fs.create(new Path(outDir, PARTS + "/dirt/" + part), true), 1 << 16);
        this.truthPrefix = entry.source().id() + "," + CsvLine.quote(entry.path()) + ",";
      } else {
        this.records = null;
        this.dirt = null;
        this.truthPrefix = null;
      }
      if (entry.bom()) {
        data.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      data.write(entry.header().getBytes(entry.charset()));
      data.write(eol);
    }

    void write(byte[] line, String crns, String dirtType) throws IOException {
      boolean duplicate = "duplicate_row".equals(dirtType);
      serial++;
      writeOne(line, crns, duplicate ? null : dirtType);
      if (duplicate) {
        writeOne(line, crns, dirtType);
      }
    }

    private void writeOne(byte[] line, String crns, String dirtType) throws IOException {
      row++;
      if (entry.numbered()) {
        data.write(Long.toString(serial).getBytes(StandardCharsets.US_ASCII));
        data.write(',');
      }
      data.write(line);
      data.write(eol);
      if (records == null) {
        return;
      }
      String prefix = truthPrefix + row + ",";
      if (crns == null) {
        records.write((prefix + "1,\n").getBytes(StandardCharsets.UTF_8));
      } else {
        int position = 1;
        int start = 0;
        while (true) {
          int bar = crns.indexOf('|', start);
          String crn = bar < 0 ? crns.substring(start) : crns.substring(start, bar);
          records.write((prefix + position + "," + crn + "\n").getBytes(StandardCharsets.UTF_8));
          if (bar < 0) {
            break;
          }
          start = bar + 1;
          position++;
        }
      }
      if (dirtType != null) {
        dirtRows++;
        dirt.write((truthPrefix + row + "," + dirtType + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }

    Row close() throws IOException {
      data.close();
      if (records != null) {
        records.close();
        dirt.close();
      }
      return RowFactory.create(entry.id(), row, counter.count, dirtRows);
    }
  }

  /** Counts the bytes that reach the file. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  static void delete(FileSystem fs, Path path) {
    try {
      if (fs.exists(path)) {
        fs.delete(path, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
