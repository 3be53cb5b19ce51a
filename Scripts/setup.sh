#!/usr/bin/env bash
# Prepares a fresh Debian machine for Lodum: checks the Swift toolchain and installs the
# system libraries the package links (libyaml, msgpack-c) when they are missing, and the
# JSON Schema validator the tests check generated schemas with (Python's jsonschema).
# Sourced by Scripts/demo.sh and Scripts/test.sh; safe to run again.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        if [ -x "$candidate/swift" ]; then export PATH="$candidate:$PATH"; break; fi
    done
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.1 or later) is not on PATH; install it from swift.org first." >&2
    exit 1
fi

missing=()
for package in libyaml-dev libmsgpack-dev pkg-config; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# Asked of Python rather than dpkg: a jsonschema installed with pip serves as well.
python3 -c "import jsonschema" >/dev/null 2>&1 || missing+=(python3-jsonschema)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        apt_get=(apt-get)
    elif command -v sudo >/dev/null 2>&1; then
        apt_get=(sudo apt-get)
    else
        echo "error: need root (or sudo) to install ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${apt_get[@]}" update -qq || true
    "${apt_get[@]}" install -y -qq "${missing[@]}"
fi
# Debian's package serves Debian's python3; another python3 first on PATH (pyenv) needs
# `pip install jsonschema` of its own.
if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    echo "warning: python3 on PATH cannot import jsonschema; the JSON Schema tests will fail (pip install jsonschema)" >&2
fi
