#!/usr/bin/env bash
# The soak run: for JSON, YAML and MessagePack, GIGABYTES (default 3) streamed by
# `dump(contentsOf:)` into a file and back by `stream`, every element checked against the
# one written, each phase in a child process of its own. Prints bytes, elements, time and
# peak RSS per format and phase; the file is removed after each format.
#
#     bash Scripts/soak.sh [GIGABYTES] [YAML_GIGABYTES]
#
# YAML, the slowest format, may take a size of its own (default: GIGABYTES). The file goes
# in $TMPDIR (default /tmp), which needs GIGABYTES of free space. See Docs/Reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
gigabytes="${1:-3}"
yaml_gigabytes="${2:-$gigabytes}"
swift build -c release --product LodumBenchmarks
.build/release/LodumBenchmarks --soak "$gigabytes" --yaml "$yaml_gigabytes" --directory "${TMPDIR:-/tmp}"
