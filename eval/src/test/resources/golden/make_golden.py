#!/usr/bin/env python3
"""Independent reference for the metric tests: writes a random run (with many score ties and
unjudged documents), graded qrels (with queries lacking relevant documents, and queries missing
from the run) and the expected means in both averaging modes. Written from trec_eval's
definitions without looking at the Java code; rerun with `python3 make_golden.py` (seeded)."""
import math, random

rng = random.Random(20240607)
docs = [f"D{i:03d}" for i in range(60)]
qrels, run = {}, {}
for q in range(1, 31):
    qid = f"Q{q}"
    judged = rng.sample(docs, 15)
    grades = {d: rng.choice([0, 0, 0, 1, 1, 2, 3]) for d in judged}
    if q % 7 == 0:
        grades = {d: 0 for d in judged}          # judged, nothing relevant
    qrels[qid] = grades
    if q % 5 == 0:
        continue                                  # in the qrels, missing from the run
    ret = rng.sample(docs, 25)
    run[qid] = {d: float(rng.choice([1, 2, 3, 4, 5])) / 2 for d in ret}  # heavy ties
run["Q99"] = {"D001": 1.0}                        # not judged: ignored

def ranking(scores):
    # trec_eval: score descending, then docno descending
    return [d for d, _ in sorted(scores.items(), key=lambda x: (-x[1], tuple(-ord(c) for c in x[0])))]

def metrics(qid, k):
    grades = qrels[qid]
    ranked = ranking(run.get(qid, {}))[:k]
    g = [max(0, grades.get(d, 0)) for d in ranked]
    nrel = sum(1 for v in grades.values() if v >= 1)
    dcg = sum(x / math.log2(i + 2) for i, x in enumerate(g) if x > 0)
    ideal = sorted([v for v in grades.values() if v > 0], reverse=True)[:k]
    idcg = sum(x / math.log2(i + 2) for i, x in enumerate(ideal))
    ndcg = dcg / idcg if idcg > 0 else 0.0
    rr = next((1.0 / (i + 1) for i, x in enumerate(g) if x >= 1), 0.0)
    hits = sum(1 for x in g if x >= 1)
    recall = hits / nrel if nrel else 0.0
    p = hits / k
    s, h = 0.0, 0
    for i, x in enumerate(g):
        if x >= 1:
            h += 1
            s += h / (i + 1)
    ap = s / nrel if nrel else 0.0
    return {f"ndcg@{k}": ndcg, f"mrr@{k}": rr, f"recall@{k}": recall, f"p@{k}": p, f"map@{k}": ap}

with open("golden.qrels", "w") as f:
    for qid, gr in qrels.items():
        for d, v in gr.items():
            f.write(f"{qid} 0 {d} {v}\n")
lines = []
for qid, sc in run.items():
    for i, d in enumerate(ranking(sc)):
        lines.append(f"{qid} Q0 {d} {i + 1} {sc[d]} golden\n")
rng.shuffle(lines)                                # order in the file must not matter
with open("golden.run", "w") as f:
    f.writelines(lines)
with open("golden.expected.tsv", "w") as f:
    f.write("metric\trun-and-qrels\tall-qrels\n")
    for k in (1, 3, 10, 20):
        per = {q: metrics(q, k) for q in qrels}
        both = [q for q in qrels if q in run]
        for m in per[next(iter(per))]:
            a = sum(per[q][m] for q in both) / len(both)
            c = sum(per[q][m] for q in qrels) / len(qrels)
            f.write(f"{m}\t{a!r}\t{c!r}\n")
