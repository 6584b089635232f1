package org.clusteratlas.datasets.synth;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's Hadoop configuration (credentials, endpoints, defaultFS), copied into a serialisable map
 * so tasks open the output FileSystem exactly as the driver would.
 */
final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  HadoopConf(Configuration source) {
    for (Map.Entry<String, String> e : source) {
      entries.put(e.getKey(), e.getValue());
    }
  }

  Configuration configuration() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }

  FileSystem fileSystem(String root) {
    try {
      FileSystem fs = FileSystem.get(URI.create(new Path(root).toUri().toString()), configuration());
      // no .crc side files next to the raw files on a local disk
      fs.setWriteChecksum(false);
      return fs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + root, e);
    }
  }
}
