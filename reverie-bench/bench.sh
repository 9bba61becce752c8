#!/usr/bin/env bash
# Builds the bench jar and runs every benchmark behind reverie-bench/README.md, writing the raw
# output to reverie-bench/results/. About 10 minutes on 2 cores. Run from anywhere.
#   reverie-bench/bench.sh            everything
#   reverie-bench/bench.sh jmh        the JMH benchmarks only
#   reverie-bench/bench.sh e2e        the end-to-end bench only
# REVERIE_BENCH_RESULTS=dir writes elsewhere; REVERIE_BENCH_BUILD_DIR=dir builds elsewhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${REVERIE_BENCH_BUILD_DIR:-target-bench}"
JAR="reverie-bench/$BUILD_DIR/reverie-bench.jar"
OUT="${REVERIE_BENCH_RESULTS:-reverie-bench/results}"
what="${1:-all}"

mvn -o -q -Dreverie.buildDir="$BUILD_DIR" -pl reverie-bench -am package -Dmaven.test.skip=true
mkdir -p "$OUT"
{
  echo "started $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r)"
  java -version 2>&1 | head -2
} > "$OUT/machine.txt"

if [[ "$what" == all || "$what" == jmh ]]; then
  # Engine and pipeline at every size, with GC allocation per operation.
  java -jar "$JAR" 'ObjectStreamBenchmark' -prof gc -rf json -rff "$OUT/object-stream.json" \
    | tee "$OUT/object-stream.txt"
  # Re-parsing on every delta in full is quadratic: 10k and 100k only.
  java -jar "$JAR" 'ReparseBenchmark.reparseEveryDelta' -p size=10k,100k -rf json \
    -rff "$OUT/reparse-every-delta.json" | tee "$OUT/reparse-every-delta.txt"
  # One re-parse per 256 deltas, at every size; × 256 estimates the full cost.
  java -jar "$JAR" 'ReparseBenchmark.reparseSampled' -rf json -rff "$OUT/reparse-sampled.json" \
    | tee "$OUT/reparse-sampled.txt"
  java -cp "$JAR" dev.reverie.bench.ResultTables "$OUT" | tee "$OUT/tables.md"
fi

if [[ "$what" == all || "$what" == e2e ]]; then
  java -Xms2g -Xmx2g -cp "$JAR" dev.reverie.bench.EndToEndBench --size 1m --warmup 4 --rounds 10 \
    | tee "$OUT/end-to-end.txt"
fi

echo "finished $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
