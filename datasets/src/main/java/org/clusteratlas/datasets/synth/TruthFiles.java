package org.clusteratlas.datasets.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * The ground-truth folder: merges the per-file truth parts the writer produced into
 * {@code record_firm.csv} and {@code dirt.csv} (in file-id order, inside a Spark task), and writes the
 * small planted-structure files, the README and {@code _generation.json}.
 */
final class TruthFiles {
  private TruthFiles() {}

  static final String RECORD_FIRM_HEADER = "source,file,row,position,crn";
  static final String DIRT_HEADER = "source,file,row,dirt_type";

  static void finish(SparkSession spark, World world, HadoopConf hadoop, FileCatalog catalog) {
    String out = world.config.outDir();
    spark.range(0, 2, 1, 2).mapPartitions((MapPartitionsFunction<Long, Long>) ids -> {
      List<Long> done = new ArrayList<>();
      FileSystem fs = hadoop.fileSystem(out);
      while (ids.hasNext()) {
        long id = ids.next();
        String kind = id == 0 ? "record_firm" : "dirt";
        merge(fs, new Path(out, SourceFileWriter.PARTS + "/" + kind), new Path(out, "truth/" + kind + ".csv"),
            id == 0 ? RECORD_FIRM_HEADER : DIRT_HEADER);
        done.add(id);
      }
      return done.iterator();
    }, Encoders.LONG()).collectAsList();
    FileSystem fs = hadoop.fileSystem(out);
    SourceFileWriter.delete(fs, new Path(out, SourceFileWriter.PARTS));
    write(fs, new Path(out, "truth/strong_clusters.csv"), strongClusters(world));
    write(fs, new Path(out, "truth/grant_effects.csv"), grantEffects(world.config));
    write(fs, new Path(out, "truth/README.md"), readme(world));
  }

