package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The per-record normalisation step as Spark columns. Korean legal-form stripping, NFKC and jamo
 * decomposition have no built-in equivalent, so each record's name goes through the plain Java functions
 * once, here; every pair comparison afterwards uses built-in expressions (equality, levenshtein).
 */
final class NameColumns {
  private NameColumns() {}

  private static final UserDefinedFunction FORM =
      udf((UDF1<String, String>) FirmName::legalForm, DataTypes.StringType);
  private static final UserDefinedFunction JAMO =
      udf((UDF1<String, String>) Jamo::decompose, DataTypes.StringType);
  private static final UserDefinedFunction NTIS_KIND =
      udf((UDF3<String, String, String, String>) OrgKind::ntis, DataTypes.StringType);
  private static final UserDefinedFunction KIPRIS_KIND =
      udf((UDF2<String, String, String>) OrgKind::kipris, DataTypes.StringType);
  private static final UserDefinedFunction NAME_KIND =
      udf((UDF1<String, String>) n -> {
        String k = OrgKind.fromName(n);
        return k == null ? OrgKind.FIRM : k;
      }, DataTypes.StringType);

  static Column key(Column name) {
    return udf((UDF1<String, String>) FirmName::key, DataTypes.StringType).apply(name);
  }

  static Column legalForm(Column name) {
    return FORM.apply(name);
  }

  static Column jamo(Column key) {
    return JAMO.apply(key);
  }

  static Column ntisKind(Column performerType, Column brnDigits, Column name) {
    return NTIS_KIND.apply(performerType, brnDigits, name);
  }

  static Column kiprisKind(Column applicantCode, Column name) {
    return KIPRIS_KIND.apply(applicantCode, name);
  }

  static Column nameKind(Column name) {
    return NAME_KIND.apply(name);
  }
}
