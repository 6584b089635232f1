package org.clusteratlas.datasets.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;
import org.clusteratlas.datasets.raw.CsvLine;
import org.clusteratlas.datasets.raw.Layout;
import org.clusteratlas.datasets.raw.Layouts;
import org.clusteratlas.datasets.raw.RawSource;
import org.clusteratlas.datasets.tech.IpcConcordance;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One small country (scale 0.002), checked against the layout contract and its own ground truth. */
@ExtendWith(SharedSpark.class)
class NationalGeneratorTest {
  @TempDir
  static Path dir;
  private static GeneratorConfig config;
  private static GenerationSummary summary;
  private static GeneratedOutput out;

  @BeforeAll
  static void generate(SparkSession spark) {
    config = GeneratorConfig.defaults(dir.toString()).withScale(0.002);
    summary = NationalGenerator.generate(spark, config);
    out = new GeneratedOutput(dir);
  }

  private static RawSource sourceOf(String path) {
    return RawSource.valueOf(path.substring(0, path.indexOf('/')).toUpperCase(java.util.Locale.ROOT));
  }

  private static List<String> dataFiles() {
    return out.files().stream().filter(f -> !f.startsWith("truth/") && !f.startsWith("_")).toList();
  }

  @Test
  void everySourceAndTruthFileIsWritten() {
    for (RawSource s : RawSource.values()) {
      assertThat(summary.source(s.id()).rows()).as(s.id()).isPositive();
    }
    assertThat(out.files()).contains("truth/record_firm.csv", "truth/dirt.csv", "truth/strong_clusters.csv",
        "truth/grant_effects.csv", "truth/firm_treatment.csv", "truth/firm_panel.csv", "truth/README.md",
        "_generation.json");
    assertThat(summary.source("nps").files()).isEqualTo(config.months());
    assertThat(summary.source("ntis").files()).isEqualTo(config.years());
    assertThat(out.files()).noneMatch(f -> f.startsWith("truth/_parts"));
    assertThat(new String(out.bytes("_generation.json"), StandardCharsets.UTF_8)).contains("\"nps\"");
  }

  @Test
  void headersMatchTheLayoutsAndDecode() {
    for (String f : dataFiles()) {
      RawSource source = sourceOf(f);
      assertThat(f.substring(f.indexOf('/') + 1)).matches(source.filePattern());
      byte[] all = out.bytes(f);
      byte[] header = out.lines(f).get(0);
      boolean bom = all.length > 3 && all[0] == (byte) 0xEF && all[1] == (byte) 0xBB && all[2] == (byte) 0xBF;
      assertThat(bom).as(f).isEqualTo(source == RawSource.NTIS);
      String text = new String(header, source.charset());
      assertThat(GeneratedOutput.decodesStrictly(header, source.charset())).isTrue();
      List<String> cells = CsvLine.split(text.replace("\uFEFF", ""));
      assertThat(source.layouts()).as(f).anyMatch(l -> l.matches(cells));
      boolean crlf = all[header.length + (bom ? 0 : 0)] == '\r';
      assertThat(crlf).as(f).isEqualTo(source.charset().equals(Layouts.CP949));
      if (source == RawSource.NPS) {
        int year = Integer.parseInt(f.substring(f.length() - 12, f.length() - 8));
        Layout expected = year <= 2019 ? Layouts.NPS_2019 : year <= 2021 ? Layouts.NPS_2020 : Layouts.NPS_CURRENT;
        assertThat(text).isEqualTo(expected.headerLine());
      }
    }
  }

  @Test
  void cp949FilesReallyAreCp949() {
    String nps = dataFiles().stream().filter(f -> f.startsWith("nps/")).findFirst().orElseThrow();
    byte[] bytes = out.bytes(nps);
    assertThat(GeneratedOutput.decodesStrictly(bytes, StandardCharsets.UTF_8)).isFalse();
    String text = GeneratedOutput.lenient(bytes, Layouts.CP949);
    assertThat(text).contains("사업장명").containsPattern("[가-힣]{2,}(시|구|군) ");
  }

