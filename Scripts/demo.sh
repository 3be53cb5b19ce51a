#!/usr/bin/env bash
# The main job: streams 1,000,000 points to a JSON file and lazily reads them back,
# printing counts, time and peak memory. Extra arguments go to the example.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift run -c release stream-points "$@"
