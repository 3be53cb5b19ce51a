#!/usr/bin/env bash
# Fuzzes every harness of Fuzz/LodumFuzz with libFuzzer and AddressSanitizer (LeakSanitizer
# included), SECONDS each (default 60):
#
#     bash Scripts/fuzz.sh [SECONDS] [HARNESS…]
#
# Seeds come from ../shared (the conformance suites and corpora) and the conformance
# catalogue in every format; what fuzzing learns is kept in .build-fuzz/corpus between runs.
# A crash, leak, hang or broken promise is saved to Fuzz/Findings/HARNESS/, where the test
# run replays it (commit it with its fix). Prints executions and coverage per harness.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
seconds="${1:-60}"
shift || true
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=(json-value json-typed yaml-value yaml-typed msgpack-value msgpack-typed transcode)
fi

# The plain build writes the seeds; the fuzzing build links libFuzzer and the sanitizers.
swift build --product LodumFuzz
seeds=.build-fuzz/seeds
rm -rf "$seeds"
.build/debug/LodumFuzz --make-seeds "$seeds" ../shared
# SwiftPM's own --sanitize=fuzzer would give the macro plugin libFuzzer's main too, so the
# build asks for coverage instrumentation and links libFuzzer's driver-only archive, which
# only LodumFuzz (which calls LLVMFuzzerRunDriver) pulls in.
libfuzzer=$(ls "$(dirname "$(dirname "$(command -v swift)")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
swift build --scratch-path .build-fuzz --sanitize=address --product LodumFuzz \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -DLODUM_FUZZING \
  -Xlinker "$libfuzzer" -Xlinker -lstdc++
fuzzer=.build-fuzz/debug/LodumFuzz

status=0
for harness in "${harnesses[@]}"; do
  corpus=.build-fuzz/corpus/$harness
  findings=Fuzz/Findings/$harness
  mkdir -p "$corpus" "$findings"
  log=.build-fuzz/$harness.log
  echo "== $harness: ${seconds}s"
  if ! LODUM_FUZZ_HARNESS=$harness "$fuzzer" "$corpus" "$seeds/$harness" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$findings/" -print_final_stats=1 > "$log" 2>&1; then
    status=1
    echo "   FINDING: see $log and $findings/"
  fi
  # libFuzzer's final statistics: executions, and coverage as edges ("cov") and features.
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || echo "cov: ?")
  echo "   $executions executions, $coverage"
done
exit $status