  private static void merge(FileSystem fs, Path parts, Path target, String header) throws IOException {
    List<Path> files = new ArrayList<>();
    if (fs.exists(parts)) {
      for (FileStatus s : fs.listStatus(parts)) {
        files.add(s.getPath());
      }
    }
    files.sort((a, b) -> a.getName().compareTo(b.getName()));
    try (OutputStream o = new BufferedOutputStream(fs.create(target, true), 1 << 20)) {
      o.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] buffer = new byte[1 << 16];
      for (Path p : files) {
        try (InputStream in = fs.open(p)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            o.write(buffer, 0, n);
          }
        }
      }
    }
  }

  static String strongClusters(World world) {
    StringBuilder sb = new StringBuilder("region_code,ksic_division,first_year,last_year,strength\n");
    for (StrongCluster c : world.clusters) {
      sb.append(c.regionCode()).append(',').append(c.division()).append(',').append(c.firstYear()).append(',')
          .append(c.lastYear()).append(',').append(fmt(c.strength())).append('\n');
    }
    return sb.toString();
  }

  static String grantEffects(GeneratorConfig config) {
    StringBuilder sb = new StringBuilder("outcome,years_since_first_grant,effect_log_points\n");
    for (String outcome : List.of("log_revenue", "log_employment")) {
      for (int e = 0; e <= config.lastYear() - config.firstYear(); e++) {
        double v = outcome.equals("log_revenue") ? GrantEffect.logRevenue(e) : GrantEffect.logEmployment(e);
        sb.append(outcome).append(',').append(e).append(',').append(fmt(v)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static void write(FileSystem fs, Path path, String text) {
    try (OutputStream o = fs.create(path, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  static void writeSummary(FileSystem fs, World world, GenerationSummary s) {
    GeneratorConfig c = s.config();
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"generator\": \"org.clusteratlas.datasets.synth.NationalGenerator\",\n");
    sb.append("  \"version\": \"").append(NationalGenerator.VERSION).append("\",\n");
    sb.append("  \"config\": {\"scale\": ").append(c.scale()).append(", \"firstYear\": ").append(c.firstYear())
        .append(", \"lastYear\": ").append(c.lastYear()).append(", \"npsLastMonth\": \"").append(c.npsLastMonth())
        .append("\", \"seed\": ").append(c.seed()).append(", \"outDir\": \"").append(json(c.outDir()))
        .append("\"},\n");
    sb.append("  \"entities\": {\"firms\": ").append(world.firms).append(", \"soleProprietors\": ")
        .append(world.soleProprietors).append("},\n");
    sb.append("  \"dirtRates\": ").append(json(world.dirt)).append(",\n");
    sb.append("  \"stageSeconds\": {");
    List<String> stages = new ArrayList<>(s.stageSeconds().keySet());
    stages.sort(null);
    for (int i = 0; i < stages.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(stages.get(i)).append("\": ")
          .append(s.stageSeconds().get(stages.get(i)));
    }
    sb.append("},\n  \"totalSeconds\": ").append(s.totalSeconds()).append(",\n  \"sources\": [\n");
    for (int i = 0; i < s.sources().size(); i++) {
      GenerationSummary.SourceStats src = s.sources().get(i);
      sb.append("    {\"source\": \"").append(src.source()).append("\", \"files\": ").append(src.files())
          .append(", \"rows\": ").append(src.rows()).append(", \"bytes\": ").append(src.bytes()).append('}')
          .append(i + 1 < s.sources().size() ? ",\n" : "\n");
    }
    sb.append("  ],\n  \"files\": [\n");
    for (int i = 0; i < s.files().size(); i++) {
      GenerationSummary.FileStats f = s.files().get(i);
      sb.append("    {\"path\": \"").append(json(f.path())).append("\", \"source\": \"").append(f.source())
          .append("\", \"rows\": ").append(f.rows()).append(", \"bytes\": ").append(f.bytes())
          .append(", \"dirtRows\": ").append(f.dirtRows()).append('}')
          .append(i + 1 < s.files().size() ? ",\n" : "\n");
    }
    sb.append("  ]\n}\n");
    write(fs, new Path(c.outDir(), "_generation.json"), sb.toString());
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String json(DirtRates d) {
    String body = d.toString().replaceFirst("^DirtRates\\[", "").replaceFirst("]$", "");
    StringBuilder sb = new StringBuilder("{");
    Iterator<String> parts = Arrays.asList(body.split(", ")).iterator();
    while (parts.hasNext()) {
      String[] kv = parts.next().split("=");
      sb.append('"').append(kv[0]).append("\": ").append(kv[1]).append(parts.hasNext() ? ", " : "");
    }
    return sb.append('}').toString();
  }

  static String readme(World world) {
    GeneratorConfig c = world.config;
    DirtRates d = world.dirt;
    StringBuilder clusters = new StringBuilder();
    for (StrongCluster s : world.clusters) {
      clusters.append("| ").append(s.regionCode()).append(" | ").append(s.division()).append(" | ")
          .append(s.firstYear()).append("–").append(s.lastYear()).append(" | ").append(fmt(s.strength()))
          .append(" | ").append(s.label()).append(" |\n");
    }
    return README.formatted(c.scale(), c.firstYear(), c.lastYear(), c.npsLastMonth(), c.seed(), world.firms,
        world.soleProprietors, clusters, FirmFactory.GRANT_BASE, d.legalFormVariant(), d.spacingVariant(),
        d.englishName(), d.typo(), d.ntisMissingBrn(), d.programMissingBrn(), d.ntisInvalidBrn(),
        d.programInvalidBrn(), d.duplicateRow(), d.malformedDate(), d.malformedNumber(), d.negativeAmount(),
        d.undecodableBytes(), d.truncatedLine());
  }

  private static final String README = """
      # Ground truth of the synthetic country

      Written by `NationalGenerator` (scale %s, years %d–%d, NPS through %s, seed %d): %d corporations and %d
      sole proprietorships with NPS workplaces. Same configuration ⇒ byte-identical files.

      ## Files

      | file | columns | meaning |
      |---|---|---|
      | `record_firm.csv` | `source,file,row,position,crn` | one line per data row of every raw file (registry included) and per applicant / performer position within it (KIPRIS applicants 1..k, others 1). `file` is relative to the raw root, `row` is 1-based among data lines (header excluded), `crn` the true 13-digit CRN without hyphen, empty for universities, institutes, individuals, foreign applicants and sole proprietorships. Duplicated rows appear twice. |
      | `dirt.csv` | `source,file,row,dirt_type` | every row that carries planted dirt (one type per row, see below). |
      | `strong_clusters.csv` | `region_code,ksic_division,first_year,last_year,strength` | planted clusters; region codes are current-vintage leaf 시군구. |
      | `grant_effects.csv` | `outcome,years_since_first_grant,effect_log_points` | the true effect of a firm's first R&D grant, added to the natural log of the outcome (0.020 = +2%%), e = years since the first grant; 0 before it. |
      | `firm_treatment.csv` | `crn,first_grant_year,program_id,program_entry_year` | one row per firm, or one per program the firm entered (first_grant_year repeated); empty = never. |
      | `firm_panel.csv` | `crn,year,founded_year,first_grant_year,revenue,employment,log_revenue,log_employment,log_employment_untreated` | one row per firm and year it was insured in some month or filed accounts: true 매출액 in won (empty = no filing), mean insured headcount over the months it was insured, their natural logs (log_revenue empty in the founding year, whose accounts cover only the months since founding); first_grant_year 0 = never; log_employment_untreated is the log mean headcount the firm would have had without its grants (the same draws without the effect; equal to log_employment before the first grant and for firms never granted), so log_employment − log_employment_untreated is the effect it realised in whole persons. `atlas did --panel truth/firm_panel.csv --unit crn --time year --cohort first_grant_year --outcome log_revenue --strata founded_year` estimates the grant effect with no linking in between. |
      | `../_generation.json` | | configuration, dirt rates, seconds per stage, rows and bytes per source and file. |

      ## Planted structure

      **Firms.** Latent quality q ~ N(0,1). Target log size = 1.0 + 0.35q + N(0, 1.1) + an industry term, plus
      for 2%% of firms an exponential tail (mean 2 log points), halved above 300 members (Zipf: Pareto index 1)
      and capped at max(1,000, 60,000 × scale): median a handful of insured members, at full scale a few firms
      with tens of thousands. Growth trend 0.015 + N(0, 0.03) per year (independent of
      q), permanent yearly shocks (a random walk, σ 0.08; a month's headcount moves from its year's level
      towards the next year's), four-year ramp-up of young firms. 36%% of firms are founded during the
      period, yearly closing hazard ≈ 3.5%% (higher when young, lower with q). 3%% move their head office once
      (NPS codes change from that month; the registry shows the latest address). ≈5%% have 1–3 branches with
      their own BRN (type 85) and NPS workplace (construction firms: `name/일용/site`). 6%% are sister firms
      sharing another firm's name stem. Stems are common words (60%%, Zipf-like; one in ten kept bare, the rest
      extended by a syllable or a second word) or syllable pairs, so names repeat across regions as a sample
      of the national population would: at scale 1 the commonest name is held by about 200 corporations and a
      third of firms have a namesake, at scale 0.1 about 25 and a tenth. Sole proprietorships (BRN 01–79,
      no CRN) appear only in NPS.

      **NPS coverage.** 법인 workplaces are listed in months with ≥ 3 members, 개인 with ≥ 10. After closing,
      1–3 months with status 2, zero members and 탈퇴일자. 당월고지금액 = members × 9%% × min(wage, 기준소득월액
      cap). Region codes are those in force on the 20th of the data month (`RegionCatalog.codeInForce`).

      **Strong clusters** (extra firms of the division placed in the leaf, share ∝ strength, log size
      + 0.6 + 0.35·ln(strength); emerging clusters' firms are founded from their first year):

      | region | KSIC | years | strength | label |
      |---|---|---|---|---|
      %s
      **R&D grants (selection + true effect).** Each year a firm without a grant gets its first one with
      probability %s × R&D intensity of its industry × exp(0.8q + 5·shock(t−1)) (× 0.3 when the firm's
      long-run size is under 3 members, × 3 for firms of ≥ 300), capped at 0.6: winners are better and were
      already growing, so naive before/after or winner-vs-rest comparisons overstate the effect. The shock is
      permanent and the trend independent of q, so a staggered DiD with the year before the first grant as
      base recovers the effect, while the pre-period shows the selection (a pre-trend test flags it, as it
      should): in log revenue, a year's level, only in the last pre-period (e = −1); in log employment, an
      annual mean of monthly headcounts that move towards the next year's level, about 11/24 of it in e = −2
      and the rest in e = −1. Three things stand between the data and exact parallel trends, as they would in
      real data. Growth depends on age (the ramp-up; the founding year's revenue covers the months since
      founding), so firms must be compared within founding years. And the comparison firms are selected
      too: a firm that never won, or has not won yet, had no good year, so its growth runs slightly below
      the winners' counterfactual (within founding years, at scale 1.0, the estimates exceed the planted
      revenue effect by up to 0.006). And log employment, an annual mean of whole-person monthly
      headcounts, does not grow in parallel even without the effect: on `firm_panel.csv` (scale 0.1,
      within founding years) the estimate on `log_employment_untreated`, where the effect is zero by
      construction, is +0.006 at e = 0 to +0.024 at e = 8, and that is exactly how far the estimate on
      `log_employment` exceeds the effect the winners realised (which is the planted one to within 0.003).
      It comes from the floor of one insured member, not from the estimator: with headcounts in hundredths
      of a person but at least one person the gap is the same; with the floor at a hundredth it is gone.
      Likely (not proven): a winner was picked after a good year, which lifts it off the floor, while
      comparison firms of the same recorded size are more often held there. Strata of size at the panel's
      start do not remove it.
      Later grants follow with probability ≈ 0.35–0.7 a year. The true effect is in `grant_effects.csv`
      (revenue +0.02 per year since the first grant up to +0.10; employment +0.012 per year up to +0.06).

      **Programs** (`family_firm` 대전·충청권 패밀리기업, `smart_factory` 스마트공장, `regional_star`
      지역스타기업): entered at most once, with probability rising with q and last year's shock
      (exp(0.7q + 4·shock)). They have **zero** causal effect: any estimated effect is selection.

      **NTIS.** ≈75,000 projects a year at scale 1; one row per project and organisation; firm projects come
      from the grant years above (firm leads with 0–2 participants, or joins a university/institute-led
      project); the rest involve only universities and institutes (`synth/organisations.csv`). Government
      funding per project lognormal (median 1.0억, σ 1.64; mean ≈ 3.8억). **KIPRIS.** ≈240,000 applications a year at
      scale 1; firm filing rates ∝ R&D intensity^1.5 · e^(0.85·log size + 0.5q) (×1.25 after a grant),
      normalised per year and size class to the KIPO mix (SMEs 27%%, large 20%%, mid 5%%, universities/public
      13%%, foreign 21%%, individuals 14%%); 10%% of firm filings have a co-applicant. IPC subclasses follow the
      applicant's industry (table in `IndustryTable`). Applicant codes are synthetic
      (`[type][year][serial][check]`, check = Σd_i·(i+2) mod 11 mod 10).

      ## Dirt (per row of the sources it applies to; one type per row)

      Not listed in `dirt.csv` (normal state of the sources): legal-form variants (%s of reported names
      differ from the registry's legal name: (주)/㈜/주식회사 as prefix or suffix, glued or spaced), spacing
      variants (%s).

      | dirt_type | rate | sources |
      |---|---|---|
      | english_name | %s | NTIS and KIPRIS firm rows |
      | typo | %s | NPS, NTIS (firms), KIPRIS (firm applicant), programs |
      | missing_brn | NTIS %s, programs %s | NTIS firm rows, programs |
      | invalid_brn | NTIS %s, programs %s | NTIS firm rows, programs (check digit broken) |
      | duplicate_row | %s | every source (the second copy is listed) |
      | malformed_date | %s | registry 설립일자, NPS 적용일자, NTIS 과제시작일, KIPRIS 출원일자 |
      | malformed_number | %s | financials 매출액, NPS 가입자수, NTIS 정부연구비 |
      | negative_amount | %s | financials 매출액, NTIS 정부연구비 |
      | undecodable_bytes | %s | NPS, programs (bytes FF 80 inside the name cell) |
      | truncated_line | %s | every source (line cut after the separator ending its first half of cells) |

      Region-code changes are natural (records carry the codes of their own date), not dirt.
      """;
}
