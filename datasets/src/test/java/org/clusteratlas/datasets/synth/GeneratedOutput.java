package org.clusteratlas.datasets.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clusteratlas.datasets.raw.CsvLine;

/** Reads a generated raw tree the way a test needs it: physical lines as bytes, cells, truth files. */
final class GeneratedOutput {
  final Path root;

  GeneratedOutput(Path root) {
    this.root = root;
  }

  /** Every regular file below the root, as paths relative to it with '/' separators, sorted. */
  List<String> files() {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.endsWith(".crc") && !p.contains("/.")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Physical lines without terminators; element 0 is the header (BOM kept). */
  List<byte[]> lines(String relative) {
    byte[] all = bytes(relative);
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        int end = i > start && all[i - 1] == '\r' ? i - 1 : i;
        byte[] line = new byte[end - start];
        System.arraycopy(all, start, line, 0, line.length);
        out.add(line);
        start = i + 1;
      }
    }
    return out;
  }

  static String lenient(byte[] line, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean decodesStrictly(byte[] line, Charset charset) {
    try {
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Data rows (1-based index = list index + 1) split into cells; null for an unterminated quote. */
  List<List<String>> rows(String relative, Charset charset) {
    List<byte[]> lines = lines(relative);
    List<List<String>> out = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      out.add(CsvLine.split(lenient(lines.get(i), charset)));
    }
    return out;
  }

  /** truth/record_firm.csv as file → (row → CRNs by position). */
  Map<String, Map<Integer, List<String>>> recordFirm() {
    Map<String, Map<Integer, List<String>>> out = new HashMap<>();
    List<byte[]> lines = lines("truth/record_firm.csv");
    for (int i = 1; i < lines.size(); i++) {
      List<String> c = CsvLine.split(new String(lines.get(i), java.nio.charset.StandardCharsets.UTF_8));
      out.computeIfAbsent(c.get(1), k -> new HashMap<>())
          .computeIfAbsent(Integer.parseInt(c.get(2)), k -> new ArrayList<>()).add(c.get(4));
    }
    return out;
  }

  List<List<String>> truth(String name) {
    return rows("truth/" + name, java.nio.charset.StandardCharsets.UTF_8);
  }
}
