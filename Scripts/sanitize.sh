#!/usr/bin/env bash
# Runs the test suite under a sanitizer, in a build directory of its own:
#
#     bash Scripts/sanitize.sh thread [FILTER]     # ThreadSanitizer
#     bash Scripts/sanitize.sh address [FILTER]    # AddressSanitizer and LeakSanitizer
#
# FILTER is a `swift test --filter` pattern (default: every test). A report fails the run.
# LeakSanitizer reports at exit what is still allocated; the allocations that are not
# Lodum's (Foundation's, XCTest's, the tests' own globals) are suppressed by
# Scripts/lsan-suppressions.txt, so any leak it reports fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
sanitizer="${1:?usage: Scripts/sanitize.sh thread|address [FILTER]}"
case "$sanitizer" in
  thread | address) ;;
  *) echo "unknown sanitizer $sanitizer: thread or address" >&2; exit 64 ;;
esac
filter=()
if [ $# -ge 2 ]; then filter=(--filter "$2"); fi
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt:print_suppressions=1"
scratch=".build-$sanitizer"
swift build --build-tests --scratch-path "$scratch" --sanitize="$sanitizer"
swift test --skip-build --scratch-path "$scratch" --sanitize="$sanitizer" "${filter[@]}"
