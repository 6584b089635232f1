package org.clusteratlas.jobs.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.clusteratlas.datasets.raw.CsvLine;
import org.clusteratlas.datasets.raw.Layout;
import org.clusteratlas.datasets.raw.RawSource;

/**
 * Reads one raw file in a Spark task and streams its lines as {@link RawLines} rows: decodes each line
 * in the source's character set (strictly first; bytes that do not decode are replaced and the line is
 * flagged, never fatal), recognises the header layout, splits cells, marks exact duplicates of an
 * earlier line of the same file, and finishes with one file record carrying the SHA-256 of the bytes.
 * A file that cannot be opened or whose header is unknown yields only the file record, with the reason.
 */
final class RawFileReader implements Iterator<Row> {
  private static final String REPLACEMENT = "\uFFFD";
  private final RawSource source;
  private final String relative;
  private final Charset charset;
  private final InputStream in;
  private final MessageDigest digest;
  private final Map<Long, Long> seen = new HashMap<>();
  private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(512);
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private Layout layout;
  private String fileError;
  private long rowNumber;
  private long size;
  private boolean finished;
  private Row next;

  private RawFileReader(RawSource source, String relative, InputStream in, String openError) {
    this.source = source;
    this.relative = relative;
    this.charset = source.charset();
    this.in = in;
    this.fileError = openError;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (in != null) {
      readHeader();
    }
  }

  /**
   * Opens {@code root/relative} with the task's Hadoop configuration. A {@code .zip} (the NPS site posts
   * some months that way) is read as the CSV it wraps: its first {@code .csv} entry, streamed from the
   * archive on any file system; the SHA-256 and size are then those of the CSV.
   */
  static Iterator<Row> open(RawSource source, String root, String relative, Configuration hadoop) {
    Path path = new Path(root, relative);
    InputStream in = null;
    try {
      in = path.getFileSystem(hadoop).open(path);
      if (relative.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        ZipInputStream zip = new ZipInputStream(in, source.charset());
        in = zip;
        if (!toFirstCsv(zip)) {
          zip.close();
          return new RawFileReader(source, relative, null, "zip archive holds no .csv file");
        }
      }
      return new RawFileReader(source, relative, in, null);
    } catch (IOException | IllegalArgumentException e) {
      // ZipInputStream reports an entry name it cannot decode as IllegalArgumentException
      closeQuietly(in);
      return new RawFileReader(source, relative, null, "cannot open file: " + e.getMessage());
    }
  }

  /** Moves the archive to its first CSV entry (macOS resource forks skipped); false when there is none. */
  private static boolean toFirstCsv(ZipInputStream zip) throws IOException {
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      String name = e.getName();
      if (!e.isDirectory() && !name.startsWith("__MACOSX/") && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the open already failed; that is the error reported
      }
    }
  }

  private void readHeader() {
    byte[] bytes = readLine();
    if (bytes == null) {
      fileError = "file is empty (no header line)";
      return;
    }
    String header = decode(bytes).text();
    List<String> cells = CsvLine.split(header);
    // the exact spelling names the variant; the key match accepts spellings not seen before
    Optional<Layout> match = cells == null ? Optional.empty()
        : source.layouts().stream().filter(l -> l.spelledAs(cells)).findFirst()
            .or(() -> source.layouts().stream().filter(l -> l.matches(cells)).findFirst());
    if (match.isEmpty()) {
      String shown = header.length() > 120 ? header.substring(0, 120) + "…" : header;
      fileError = "unknown header for " + source.id() + " (expected " + source.columnCount()
          + " columns like '" + source.layouts().get(0).headers().get(0) + ",…'): " + shown;
      return;
    }
    layout = match.get();
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  private Row advance() {
    if (fileError == null) {
      byte[] bytes = readLine();
      if (bytes != null) {
        return dataRow(bytes);
      }
    } else if (in != null) {
      drain();
    }
    finished = true;
    close();
    String sha = in == null ? null : HexFormat.of().formatHex(digest.digest());
    return RowFactory.create(RawLines.KIND_FILE, source.id(), relative, 0L, null, null, false, null,
        layout == null ? null : layout.name(), fileError, sha, in == null ? null : size);
  }

  private Row dataRow(byte[] bytes) {
    rowNumber++;
    Decoded d = decode(bytes);
    List<String> cells = CsvLine.split(d.text());
    if (cells != null && d.text().contains(REPLACEMENT)) {
      // replacement characters (ours for undecodable bytes, or already in the source's text) stay in
      // raw_line for the quarantine, not in the values
      cells = cells.stream().map(c -> c.replace(REPLACEMENT, "")).toList();
    }
    Long duplicateOf = seen.putIfAbsent(fingerprint(bytes), rowNumber);
    return RowFactory.create(RawLines.KIND_ROW, source.id(), relative, rowNumber, d.text(),
        cells == null ? null : cells.toArray(new String[0]), d.repaired(), duplicateOf,
        layout.name(), null, null, null);
  }

  /** Next line without its terminator (LF or CRLF), or null at end of file. */
  private byte[] readLine() {
    lineBytes.reset();
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        break;
      }
      any = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      lineBytes.write(buffer, start, pos - start);
      if (pos < limit) {
        pos++; // the newline
        break;
      }
    }
    if (!any) {
      return null;
    }
    byte[] out = lineBytes.toByteArray();
    int n = out.length;
    if (n > 0 && out[n - 1] == '\r') {
      n--;
    }
    int from = 0;
    if (rowNumber == 0 && layout == null && n >= 3
        && (out[0] & 0xFF) == 0xEF && (out[1] & 0xFF) == 0xBB && (out[2] & 0xFF) == 0xBF) {
      from = 3; // UTF-8 byte-order mark before the header
    }
    return java.util.Arrays.copyOfRange(out, from, n);
  }

  /** Refills the buffer; every byte read passes through the checksum exactly once. */
  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      digest.update(buffer, 0, n);
      size += n;
      pos = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + relative, e);
    }
  }

  private void drain() {
    pos = limit;
    while (fill()) {
      pos = limit;
    }
  }

  private void close() {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the data was read completely; a failing close does not change it
      }
    }
  }

  private record Decoded(String text, boolean repaired) {}

  private Decoded decode(byte[] bytes) {
    CharsetDecoder strict = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes));
      return new Decoded(cb.toString(), false);
    } catch (CharacterCodingException e) {
      CharsetDecoder lenient = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
      try {
        return new Decoded(lenient.decode(ByteBuffer.wrap(bytes)).toString(), true);
      } catch (CharacterCodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /**
   * 64-bit FNV-1a of the line's bytes: duplicates are found without keeping the lines in memory; a
   * false match between two different lines of one file has probability about n²/2⁶⁵ (≈1e-8 for the
   * largest NPS month).
   */
  static long fingerprint(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= (b & 0xFF);
      h *= 0x100000001b3L;
    }
    return h ^ bytes.length;
  }
}
