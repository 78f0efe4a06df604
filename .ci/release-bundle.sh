#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Maven Central bundle exactly as a release would (profile "release": GPG signatures, checksums,
# central-publishing-maven-plugin), but signs with a throwaway key made here and publishes nothing; then checks
# that the bundle holds everything Central requires for each published module (.ci/check-bundle.sh).
# It builds a copy of this tree at the release version (.ci/copy-tree.sh: Central takes no SNAPSHOT bundle), in
# DIR (default: a new temporary directory, removed afterwards). About 2 minutes; nothing is installed in ~/.m2.
# Usage: .ci/release-bundle.sh [DIR]
set -euo pipefail
ci="$(cd "$(dirname "$0")" && pwd)"
if [ $# -ge 1 ]; then work="$1"; keep=1; else work="$(mktemp -d)"; keep=0; fi
command -v gpg >/dev/null || { apt-get update -qq && apt-get install -y -qq gnupg; }
GNUPGHOME="$(mktemp -d)"
export GNUPGHOME
cleanup() { gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"; [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
"$ci/copy-tree.sh" "$work" release
cd "$work"
gpg --batch --quiet --passphrase '' --quick-gen-key 'cie-servlet throwaway release check <release-check@invalid>' ed25519 sign 1d
KEY="$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')"

# The publishing plugin wants the server "central" even when it uploads nothing: dummy credentials, in global
# settings so that the user's ~/.m2/settings.xml (mirrors, proxies) still applies.
cat > "$GNUPGHOME/settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>none</username><password>none</password></server></servers></settings>
XML
# deploy runs install too: skipped, so nothing reaches the shared ~/.m2. skipPublishing: bundle only, no upload.
./mvnw -gs "$GNUPGHOME/settings.xml" -Prelease deploy -DskipTests -Dmaven.install.skip=true -DskipPublishing=true -Dgpg.keyname="$KEY" \
  -pl cie-servlet,cie-jsp-taglib,cie-test-idp,cie-servlet-tools -am

.ci/check-bundle.sh target/central-publishing/central-bundle.zip
