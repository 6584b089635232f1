package org.clusteratlas.jobs.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clusteratlas.datasets.raw.CsvLine;
import org.clusteratlas.datasets.raw.Layout;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;

/** Writes tiny hand-made raw files, byte by byte, the way the portals do. */
final class RawFixture {
  private final Path root;

  RawFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** A file of {@code source} with the given header layout and lines (already joined CSV text). */
  Path write(RawSource source, String name, Layout layout, List<String> lines) throws IOException {
    return writeBytes(source, name, bytes(source, layout, lines));
  }

  /**
   * A ZIP archive of {@code source} holding a readme and then the CSV {@code entry} (header layout and
   * lines as in {@link #write}), entry names in the source's character set as Korean archivers write them.
   */
  Path writeZip(RawSource source, String name, String entry, Layout layout, List<String> lines) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped, source.charset())) {
      zip.putNextEntry(new ZipEntry("읽어보기.txt"));
      zip.write("국민연금 가입 사업장 내역\r\n".getBytes(source.charset()));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(bytes(source, layout, lines));
      zip.closeEntry();
    }
    return writeBytes(source, name, zipped.toByteArray());
  }

  private static byte[] bytes(RawSource source, Layout layout, List<String> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Charset cs = source.charset();
    String eol = cs.equals(Layouts.CP949) ? "\r\n" : "\n";
    if (source == RawSource.NTIS) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    out.write((layout.headerLine() + eol).getBytes(cs));
    for (String line : lines) {
      out.write((line + eol).getBytes(cs));
    }
    return out.toByteArray();
  }

  Path writeBytes(RawSource source, String name, byte[] bytes) throws IOException {
    Path dir = root.resolve(source.folder());
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static String csv(String... cells) {
    return CsvLine.join(List.of(cells));
  }

  /** A valid NPS row; callers replace single cells to plant one defect. */
  static String[] npsRow(String month, String name, String sido, String sigungu) {
    return new String[] {month, name, "124810", "1", "04537", "서울특별시 중구 명동", "서울특별시 중구 명동길",
        sido + sigungu + "10300", sido + sigungu + "55000", sido, sigungu, "103", "1", "292201",
        "동력식 수지 공구 제조업", "20150101", "00010101", "00010101", "12", "3500000", "1", "0"};
  }
}
