#!/usr/bin/env bash
# Reranking throughput on Spark local[1] vs local[2] (and the local engine) on the same run:
# Cranfield test, BM25 top-10 (the same 450 pairs every time), the model given as $1.
# Prints one line per try with the scoring throughput that `eval rerank` records in results.json.
# Usage: scripts/spark-scaling.sh CHECKPOINT [REPEATS]   (ENGINES="spark:local[1] spark:local[2]" to pick)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="$1"
REPEATS="${2:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for i in $(seq 1 "$REPEATS"); do
  for engine in ${ENGINES:-spark:local[1] spark:local[2] local:-}; do
    kind="${engine%%:*}"
    master="${engine#*:}"
    args=(eval rerank --model "$MODEL" --dataset cranfield --split test --top-k 10 --max-length 128 --batch-size 16
          --random-seeds 0 --out "$OUT/$i-${master//[^a-z0-9]/}-$kind")
    if [[ "$kind" == spark ]]; then args+=(--engine spark --master "$master" --threads-per-task 1); fi
    "$ROOT/pathway" "${args[@]}" > /dev/null 2>&1
    echo "try $i $kind $master: $(sed -n 's/.*"throughput" : "\(.*\)".*/\1/p' "$OUT/$i-${master//[^a-z0-9]/}-$kind/results.json")"
  done
done
