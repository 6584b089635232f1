package org.clusteratlas.datasets.synth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.clusteratlas.datasets.raw.CsvLine;

/**
 * Turns cells into the bytes of one CSV line (no terminator) in a source's charset, and damages cells or
 * bytes the way planted dirt requires.
 */
final class LineBytes {
  private LineBytes() {}

  /** Placed inside a cell, becomes a byte sequence that no CP949 decoder accepts. */
  static final char UNDECODABLE_MARK = '\u0001';
  private static final byte[] UNDECODABLE = {(byte) 0xFF, (byte) 0x80};

  static String join(String[] cells, int count) {
    StringBuilder sb = new StringBuilder(16 * count);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(CsvLine.quote(cells[i]));
    }
    return sb.toString();
  }

  static byte[] encode(String[] cells, Charset charset) {
    return encodeText(join(cells, cells.length), charset);
  }

  static byte[] encodeText(String text, Charset charset) {
    byte[] bytes = text.getBytes(charset);
    if (text.indexOf(UNDECODABLE_MARK) < 0) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
    for (byte b : bytes) {
      if (b == 1) {
        out.write(UNDECODABLE, 0, UNDECODABLE.length);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** The line cut right after the separator that ends its first half of cells: fewer fields. */
  static byte[] truncated(String[] cells, Charset charset) {
    return encodeText(join(cells, cells.length / 2) + ",", charset);
  }

  /**
   * Encodes a row with its dirt: cell-level dirt must already be applied by the caller; this applies
   * the byte-level kinds (undecodable bytes in the name cell, truncation).
   */
  static byte[] render(String[] cells, Charset charset, DirtType dirt, int nameCell) {
    if (dirt == DirtType.UNDECODABLE_BYTES) {
      String[] copy = Arrays.copyOf(cells, cells.length);
      String name = copy[nameCell];
      int mid = name.length() / 2;
      copy[nameCell] = name.substring(0, mid) + UNDECODABLE_MARK + name.substring(mid);
      return encode(copy, charset);
    }
    if (dirt == DirtType.TRUNCATED_LINE) {
      return truncated(cells, charset);
    }
    return encode(cells, charset);
  }

  /** {@code 2019-03-05 → 2019-13-45}, {@code 20190305 → 20190231}, {@code 2019.03.05 → 2019.02.30}. */
  static String badDate(String date) {
    if (date == null || date.length() < 8) {
      return "2019-13-45";
    }
    String year = date.substring(0, 4);
    if (date.indexOf('-') > 0) {
      return year + "-13-45";
    }
    if (date.indexOf('.') > 0) {
      return year + ".02.30";
    }
    return year + "0231";
  }

  /** A letter inside the number: {@code 1234 → 12a4}. */
  static String badNumber(String number) {
    if (number == null || number.isEmpty()) {
      return "1a";
    }
    if (number.length() < 3) {
      return number + "a";
    }
    int mid = number.length() / 2;
    return number.substring(0, mid) + 'a' + number.substring(mid + 1);
  }
}
