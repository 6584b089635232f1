package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.clusteratlas.jobs.ingest.Cells.cell;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.TableContract;

/**
 * KIPRIS applications. Applicant code, name and address lists are parallel; they are zipped into one
 * array of applicants with their 1-based position, which is how every later stage (and the
 * generator's truth) refers to one applicant of one application.
 */
final class KiprisParser extends SourceParser {
  private static final String[] DAY = {"yyyy.MM.dd", "yyyyMMdd"};

  @Override
  RawSource source() {
    return RawSource.KIPRIS;
  }

  @Override
  TableContract table() {
    return Bronze.KIPRIS;
  }

  private static Column list(Column raw) {
    Column parts = transform(split(coalesce(raw, lit("")), Pattern.quote(Layouts.MULTI)), x -> trim(x));
    return filter(parts, x -> x.notEqual(""));
  }

  /** Keeps empty positions, so the three applicant lists stay aligned. */
  private static Column aligned(Column raw) {
    return when(raw.isNull(), functions.array())
        .otherwise(transform(split(raw, Pattern.quote(Layouts.MULTI)), x -> trim(x)));
  }

  @Override
  List<Column> typedColumns() {
    Column names = aligned(cell(5));
    Column codes = aligned(cell(4));
    Column addresses = aligned(cell(6));
    Column applicants = transform(names, (name, i) -> struct(
        i.plus(1).as("position"),
        when(try_element_at(codes, i.plus(1)).notEqual(""), try_element_at(codes, i.plus(1))).as("code"),
        when(name.notEqual(""), name).as("name"),
        when(try_element_at(addresses, i.plus(1)).notEqual(""), try_element_at(addresses, i.plus(1)))
            .as("address")));
    Column applicationDate = Cells.date(cell(1), DAY);
    return List.of(
        cell(0).as("application_number"),
        cell(1).as("application_date_raw"),
        applicationDate.as("application_date"),
        year(applicationDate).as("application_year"),
        cell(2).as("title"),
        list(cell(3)).as("ipc"),
        applicants.as("applicants"),
        size(names).as("applicant_names_n"),
        size(codes).as("applicant_codes_n"),
        size(array_compact(transform(names, x -> when(x.equalTo(""), lit(null)).otherwise(x))))
            .as("applicant_names_present"),
        cell(7).as("inventors_raw"),
        Cells.whole(cell(7)).try_cast(DataTypes.IntegerType).as("inventor_count"),
        list(cell(8)).as("inventor_addresses"),
        cell(9).as("publication_number"),
        cell(10).as("publication_raw"), Cells.date(cell(10), DAY).as("publication_date"),
        cell(11).as("registration_number"),
        cell(12).as("registration_raw"), Cells.date(cell(12), DAY).as("registration_date"),
        cell(13).as("legal_status"));
  }

  @Override
  void rules(RowChecks c) {
    c.required("출원번호", col("application_number"))
        .code("출원번호", col("application_number"), col("application_number").rlike("^\\d{2}-\\d{4}-\\d{7}$"))
        .required("출원일자", col("application_date_raw"))
        .date("출원일자", col("application_date_raw"), col("application_date"))
        .rule(QuarantineReason.MISSING_REQUIRED, col("applicant_names_present").equalTo(0),
            lit("출원인명 is empty"))
        .rule(QuarantineReason.BAD_CODE, col("applicant_codes_n").notEqual(col("applicant_names_n")),
            concat(lit("출원인코드 and 출원인명 lists differ in length: "),
                col("applicant_codes_n").cast(DataTypes.StringType), lit(" vs "),
                col("applicant_names_n").cast(DataTypes.StringType)))
        .number("발명자수", col("inventors_raw"), col("inventor_count")).nonNegative("발명자수", col("inventor_count"))
        .date("공개일자", col("publication_raw"), col("publication_date"))
        .date("등록일자", col("registration_raw"), col("registration_date"));
  }
}
