#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks a Maven Central bundle (central-publishing-maven-plugin's central-bundle.zip) against what Central
# requires: for the parent POM and each published module its pom, and for each jar module the jar, -sources.jar,
# -javadoc.jar and the CycloneDX SBOM; every one with an .asc signature that verifies (with the keys in
# $GNUPGHOME) and .md5/.sha1 checksums that match; the parent POM's metadata (name, description, url, licences,
# developers, scm); nothing from an unpublished module.
# Usage: .ci/check-bundle.sh path/to/central-bundle.zip
set -euo pipefail
bundle="$1"
version="$(unzip -Z1 "$bundle" | sed -n 's:^io/github/cieservlet/cie-servlet-parent/\([^/]*\)/.*:\1:p' | head -1)"
[ -n "$version" ] || { echo "BUNDLE: no io/github/cieservlet/cie-servlet-parent in $bundle" >&2; exit 1; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
unzip -q "$bundle" -d "$dir"
base="$dir/io/github/cieservlet"
failures=0
fail() { echo "BUNDLE: $*" >&2; failures=$((failures + 1)); }

check_file() { # path of a file that must be in the bundle, signed and checksummed
  local f="$1"
  [ -f "$f" ] || { fail "missing ${f#"$dir"/}"; return; }
  [ -f "$f.asc" ] && gpg --batch --quiet --verify "$f.asc" "$f" 2>/dev/null || fail "no valid signature for ${f#"$dir"/}"
  [ -f "$f.md5" ] && [ "$(tr -d ' \n' < "$f.md5")" = "$(md5sum < "$f" | cut -d' ' -f1)" ] || fail "bad .md5 for ${f#"$dir"/}"
  [ -f "$f.sha1" ] && [ "$(tr -d ' \n' < "$f.sha1")" = "$(sha1sum < "$f" | cut -d' ' -f1)" ] || fail "bad .sha1 for ${f#"$dir"/}"
}

parent="$base/cie-servlet-parent/$version/cie-servlet-parent-$version.pom"
check_file "$parent"
for element in name description url licenses developers scm issueManagement; do
  [ -f "$parent" ] && grep -q "<$element>" "$parent" || fail "parent POM has no <$element>"
done

for module in cie-servlet cie-jsp-taglib cie-test-idp cie-servlet-tools; do
  prefix="$base/$module/$version/$module-$version"
  for suffix in .pom .jar -sources.jar -javadoc.jar -cyclonedx.json; do
    check_file "$prefix$suffix"
  done
  [ -f "$prefix.pom" ] && grep -q '<description>' "$prefix.pom" || fail "$module POM has no <description>"
  [ -f "$prefix-javadoc.jar" ] && unzip -Z1 "$prefix-javadoc.jar" index.html >/dev/null 2>&1 || fail "$module javadoc jar has no index.html"
  [ -f "$prefix.jar" ] && unzip -Z1 "$prefix.jar" THIRD-PARTY.txt >/dev/null 2>&1 || fail "$module jar has no THIRD-PARTY.txt"
done

for module in sample-war container-tests cie-servlet-docs; do
  [ ! -e "$base/$module" ] || fail "unpublished module $module is in the bundle"
done

if [ "$failures" -ne 0 ]; then echo "BUNDLE INCOMPLETE: $failures problem(s) in $bundle" >&2; exit 1; fi
echo "Bundle complete: $(unzip -Z1 "$bundle" | wc -l) files, parent POM and 4 modules signed and checksummed ($bundle)"
