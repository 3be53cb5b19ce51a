#!/usr/bin/env bash
# The benchmark in one command: set-up, the Yams peer (a separate binary, see
# Docs/Performance.md), then LodumBenchmarks in release mode. Arguments go to the
# benchmark: --quick for a run under two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build -c release --product yams-peer
swift run -c release LodumBenchmarks "$@"
