package org.clusteratlas.jobs.ingest;

import java.util.Locale;

/** Why a raw row went to {@code bronze._quarantine}. The code is what the table stores. */
public enum QuarantineReason {
  /** Fewer cells than the layout, or a quoted cell never closed: the line was cut short. */
  TRUNCATED_LINE,
  /** More cells than the layout. */
  EXTRA_FIELDS,
  /** Byte-for-byte the same line as an earlier row of the same file; the first one is kept. */
  DUPLICATE_ROW,
  /** A required cell is empty. */
  MISSING_REQUIRED,
  /** A date cell that is neither a date in an accepted format nor a null encoding. */
  BAD_DATE,
  /** A number cell that does not parse. */
  BAD_NUMBER,
  /** A money or count cell that is negative where the source cannot be negative. */
  NEGATIVE_AMOUNT,
  /** A key identifier (CRN) that fails its format or checksum. */
  BAD_IDENTIFIER,
  /** A code cell outside its code list (status, form, region code shape, role). */
  BAD_CODE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
