package org.clusteratlas.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clusteratlas.datasets.raw.RawSource;

/**
 * A file found under the raw root: its source (or none, when its name fits no source pattern), its
 * path relative to the root, size and modification time — what the ledger compares to decide
 * whether the file was loaded before.
 */
record RawFile(RawSource source, String relative, long size, long modifiedMillis) {

  /** Lists every regular file in the source folders, sorted by path; missing folders list nothing. */
  static List<RawFile> list(FileSystem fs, Path root) {
    List<RawFile> out = new ArrayList<>();
    for (RawSource source : RawSource.values()) {
      Path dir = new Path(root, source.folder());
      try {
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus st : fs.listStatus(dir)) {
          if (!st.isFile() || st.getPath().getName().startsWith(".") || st.getPath().getName().startsWith("_")) {
            continue; // hidden and marker files (.crc, _SUCCESS) are not data
          }
          String name = st.getPath().getName();
          RawSource matched = name.matches(source.filePattern()) ? source : null;
          out.add(new RawFile(matched, source.folder() + "/" + name, st.getLen(), st.getModificationTime()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    out.sort(Comparator.comparing(RawFile::relative));
    return out;
  }

  /** The source folder the file sits in, whether or not its name matched. */
  String folder() {
    return relative.substring(0, relative.indexOf('/'));
  }
}