  @Test
  void truthCoversEveryDataRowAndItsCrnsAreReal() {
    Map<String, Map<Integer, List<String>>> truth = out.recordFirm();
    Set<String> registry = new HashSet<>();
    String registryFile = dataFiles().stream().filter(f -> f.startsWith("registry/")).findFirst().orElseThrow();
    for (List<String> row : out.rows(registryFile, StandardCharsets.UTF_8)) {
      if (row != null && row.size() == 12) {
        registry.add(Crn.digits(row.get(0)));
      }
    }
    Map<String, Long> summaryRows = new HashMap<>();
    summary.files().forEach(f -> summaryRows.put(f.path(), f.rows()));
    int firmPositions = 0;
    for (String f : dataFiles()) {
      int dataLines = out.lines(f).size() - 1;
      Map<Integer, List<String>> rows = truth.getOrDefault(f, Map.of());
      assertThat(rows).as(f).hasSize(dataLines);
      assertThat(rows.keySet()).as(f).allMatch(r -> r >= 1 && r <= dataLines);
      assertThat(summaryRows.get(f)).as(f).isEqualTo(dataLines);
      for (List<String> crns : rows.values()) {
        for (String crn : crns) {
          if (!crn.isEmpty()) {
            firmPositions++;
            assertThat(Crn.isValid(crn)).as(crn).isTrue();
            assertThat(registry).as("CRN %s of %s in the registry", crn, f).contains(crn);
          }
        }
      }
    }
    assertThat(firmPositions).isGreaterThan(1000);
    List<List<String>> treatment = out.truth("firm_treatment.csv");
    assertThat(treatment).allMatch(r -> registry.contains(r.get(0)));
  }

