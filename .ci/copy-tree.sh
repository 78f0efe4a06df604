#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copies this source tree (without target/ and .git) to DIR. With "release" every POM there also gets the release
# version (the current version without -SNAPSHOT), as the release commit will: Central takes no SNAPSHOT bundle.
# Usage: .ci/copy-tree.sh DIR [release]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$1"
mkdir -p "$dest"
tar -C "$root" --exclude=./.git --exclude='./*/target' --exclude=./target -cf - . | tar -C "$dest" -xf -
if [ "${2:-}" = release ]; then
  snapshot="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"
  find "$dest" -name pom.xml -exec sed -i "s:<version>$snapshot</version>:<version>${snapshot%-SNAPSHOT}</version>:" {} +
fi
