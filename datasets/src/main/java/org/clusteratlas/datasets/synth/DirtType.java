package org.clusteratlas.datasets.synth;

/** The kinds of planted row-level dirt, as written in the {@code dirt_type} column of truth/dirt.csv. */
enum DirtType {
  TYPO("typo"),
  ENGLISH_NAME("english_name"),
  MISSING_BRN("missing_brn"),
  INVALID_BRN("invalid_brn"),
  DUPLICATE_ROW("duplicate_row"),
  MALFORMED_DATE("malformed_date"),
  MALFORMED_NUMBER("malformed_number"),
  NEGATIVE_AMOUNT("negative_amount"),
  UNDECODABLE_BYTES("undecodable_bytes"),
  TRUNCATED_LINE("truncated_line");

  final String label;

  DirtType(String label) {
    this.label = label;
  }

  static DirtType ofLabel(String label) {
    for (DirtType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown dirt type " + label);
  }

  /**
   * Draws at most one dirt type for a row from the given menu (types with their per-row rates); one
   * uniform draw, so rates add up and a row never gets two.
   */
  static DirtType draw(RandomStream r, DirtType[] types, double[] rates) {
    double u = r.uniform();
    double acc = 0;
    for (int i = 0; i < types.length; i++) {
      acc += rates[i];
      if (u < acc) {
        return types[i];
      }
    }
    return null;
  }
}
