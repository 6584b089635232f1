package org.clusteratlas.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the small reference tables committed under {@code src/main/resources/reference/}.
 *
 * <p>Format: UTF-8 (an optional BOM is ignored), comma-separated, one header row, RFC 4180 quoting
 * ({@code "a, b"}, {@code ""} for a literal quote). Blank lines are skipped. Every value is text;
 * codes keep their leading zeros. A malformed file is a programming error in a committed resource, so
 * it fails loudly with the file name and line number.
 */
public final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /** Reads a classpath resource such as {@code reference/regions/sido.csv}. */
    public static List<Line> read(String resourcePath) {
        InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resourcePath);
        if (in == null) {
            throw new IllegalStateException("reference file not found on the classpath: " + resourcePath);
        }
        try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, resourcePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + resourcePath, e);
        }
    }

    /** Parses CSV text; {@code source} only names the input in error messages. */
    public static List<Line> parse(Reader reader, String source) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        splitRecords(reader, source, records, lineNumbers);
        if (records.isEmpty()) {
            throw new IllegalStateException(source + ": empty file, a header row is required");
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        List<String> names = records.get(0);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (header.putIfAbsent(name, i) != null) {
                throw new IllegalStateException(source + ": duplicate column '" + name + "'");
            }
        }
        Map<String, Integer> columns = Collections.unmodifiableMap(header);
        List<Line> lines = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != columns.size()) {
                throw new IllegalStateException(source + " line " + lineNumbers.get(r) + ": expected "
                        + columns.size() + " fields, found " + values.size());
            }
            lines.add(new Line(source, lineNumbers.get(r), columns, List.copyOf(values)));
        }
        return List.copyOf(lines);
    }

    private static void splitRecords(Reader reader, String source, List<List<String>> records,
                                     List<Integer> lineNumbers) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean recordHasContent = false;
        int line = 1;
        int recordStart = 1;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (field.length() > 0) {
                    throw new IllegalStateException(source + " line " + line + ": quote inside an unquoted field");
                }
                quoted = true;
                fieldWasQuoted = true;
                recordHasContent = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                recordHasContent = true;
            } else if (ch == '\r') {
                // CRLF files: the '\n' that follows ends the record
            } else if (ch == '\n') {
                endRecord(fields, field, recordHasContent, records, lineNumbers, recordStart);
                fieldWasQuoted = false;
                recordHasContent = false;
                line++;
                recordStart = line;
            } else {
                if (fieldWasQuoted) {
                    throw new IllegalStateException(source + " line " + line + ": text after a closing quote");
                }
                field.append(ch);
                recordHasContent = true;
            }
            c = reader.read();
        }
        if (quoted) {
            throw new IllegalStateException(source + ": unterminated quoted field starting on line " + recordStart);
        }
        endRecord(fields, field, recordHasContent, records, lineNumbers, recordStart);
    }

    private static void endRecord(List<String> fields, StringBuilder field, boolean hasContent,
                                  List<List<String>> records, List<Integer> lineNumbers, int recordStart) {
        if (hasContent || field.length() > 0) {
            fields.add(field.toString());
            records.add(new ArrayList<>(fields));
            lineNumbers.add(recordStart);
        }
        fields.clear();
        field.setLength(0);
    }

    /** One data row, with typed accessors by column name. Values are trimmed. */
    public static final class Line {
        private final String source;
        private final int lineNumber;
        private final Map<String, Integer> columns;
        private final List<String> values;

        Line(String source, int lineNumber, Map<String, Integer> columns, List<String> values) {
            this.source = source;
            this.lineNumber = lineNumber;
            this.columns = columns;
            this.values = values;
        }

        /** Line number in the file (1 = header), for messages. */
        public int lineNumber() {
            return lineNumber;
        }

        /** The trimmed value; {@code ""} when blank. Unknown columns are an error. */
        public String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalStateException(source + ": no column '" + column + "' (has " + columns.keySet() + ")");
            }
            return values.get(index).trim();
        }

        /** The trimmed value, or {@code null} when blank. */
        public String optionalText(String column) {
            String value = text(column);
            return value.isEmpty() ? null : value;
        }

        /** A value that must not be blank. */
        public String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column, "is blank");
            }
            return value;
        }

        /** An ISO date ({@code 2023-06-11}), or {@code null} when blank. */
        public LocalDate optionalDate(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column, "is not an ISO date: '" + value + "'");
            }
        }

        public int integer(String column) {
            String value = required(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(column, "is not an integer: '" + value + "'");
            }
        }

        /** {@code true/false} or {@code yes/no}. */
        public boolean flag(String column) {
            String value = required(column);
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                case "yes":
                    return true;
                case "false":
                case "no":
                    return false;
                default:
                    throw error(column, "is not true/false: '" + value + "'");
            }
        }

        /** A decimal ({@code 0.5}) or a fraction ({@code 1/3}). */
        public double fraction(String column) {
            String value = required(column);
            try {
                int slash = value.indexOf('/');
                if (slash < 0) {
                    return Double.parseDouble(value);
                }
                return Double.parseDouble(value.substring(0, slash).trim())
                        / Double.parseDouble(value.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw error(column, "is not a number or fraction: '" + value + "'");
            }
        }

        /** An error that names the file, line and column; for loaders' own checks. */
        public IllegalStateException error(String column, String problem) {
            return new IllegalStateException(source + " line " + lineNumber + ", column '" + column + "' " + problem);
        }
    }
}
