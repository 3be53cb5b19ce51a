#!/usr/bin/env bash
# Runs every test suite from a fresh checkout: set-up, build, `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --build-tests
swift test --skip-build
