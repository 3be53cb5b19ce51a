#!/usr/bin/env bash
# The main job: builds the `lodum` tool and runs it on the bundled example configuration
# (Examples/Config): YAML to JSON and MessagePack and back, the format table, and what a
# broken file reports. Set-up first, so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --product lodum
lodum=".build/debug/lodum"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step lodum formats
"$lodum" formats

step lodum convert Examples/Config/service.yaml service.json --pretty
"$lodum" convert Examples/Config/service.yaml "$work/service.json" --pretty
cat "$work/service.json"; echo

step lodum convert service.json service.msgpack
"$lodum" convert "$work/service.json" "$work/service.msgpack"
echo "$(wc -c < "$work/service.msgpack") bytes of MessagePack (the YAML is $(wc -c < Examples/Config/service.yaml) bytes)"

step lodum convert service.msgpack service.yaml
"$lodum" convert "$work/service.msgpack" "$work/service.yaml"
cat "$work/service.yaml"

step "lodum convert service.yaml - --to json  # and back to JSON: the same data as the first conversion"
"$lodum" convert "$work/service.yaml" "$work/again.json" --pretty
if cmp -s "$work/service.json" "$work/again.json"; then
  echo "YAML -> JSON -> MessagePack -> YAML -> JSON gives the very same JSON."
else
  echo "error: the round trip changed the data" >&2
  diff "$work/service.json" "$work/again.json" >&2 || true
  exit 1
fi

step lodum validate Examples/Config/broken.yaml
if "$lodum" validate Examples/Config/broken.yaml; then
  echo "error: the broken example validated" >&2
  exit 1
else
  echo "(exit status $?: the file is not well formed)"
fi
