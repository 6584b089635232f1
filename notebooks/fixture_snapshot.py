"""Write a small, hand-made serving snapshot that follows the gold contracts, for testing the notebooks
before a real pipeline run exists:  python3 fixture_snapshot.py <warehouse-dir>

It plants a few strong clusters (울산 × automobiles, 경북 and 경기 × electronic components, 대전 × computer
technology), a selection gap and a growing grant effect, and an entity-link table with every link method.
The layout (Parquet + CSV per table, manifest.json with SHA-256, the latest pointer) is the one the
publish stage's ServingSnapshot writes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

RUN_ID = "fixture-0001"
YEARS = list(range(2019, 2024))
SIDO = ["11", "12", "26", "27", "28", "30", "31", "36", "41", "43", "44", "47", "48", "50", "51", "52"]
CLUSTERS = [("ksic_division", "26", "전자부품, 컴퓨터, 영상, 음향 및 통신장비 제조업"),
            ("ksic_division", "30", "자동차 및 트레일러 제조업"),
            ("ksic_division", "62", "컴퓨터 프로그래밍, 시스템 통합 및 관리업"),
            ("tech_field", "6", "Computer technology"),
            ("custom", "smart_farm", "스마트팜")]
STRONG = {("31", "30"): 6.0, ("47", "26"): 4.0, ("41", "26"): 3.0, ("30", "6"): 5.0, ("12", "smart_farm"): 4.0}
PILLARS = ["score_size", "score_specialisation", "score_innovation_input", "score_innovation_output",
           "score_collaboration", "score_dynamics"]


def cluster_tables(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for year in YEARS:
        for kind, cid, name in CLUSTERS:
            for sido in SIDO:
                lift = STRONG.get((sido, cid), 1.0)
                growth = 1 + 0.04 * (year - YEARS[0]) * (lift > 1)
                employment = float(rng.uniform(500, 3000) * lift * growth)
                rows.append({"year": year, "region_level": "sido", "region_code": sido, "cluster_kind": kind,
                             "cluster_id": cid, "cluster_name": name, "employment": employment,
                             "establishments": int(employment / 25), "firms": int(employment / 40),
                             "revenue": int(employment * 3.1e8),
                             "rnd_gov_funding": round(employment * 2.0e6 * lift, 3),
                             "rnd_private_funding": round(employment * 0.8e6, 3),
                             "rnd_projects": int(employment / 60 * lift),
                             "patent_applications": float(employment / 120 * lift),
                             "hires": int(employment * 0.12)})
    m = pd.DataFrame(rows)
    national = m.groupby(["year", "cluster_kind", "cluster_id"])["employment"].transform("sum")
    region = m.groupby(["year", "cluster_kind", "region_code"])["employment"].transform("sum")
    total = m.groupby(["year", "cluster_kind"])["employment"].transform("sum")
    m["employment_share_national"] = m["employment"] / national
    m["focus"] = m["employment"] / region
    m["lq"] = (m["employment"] / region) / (national / total)
    m["patent_rta"] = m["lq"] * 0.9
    m["rnd_funding_per_employee"] = (m["rnd_gov_funding"] + m["rnd_private_funding"]) / m["employment"]
    m["patent_grants"] = m["patent_applications"] * 0.6
    m["patents_per_10k_employees"] = m["patent_applications"] / m["employment"] * 1e4
    m["rnd_triple_helix_share"] = 0.2
    m["rnd_partner_orgs"] = (m["rnd_projects"] * 2).astype("int64")
    m["rnd_partner_outside_share"] = 0.4
    m["hire_rate"] = m["hires"] / m["employment"]
    m["firm_births"] = (m["firms"] * 0.05).astype("int64")
    key = ["region_code", "cluster_kind", "cluster_id"]
    m = m.sort_values(key + ["year"])
    lag = m.groupby(key)["employment"].shift(3)
    m["employment_cagr_3y"] = (m["employment"] / lag) ** (1 / 3) - 1
    m["employment_change_3y"] = m["employment"] - lag
    lag_rev = m.groupby(key)["revenue"].shift(3)
    m["revenue_cagr_3y"] = (m["revenue"] / lag_rev) ** (1 / 3) - 1
    for c in ["shift_national_3y", "shift_industry_mix_3y", "shift_competitive_3y"]:
        m[c] = m["employment_change_3y"] / 3

    s = m[["year", "region_level", "region_code", "cluster_kind", "cluster_id", "cluster_name"]].copy()
    group = m.groupby(["year", "cluster_kind", "cluster_id"])

    def z(col):
        return (m[col] - group[col].transform("mean")) / group[col].transform("std")

    s["score_size"] = z("employment")
    s["score_specialisation"] = z("lq")
    s["score_innovation_input"] = z("rnd_funding_per_employee")
    s["score_innovation_output"] = z("patents_per_10k_employees")
    s["score_collaboration"] = z("rnd_partner_orgs")
    s["score_dynamics"] = z("employment_cagr_3y")
    s["composite"] = s[PILLARS].mean(axis=1, skipna=True)
    s["rank_national"] = s.groupby(["year", "cluster_kind", "cluster_id"])["composite"] \
        .rank(ascending=False, method="min").astype("int32")
    s["rank_in_kind"] = s.groupby(["year", "cluster_kind"])["composite"] \
        .rank(ascending=False, method="min").astype("int32")
    lq_p75 = group["lq"].transform(lambda x: x.quantile(0.75))
    emp_p25 = group["employment"].transform(lambda x: x.quantile(0.25))
    est_p25 = group["establishments"].transform(lambda x: x.quantile(0.25))
    s["strong_cluster"] = (m["lq"] >= lq_p75) & (m["employment"] > emp_p25) & (m["establishments"] > est_p25)
    s["lq_p75"], s["employment_p25"], s["establishments_p25"] = lq_p75, emp_p25, est_p25
    s["star_size"] = m["employment"] >= group["employment"].transform(lambda x: x.quantile(0.9))
    s["star_specialisation"] = m["lq"] >= 2
    s["star_focus"] = m["focus"] >= group["focus"].transform(lambda x: x.quantile(0.9))
    s["stars"] = (s["star_size"].astype(int) + s["star_specialisation"].astype(int)
                  + s["star_focus"].astype(int)).astype("int32")
    s["method_version"] = "fixture"
    s["weights"] = ",".join(f"{p}=1" for p in PILLARS)
    return m, s


def tech_specialization() -> pd.DataFrame:
    rows = []
    for year in YEARS:
        for sido in SIDO:
            for field, name, sector in [(6, "Computer technology", "Electrical engineering"),
                                        (16, "Pharmaceuticals", "Chemistry")]:
                lift = 4.0 if (sido, field) == ("30", 6) else 1.0
                patents = 20.0 * lift + int(sido) % 7
                rows.append({"year": year, "region_level": "sido", "region_code": sido, "field_id": field,
                             "field_name": name, "sector": sector, "patents_inventor": patents,
                             "rta_inventor": lift, "patents_applicant": patents * 0.9, "rta_applicant": lift})
    return pd.DataFrame(rows)


def program_effects() -> pd.DataFrame:
    rows = []
    for program in ["국가R&D 과제", "지역 가족기업"]:
        for outcome in ["log_revenue", "log_employment"]:
            for e in range(-4, 5):
                true = 0.03 * (e + 1) if e >= 0 else 0.0
                for estimator, att in [("naive", true + 0.18), ("callaway_santanna", true)]:
                    se = 0.015 + 0.003 * abs(e)
                    rows.append({"program": program, "outcome": outcome, "estimator": estimator,
                                 "aggregation": "dynamic", "cohort": None, "year": None, "event_time": e,
                                 "region_code": None, "cluster_id": None, "att": att, "se": se,
                                 "ci_low": att - 1.96 * se, "ci_high": att + 1.96 * se,
                                 "n_treated": 400, "n_control": 9000})
            rows.append({"program": program, "outcome": outcome, "estimator": "callaway_santanna",
                         "aggregation": "simple", "cohort": None, "year": None, "event_time": None,
                         "region_code": None, "cluster_id": None, "att": 0.075, "se": 0.01,
                         "ci_low": 0.0554, "ci_high": 0.0946, "n_treated": 400, "n_control": 9000})
    return pd.DataFrame(rows).astype({"cohort": "Int32", "year": "Int32", "event_time": "Int32"})


def firm_outcomes(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i in range(200):
        cohort = [None, 2020, 2021][i % 3]
        base = rng.lognormal(20, 1)
        for year in YEARS:
            effect = 1 + (0.05 * (year - cohort + 1) if cohort and year >= cohort else 0)
            rows.append({"firm_id": f"{1101110000000 + i:013d}", "year": year, "sido_code": SIDO[i % len(SIDO)],
                         "ksic_division": ["26", "30", "62"][i % 3], "revenue": int(base * effect),
                         "employment": float(max(1, int(base / 4e6 * effect))), "hires": int(base / 4e7),
                         "program": "국가R&D 과제" if cohort else None,
                         "cohort": cohort})
    return pd.DataFrame(rows).astype({"cohort": "Int32"})


def entity_link_summary(rng: np.random.Generator) -> pd.DataFrame:
    """The served summary of silver.entity_link: records by source, kind, method and probability bin."""
    plan = {"ntis": [("crn_exact", 50), ("brn_exact", 300), ("model", 150), ("review", 10), ("non_firm", 120),
                     ("unlinked", 40)],
            "kipris": [("applicant_code", 500), ("model", 200), ("non_firm", 180), ("unlinked", 60)],
            "nps": [("brn_exact", 800), ("model", 250), ("unlinked", 90)],
            "programs": [("brn_exact", 60), ("model", 15), ("unlinked", 5)]}
    counts: dict = {}
    for source, methods in plan.items():
        for method, count in methods:
            for _ in range(count):
                linked = method not in ("non_firm", "unlinked")
                p = float(rng.uniform(0.8, 1.0)) if method == "model" else \
                    float(rng.uniform(0.5, 0.8)) if method == "review" else None
                kind = str(rng.choice(["university", "institute", "government"])) if method == "non_firm" else "firm"
                bin_ = None if p is None else min(np.floor(p * 40), 39) / 40
                key = (source, kind, method, linked, bin_)
                counts[key] = counts.get(key, 0) + 1
    return pd.DataFrame([{"source": k[0], "org_kind": k[1], "method": k[2], "linked": k[3],
                          "probability_bin": k[4], "records": n} for k, n in counts.items()])


def write(warehouse: Path) -> Path:
    rng = np.random.default_rng(7)
    metrics, scores = cluster_tables(rng)
    tables = {"gold.cluster_metrics": metrics, "gold.cluster_scores": scores,
              "gold.tech_specialization": tech_specialization(), "gold.program_effects": program_effects(),
              "gold.firm_outcomes": firm_outcomes(rng), "silver.entity_link_summary": entity_link_summary(rng)}
    folder = warehouse / "_serving" / RUN_ID
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"run_id": RUN_ID, "created_at": datetime.now(timezone.utc).isoformat(), "tables": {}}
    for name, frame in tables.items():
        if "year" in frame and frame["year"].dtype == "int64":
            frame = frame.astype({"year": "int32"})  # the contracts' IntegerType
        files = []
        for fmt in ("parquet", "csv"):
            path = folder / f"{name}.{fmt}"
            if fmt == "parquet":
                pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
            else:
                frame.to_csv(path, index=False, encoding="utf-8")
            files.append({"path": path.name, "format": fmt, "bytes": path.stat().st_size,
                          "sha256": hashlib.sha256(path.read_bytes()).hexdigest()})
        manifest["tables"][name] = {"delta_version": 0, "rows": len(frame),
                                    "schema": [{"name": c, "type": str(t)} for c, t in frame.dtypes.items()],
                                    "files": files}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    (warehouse / "_serving" / "latest").write_text(RUN_ID + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 fixture_snapshot.py <warehouse-dir>")
    print(write(Path(sys.argv[1])))
