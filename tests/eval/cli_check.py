#!/usr/bin/env python3
"""The fresh set through the real path: CSV files imported with `techbroker import`, then each
need ranked with `techbroker match --need ID --json`; prints nDCG@10 and P@5 (grade >= 2) as the
library evaluation (tests/matching_eval.rs) computes them, to show the two agree.

    python3 tests/eval/cli_check.py [path/to/techbroker]
"""

import csv
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = sys.argv[1] if len(sys.argv) > 1 else "target/debug/techbroker"
MODES = {
    "assignment": "转让",
    "licence_exclusive": "独占许可",
    "licence_sole": "排他许可",
    "licence_ordinary": "普通许可",
    "equity": "作价投资",
    "co_development": "合作开发",
    "use_first_pay_later": "先使用后付费",
}


def load(prefix):
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "fresh", prefix + "*.json"))):
        with open(path, encoding="utf-8") as f:
            out += json.load(f)
    return out


def keywords(record):
    """The importer refuses more than five keywords and splits them at spaces: the first five,
    a space inside one written as a hyphen (the engine reads both as a word break)."""
    return "、".join(k.replace(" ", "-") for k in record.get("keywords", [])[:5])


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def run(*args):
    done = subprocess.run([BIN, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)}: {done.stderr}{done.stdout}")
    return done.stdout


def main():
    listings, needs = load("listings_"), load("needs_")
    work = tempfile.mkdtemp()
    db = os.path.join(work, "fresh.sqlite")
    clients = {}
    for a in listings:
        clients.setdefault(a["owner"], (a["owner_kind"], a.get("province", ""), a["city"]))
    for n in needs:
        clients.setdefault(n["enterprise"], ("enterprise", n.get("province", ""), n["city"]))
    write_csv(
        os.path.join(work, "clients.csv"),
        ["名称", "类型", "省份", "城市"],
        [[name, kind, p, c] for name, (kind, p, c) in clients.items()],
    )
    write_csv(
        os.path.join(work, "achievements.csv"),
        ["成果名称", "完成单位", "所属领域", "关键词", "成果简介", "主要技术指标", "技术成熟度",
         "所处阶段", "转化方式", "意向价格（万元）", "状态"],
        [[a["title"], a["owner"], a["field"], keywords(a),
          a.get("abstract", ""), a.get("indicators", ""), a["trl"], a["stage"],
          "、".join(MODES[m] for m in a.get("modes", [])),
          "面议" if a.get("price_wan") is None else a["price_wan"], a["status"]]
         for a in listings],
    )
    write_csv(
        os.path.join(work, "needs.csv"),
        ["需求名称", "需求单位", "所属领域", "关键词", "需求描述", "主要技术指标", "预算（万元）",
         "合作方式", "最低成熟度", "最低TRL", "状态"],
        [[n["title"], n["enterprise"], n["field"], keywords(n),
          n.get("description", ""), n.get("indicators", ""),
          "面议" if n.get("budget_wan") is None else n["budget_wan"], n["mode"],
          n.get("min_stage") or "", n.get("min_trl") or "", "open"]
         for n in needs],
    )
    # An empty database: `gen` with nothing to generate creates it.
    run("gen", "--clients", "0", "--achievements", "0", "--needs", "0", "--db", db)
    for kind in ["clients", "achievements", "needs"]:
        print(run("import", os.path.join(work, kind + ".csv"), "--kind", kind, "--db", db).strip())
    # An empty database numbers the imported rows in file order; the export proves it.
    out = os.path.join(work, "out.json")
    run("export", "--kind", "achievements", "--format", "json", "--out", out, "--db", db)
    with open(out, encoding="utf-8") as f:
        stored = [r["achievement"]["achievement"]["title"] for r in json.load(f)["records"]]
    assert stored == [a["title"] for a in listings], "achievements stored in file order"
    key_of = {i + 1: a["key"] for i, a in enumerate(listings)}
    need_id = {n["key"]: i + 1 for i, n in enumerate(needs)}
    total_ndcg = total_p5 = 0.0
    for n in needs:
        ranked = json.loads(run("match", "--need", str(need_id[n["key"]]), "--json", "--top",
                                "10", "--db", db))
        grades = n["grades"]
        got = [grades.get(key_of.get(c["id"]), 0) for c in ranked]
        dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(got[:10]))
        ideal = sorted(grades.values(), reverse=True)[:10]
        idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        total_ndcg += dcg / idcg if idcg else 0.0
        total_p5 += sum(1 for g in got[:5] if g >= 2) / 5
    print(f"{len(needs)} needs through import and match --json: "
          f"nDCG@10 {total_ndcg / len(needs):.3f}, P@5 {total_p5 / len(needs):.3f}")


if __name__ == "__main__":
    main()
