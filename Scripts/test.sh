#!/usr/bin/env bash
# Runs every test suite from a fresh checkout: set-up, build, `swift test`, then a fuzzing
# smoke: each libFuzzer harness for 15 seconds under AddressSanitizer (Scripts/fuzz.sh,
# which builds its own instrumented copy in .build-fuzz and seeds from ../shared). A
# finding fails the run and names the saved input; see Docs/Reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --build-tests
swift test --skip-build
smoke_start=$SECONDS
bash Scripts/fuzz.sh 15
echo "fuzzing smoke: $((SECONDS - smoke_start)) s"
