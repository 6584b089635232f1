package org.clusteratlas.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on its own, without Spark: a ZIP reads as the CSV it wraps, and one without a CSV fails alone. */
class RawFileReaderTest {
  @TempDir
  Path root;

  private static final String NAME = "국민연금공단_국민연금 가입 사업장 내역_20250930";

  private List<Row> read(String relative) {
    List<Row> rows = new ArrayList<>();
    Iterator<Row> it = RawFileReader.open(RawSource.NPS, root.toString(), relative, new Configuration());
    it.forEachRemaining(rows::add);
    return rows;
  }

  private static int field(String name) {
    return RawLines.SCHEMA.fieldIndex(name);
  }

  @Test
  void aZipReadsAsTheCsvItWraps() throws IOException {
    RawFixture raw = new RawFixture(root);
    List<String> lines = List.of(RawFixture.csv("202509", "한빛테크(주)", "124810", "1"));
    raw.write(RawSource.NPS, NAME + ".csv", Layouts.NPS_CURRENT, lines);
    raw.writeZip(RawSource.NPS, NAME + ".zip", NAME + ".csv", Layouts.NPS_CURRENT, lines);

    List<Row> plain = read("nps/" + NAME + ".csv");
    List<Row> zipped = read("nps/" + NAME + ".zip");
    assertThat(zipped).hasSize(2); // one data row, then the file record
    for (int i = 0; i < 2; i++) {
      for (String f : List.of("kind", "row_number", "raw_line", "layout", "file_error", "file_size")) {
        assertThat(zipped.get(i).<Object>getAs(field(f))).as(f).isEqualTo(plain.get(i).getAs(field(f)));
      }
    }
    // rows are built for Spark's encoder, which takes the cells as a Java array
    assertThat((Object[]) zipped.get(0).get(field("cells"))).containsExactly("202509", "한빛테크(주)", "124810", "1");
    Row file = zipped.get(1);
    assertThat(file.<String>getAs(field("kind"))).isEqualTo(RawLines.KIND_FILE);
    assertThat(file.<String>getAs(field("source_file"))).isEqualTo("nps/" + NAME + ".zip");
    // the checksum is the wrapped CSV's, so a month posted both ways has one fingerprint
    byte[] csv = Files.readAllBytes(root.resolve("nps/" + NAME + ".csv"));
    assertThat(file.<String>getAs(field("sha256"))).isEqualTo(sha256(csv));
  }

  @Test
  void aZipWithoutACsvIsAFileErrorNotAnException() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("no data here".getBytes(Layouts.CP949));
      zip.closeEntry();
    }
    new RawFixture(root).writeBytes(RawSource.NPS, NAME + ".zip", bytes.toByteArray());
    assertThat(read("nps/" + NAME + ".zip")).singleElement().satisfies(r -> {
      assertThat(r.<String>getAs(field("kind"))).isEqualTo(RawLines.KIND_FILE);
      assertThat(r.<String>getAs(field("file_error"))).isEqualTo("zip archive holds no .csv file");
    });
  }

  @Test
  void aDamagedZipIsAFileError() throws IOException {
    new RawFixture(root).writeBytes(RawSource.NPS, NAME + ".zip", "PK\u0003\u0004 not really".getBytes(Layouts.CP949));
    assertThat(read("nps/" + NAME + ".zip")).singleElement().satisfies(r ->
        assertThat(r.<String>getAs(field("file_error"))).isNotNull());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
