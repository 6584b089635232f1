package org.clusteratlas.datasets.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clusteratlas.datasets.ids.Brn;

/**
 * Universities (filing as ○○대학교 산학협력단), government-funded and national research institutes and a
 * few technoparks: the non-firm R&D performers and patent applicants, from {@code synth/organisations.csv}.
 * Their BRNs are type 82 (non-profit) or 83 (state); none has a CRN in the truth.
 */
final class Organisations implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind {
    UNIVERSITY("대학"), GRI("출연연구소"), NATIONAL("국공립연구소"), OTHER("기타");

    final String ntisLabel;

    Kind(String ntisLabel) {
      this.ntisLabel = ntisLabel;
    }

    static Kind of(String label) {
      for (Kind k : values()) {
        if (k.ntisLabel.equals(label)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown organisation kind " + label);
    }
  }

  record Org(int index, String name, Kind kind, int leaf, String brn, String applicantCode)
      implements Serializable {
    /** As NTIS writes the performer: {@code 서울대학교 산학협력단}. */
    String ntisName() {
      return kind == Kind.UNIVERSITY ? name + " 산학협력단" : name;
    }

    /** As KIPRIS writes the applicant: {@code 서울대학교산학협력단}. */
    String kiprisName() {
      return kind == Kind.UNIVERSITY ? name + "산학협력단" : name.replace("재단법인 ", "재단법인");
    }
  }

  final Org[] orgs;
  private final double[][] cumulativeByKind = new double[Kind.values().length][];

  private Organisations(Org[] orgs, double[] weights) {
    this.orgs = orgs;
    for (Kind k : Kind.values()) {
      double[] w = new double[orgs.length];
      for (int i = 0; i < orgs.length; i++) {
        w[i] = orgs[i].kind() == k ? weights[i] : 0;
      }
      cumulativeByKind[k.ordinal()] = RandomStream.cumulative(w);
    }
  }

  static Organisations load(Geography geography) {
    InputStream in = Organisations.class.getClassLoader().getResourceAsStream("synth/organisations.csv");
    if (in == null) {
      throw new IllegalStateException("synth/organisations.csv missing from the classpath");
    }
    List<Org> orgs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        int i = orgs.size();
        Kind kind = Kind.of(f[1]);
        String type = kind == Kind.NATIONAL ? "83" : "82";
        String serial = String.format("%04d", 1000 + i * 37 % 9000);
        String prefix = String.valueOf(101 + (i * 53) % 890);
        String brn = Brn.withCheckDigit(prefix + type + serial);
        String code = IdFactory.applicantCode(2, 1990 + i % 30, 500_000 + i);
        orgs.add(new Org(i, f[0], kind, geography.indexOf(f[2]), brn, code));
        weights.add(Double.parseDouble(f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    return new Organisations(orgs.toArray(new Org[0]), w);
  }

  Org draw(RandomStream r, Kind kind) {
    return orgs[r.pickCumulative(cumulativeByKind[kind.ordinal()])];
  }
}
