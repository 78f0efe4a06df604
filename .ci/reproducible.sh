#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Reproducible build check: rebuilds the published modules from a copy of this tree in another directory
# (-DskipTests; about 1-2 minutes) and compares, byte for byte, every jar (main, -sources, -javadoc, -tests,
# -javax, the tools' executable jar) and CycloneDX SBOM with the ones the build of this tree left in target/.
# Run it after a clean ./mvnw verify (or clean package) of this tree, online (the SBOM goal skips itself with -o), as
# .ci/run does on a fresh checkout: an incremental build can leave stale javadoc output in its jar.
# Usage: .ci/reproducible.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
modules=(cie-servlet cie-jsp-taglib cie-test-idp cie-servlet-tools)
copy="$(mktemp -d)/cie-servlet-rebuild"
trap 'rm -rf "$(dirname "$copy")"' EXIT
"$root/.ci/copy-tree.sh" "$copy"
(cd "$copy" && ./mvnw -q package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am)

compared=0; different=0
for module in . "${modules[@]}"; do
  for first in "$root/$module"/target/*.jar "$root/$module"/target/*-cyclonedx.json; do
    [ -e "$first" ] || continue
    name="$module/target/$(basename "$first")"
    second="$copy/$name"
    compared=$((compared + 1))
    if ! cmp -s "$first" "$second"; then
      different=$((different + 1)); echo "NOT REPRODUCIBLE: $name" >&2
    fi
  done
done
# Every published module must have been compared: its jar, sources, javadoc and SBOM at least.
for module in "${modules[@]}"; do
  for suffix in .jar -sources.jar -javadoc.jar -cyclonedx.json; do
    ls "$root/$module"/target/"$module"-*"$suffix" >/dev/null 2>&1 || { echo "MISSING from the first build: $module/target/$module-*$suffix" >&2; different=$((different + 1)); }
  done
done
[ "$different" -eq 0 ] || { echo "Reproducible build check FAILED: $different problem(s)" >&2; exit 1; }
echo "Reproducible: $compared artifacts identical in two builds (second build in $copy)"