  @Test
  void firmPanelHoldsTheFiguresTheFinancialsWereWrittenFromAndTheTreatmentsCohorts() {
    Map<String, List<String>> panel = new HashMap<>();
    for (List<String> r : out.truth("firm_panel.csv")) {
      assertThat(r).hasSize(9);
      assertThat(panel.put(r.get(0) + "|" + r.get(1), r)).as("one row per firm and year").isNull();
    }
    Map<String, String> cohort = new HashMap<>();
    for (List<String> r : out.truth("firm_treatment.csv")) {
      cohort.put(r.get(0), r.get(1).isEmpty() ? "0" : r.get(1));
    }
    int treated = 0;
    int largeTreatedYears = 0;
    for (List<String> r : panel.values()) {
      assertThat(r.get(3)).as("first grant of %s", r.get(0)).isEqualTo(cohort.get(r.get(0)));
      treated += r.get(3).equals("0") ? 0 : 1;
      if (!r.get(4).isEmpty()) {
        double revenue = Long.parseLong(r.get(4));
        // the founding year's accounts cover part of a year: no log there, as in the outcomes stage
        assertThat(r.get(6).isEmpty()).as("%s", r).isEqualTo(r.get(1).equals(r.get(2)));
        if (!r.get(6).isEmpty()) {
          assertThat(Double.parseDouble(r.get(6))).isCloseTo(Math.log(revenue), within(1e-6));
        }
      }
      if (!r.get(5).isEmpty()) {
        assertThat(Double.parseDouble(r.get(7))).isCloseTo(Math.log(Double.parseDouble(r.get(5))), within(1e-5));
        int firstGrant = Integer.parseInt(r.get(3));
        int year = Integer.parseInt(r.get(1));
        if (firstGrant == 0 || year < firstGrant) {
          assertThat(r.get(8)).as("untreated = recorded before any grant: %s", r).isEqualTo(r.get(7));
        } else {
          // each month's headcount is within half a person of its level on either path (or held at one
          // person, where the tolerance is wide anyway), so the realised effect is the planted one up to
          // about one person over the smaller headcount
          double recorded = Double.parseDouble(r.get(7));
          double untreated = Double.parseDouble(r.get(8));
          double smaller = Math.exp(Math.min(recorded, untreated));
          assertThat(recorded - untreated).as("%s", r)
              .isCloseTo(GrantEffect.logEmployment(year - firstGrant), within(1.05 / smaller));
          largeTreatedYears += smaller >= 20 ? 1 : 0;
        }
      }
    }
    assertThat(treated).isGreaterThan(10);
    assertThat(largeTreatedYears).as("treated firm-years of 20 or more members, where the bound is tight").isGreaterThan(5);

    Set<String> dirty = new HashSet<>();
    for (List<String> d : out.truth("dirt.csv")) {
      dirty.add(d.get(1) + "#" + d.get(2));
    }
    int checked = 0;
    for (String f : dataFiles().stream().filter(x -> x.startsWith("financials/")).toList()) {
      List<List<String>> rows = out.rows(f, StandardCharsets.UTF_8);
      for (int i = 0; i < rows.size(); i++) {
        List<String> r = rows.get(i);
        if (dirty.contains(f + "#" + (i + 1))) {
          continue;
        }
        List<String> truth = panel.get(Crn.digits(r.get(0)) + "|" + r.get(1));
        assertThat(truth).as("%s row %d in the panel", f, i + 1).isNotNull();
        assertThat(r.get(3).replaceAll("[^0-9]", "")).as("%s row %d", f, i + 1).isEqualTo(truth.get(4));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void plantedDirtIsWhereTheTruthSaysAndReallyDirty() {
    List<List<String>> dirt = out.truth("dirt.csv");
    assertThat(dirt).hasSizeGreaterThan(50);
    Set<String> kinds = new HashSet<>();
    Pattern badNumber = Pattern.compile(".*\\d?a\\d*.*");
    Map<String, List<byte[]>> cache = new HashMap<>();
    for (List<String> d : dirt) {
      String file = d.get(1);
      int row = Integer.parseInt(d.get(2));
      String type = d.get(3);
      kinds.add(type);
      RawSource source = RawSource.fromId(d.get(0));
      Charset cs = source.charset();
      List<byte[]> lines = cache.computeIfAbsent(file, out::lines);
      assertThat(row).as(file).isBetween(1, lines.size() - 1);
      byte[] line = lines.get(row);
      List<String> cells = CsvLine.split(GeneratedOutput.lenient(line, cs));
      int columns = source.columnCount();
      switch (type) {
        case "undecodable_bytes" -> assertThat(GeneratedOutput.decodesStrictly(line, cs)).as(file + row).isFalse();
        case "truncated_line" -> assertThat(cells == null || cells.size() < columns).as(file + row).isTrue();
        case "duplicate_row" -> assertThat(line).isEqualTo(lines.get(row - 1));
        case "malformed_date" -> assertThat(String.join(",", cells)).containsPattern("-13-45|\\d{4}0231|\\.02\\.30");
        case "malformed_number" -> assertThat(cells).anyMatch(c -> c.matches("[\\d,.]*a[\\d,.]*") && c.matches(".*\\d.*"));
        case "negative_amount" -> assertThat(cells).anyMatch(c -> c.matches("-[\\d,.]+"));
        case "missing_brn" -> assertThat(cells.get(source == RawSource.NTIS ? 10 : 4)).isEmpty();
        case "invalid_brn" -> {
          String brn = cells.get(source == RawSource.NTIS ? 10 : 4);
          assertThat(brn).isNotEmpty();
          assertThat(Brn.isValid(brn)).isFalse();
        }
        case "english_name" -> {
          String name = source == RawSource.KIPRIS ? cells.get(5).split("\\|")[0] : cells.get(7);
          assertThat(name).matches("[A-Z0-9 .,&]+");
        }
        case "typo" -> assertThat(cells).isNotNull();
        default -> throw new AssertionError("unknown dirt type " + type);
      }
    }
    assertThat(kinds).contains("duplicate_row", "typo", "missing_brn", "invalid_brn");
    assertThat(badNumber).isNotNull();
  }

  @Test
  void npsRegionCodesFollowTheCodeChanges() {
    String before = "nps/국민연금공단_국민연금 가입 사업장 내역_20220620.csv";
    String after = "nps/국민연금공단_국민연금 가입 사업장 내역_20260720.csv";
    Set<String> sidoBefore = new HashSet<>();
    Set<String> sidoAfter = new HashSet<>();
    for (List<String> r : out.rows(before, Layouts.CP949)) {
      if (r != null && r.size() == 22) {
        sidoBefore.add(r.get(9));
      }
    }
    for (List<String> r : out.rows(after, Layouts.CP949)) {
      if (r != null && r.size() == 22) {
        sidoAfter.add(r.get(9));
      }
    }
    assertThat(sidoBefore).contains("42").doesNotContain("51", "12");
    assertThat(sidoAfter).contains("51", "52").doesNotContain("42", "45", "29", "46");
  }

  @Test
  void kiprisNumbersAreUniqueAndIpcMapsToFields() {
    IpcConcordance concordance = IpcConcordance.load();
    for (String f : dataFiles().stream().filter(p -> p.startsWith("kipris/")).toList()) {
      Set<String> numbers = new HashSet<>();
      String previous = null;
      for (List<String> r : out.rows(f, StandardCharsets.UTF_8)) {
        if (r == null || r.size() != 14) {
          continue;
        }
        assertThat(r.get(0)).matches("10-\\d{4}-\\d{7}");
        if (!r.get(0).equals(previous)) {
          assertThat(numbers.add(r.get(0))).as(r.get(0)).isTrue();
        }
        previous = r.get(0);
        for (String ipc : r.get(3).split("\\|")) {
          assertThat(concordance.fieldOf(ipc)).as(ipc).isPresent();
        }
        assertThat(r.get(4).split("\\|")).allMatch(c -> c.matches("\\d{12}"));
        assertThat(r.get(4).split("\\|", -1)).hasSameSizeAs(r.get(5).split("\\|", -1));
      }
    }
  }

  /** December headcount per firm (CRN) and year, from the NPS files and the truth. */
  private static Map<String, Map<Integer, Integer>> decemberHeadcount() {
    Map<String, Map<Integer, List<String>>> truth = out.recordFirm();
    Map<String, Map<Integer, Integer>> byFirm = new HashMap<>();
    for (int y = config.firstYear(); y <= config.lastYear(); y++) {
      String f = "nps/국민연금공단_국민연금 가입 사업장 내역_" + y + "1220.csv";
      List<List<String>> rows = out.rows(f, Layouts.CP949);
      Map<Integer, List<String>> crns = truth.get(f);
      for (int i = 0; i < rows.size(); i++) {
        List<String> r = rows.get(i);
        String crn = crns.get(i + 1).get(0);
        if (r == null || r.size() != 22 || crn.isEmpty() || !r.get(18).matches("\\d+")) {
          continue;
        }
        byFirm.computeIfAbsent(crn, k -> new HashMap<>()).merge(y, Integer.parseInt(r.get(18)), Integer::sum);
      }
    }
    return byFirm;
  }

  @Test
  void grantWinnersWereAlreadyGrowing() {
    Map<String, Integer> firstGrant = new HashMap<>();
    for (List<String> r : out.truth("firm_treatment.csv")) {
      if (!r.get(1).isEmpty()) {
        firstGrant.put(r.get(0), Integer.parseInt(r.get(1)));
      }
    }
    Map<String, Map<Integer, Integer>> heads = decemberHeadcount();
    List<Double> treated = new ArrayList<>();
    List<Double> never = new ArrayList<>();
    heads.forEach((crn, h) -> {
      Integer g = firstGrant.get(crn);
      if (g != null) {
        if (h.containsKey(g - 1) && h.containsKey(g - 2)) {
          treated.add(Math.log(h.get(g - 1)) - Math.log(h.get(g - 2)));
        }
      } else {
        for (int y = config.firstYear() + 1; y <= config.lastYear(); y++) {
          if (h.containsKey(y) && h.containsKey(y - 1)) {
            never.add(Math.log(h.get(y)) - Math.log(h.get(y - 1)));
          }
        }
      }
    });
    assertThat(treated).hasSizeGreaterThan(20);
    double t = treated.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double n = never.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(t).as("pre-grant growth of winners vs. never-treated growth").isGreaterThan(n + 0.03);
  }

  @Test
  void strongClustersHaveHighEmploymentLocationQuotients() {
    String last = "nps/국민연금공단_국민연금 가입 사업장 내역_" + config.npsLastMonth().getYear()
        + String.format("%02d", config.npsLastMonth().getMonthValue()) + "20.csv";
    Map<String, String> divisionOf = new HashMap<>();
    String registryFile = dataFiles().stream().filter(f -> f.startsWith("registry/")).findFirst().orElseThrow();
    for (List<String> r : out.rows(registryFile, StandardCharsets.UTF_8)) {
      if (r != null && r.size() == 12) {
        divisionOf.put(Crn.digits(r.get(0)), r.get(8).substring(0, 2));
      }
    }
    Map<Integer, List<String>> crns = out.recordFirm().get(last);
    List<List<String>> rows = out.rows(last, Layouts.CP949);
    Map<String, Double> cell = new HashMap<>();
    Map<String, Double> region = new HashMap<>();
    Map<String, Double> division = new HashMap<>();
    double total = 0;
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      String crn = crns.get(i + 1).get(0);
      if (r == null || r.size() != 22 || crn.isEmpty() || !r.get(18).matches("\\d+")) {
        continue;
      }
      double e = Integer.parseInt(r.get(18));
      String code = r.get(9) + r.get(10);
      String div = divisionOf.get(crn);
      cell.merge(code + "/" + div, e, Double::sum);
      region.merge(code, e, Double::sum);
      division.merge(div, e, Double::sum);
      total += e;
    }
    List<Double> lqs = new ArrayList<>();
    for (List<String> c : out.truth("strong_clusters.csv")) {
      double e = cell.getOrDefault(c.get(0) + "/" + c.get(1), 0.0);
      double lq = e == 0 ? 0 : (e / region.get(c.get(0))) / (division.get(c.get(1)) / total);
      lqs.add(lq);
    }
    assertThat(lqs).hasSize(15);
    assertThat(lqs.stream().filter(lq -> lq > 2).count()).as("clusters with LQ > 2: %s", lqs).isGreaterThanOrEqualTo(12);
  }

  @Test
  void truthTablesAreWellFormed() {
    List<List<String>> effects = out.truth("grant_effects.csv");
    assertThat(effects).hasSize(2 * config.years());
    assertThat(effects.get(0)).containsExactly("log_revenue", "0", "0.020");
    List<List<String>> clusters = out.truth("strong_clusters.csv");
    assertThat(clusters).allMatch(c -> c.get(0).matches("\\d{5}") && c.get(1).matches("\\d{2}"));
    assertThat(new String(out.bytes("truth/README.md"), StandardCharsets.UTF_8)).contains("undecodable_bytes");
  }
}
