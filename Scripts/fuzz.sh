#!/usr/bin/env bash
# Fuzzes every harness of Fuzz/Harnesses (run by Fuzz/LodumFuzz) with libFuzzer and
# AddressSanitizer (LeakSanitizer included), SECONDS each (default 60):
#
#     bash Scripts/fuzz.sh [SECONDS] [HARNESS…]
#
# Seeds come from ../shared (the conformance suites and corpora) and the conformance
# catalogue in every format; what fuzzing learns is kept in .build-fuzz/corpus between runs.
# A crash, leak, hang or broken promise is saved to Fuzz/Findings/HARNESS/, where the test
# run replays it (commit it with its fix). Prints executions and coverage per harness, and
# exits 0 when no harness found anything, 1 (naming each saved input) when one did.
# Scripts/test.sh, and so CI, runs a smoke of 15 seconds per harness.
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
# The toolchain is found through the real path of `swift`, which may be a symbolic link
# (/usr/bin/swift) into it.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
libfuzzer=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1 || true)
if [ -z "$libfuzzer" ]; then
  echo "error: no libclang_rt.fuzzer_no_main-x86_64.a under $toolchain/lib/clang; the toolchain lacks libFuzzer" >&2
  exit 1
fi
# The build's output goes to a log: ld.gold notes every AddressSanitizer runtime symbol it
# cannot export (hundreds of lines, the toolchain's, not the project's). Any other warning
# is printed, and the whole log when the build fails.
mkdir -p .build-fuzz
build_log=.build-fuzz/build.log
if ! swift build --scratch-path .build-fuzz --sanitize=address --product LodumFuzz \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -DLODUM_FUZZING \
  -Xlinker "$libfuzzer" -Xlinker -lstdc++ > "$build_log" 2>&1; then
  cat "$build_log"
  exit 1
fi
grep "warning:" "$build_log" | grep -v "ld.gold: warning: Cannot export local symbol '__asan" || true
echo "fuzzing build: done (linker notes on ASan runtime symbols: $(grep -c "Cannot export local symbol '__asan" "$build_log" || true), in $build_log)"
fuzzer=.build-fuzz/debug/LodumFuzz

failed=()
for harness in "${harnesses[@]}"; do
  corpus=.build-fuzz/corpus/$harness
  findings=Fuzz/Findings/$harness
  mkdir -p "$corpus" "$findings"
  log=.build-fuzz/$harness.log
  echo "== $harness: ${seconds}s"
  # Swift's own crash backtracer is turned off: it would catch the abort or trap before
  # libFuzzer's handler and, under AddressSanitizer, report an error of its own while
  # reading the crashed process's memory. libFuzzer's handler prints the stack instead.
  if ! SWIFT_BACKTRACE=enable=no LODUM_FUZZ_HARNESS=$harness "$fuzzer" "$corpus" "$seeds/$harness" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$findings/" -print_final_stats=1 > "$log" 2>&1; then
    # libFuzzer names the input it saved ("Test unit written to PATH"). The headlines
    # follow: the harness's report of a broken promise, Swift's fatal error, the verdict
    # of the sanitizer or of libFuzzer (crash, leak, timeout, out of memory); the stack
    # is in the log.
    saved=$(grep -o 'Test unit written to .*' "$log" | sed 's/^Test unit written to //' || true)
    echo "   FINDING in $harness: ${saved:-no input saved}; log: $log"
    grep -E '^finding: |Fatal error|ERROR: |SUMMARY: ' "$log" | head -n 10 | sed 's/^/   | /' || true
    failed+=("$harness: ${saved:-see $log}")
  fi
  # libFuzzer's final statistics: executions, and coverage as edges ("cov") and features.
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || echo "cov: ?")
  echo "   $executions executions, $coverage"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${#failed[@]} finding(s); commit each saved input with its fix:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "fuzzing: no findings in ${#harnesses[@]} harness(es), ${seconds}s each"
