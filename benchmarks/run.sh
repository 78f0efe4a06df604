#!/usr/bin/env bash
# Runs the JMH benchmarks of cie-servlet (and, unless --no-load, the HTTP load test of load.sh) and prints a
# Markdown table plus lines a script can read:
#   machine cpu="..." cores=2 jdk="..." load-before=... load-after=... rounds=N
#   figure acs=... us/op alloc=... B/op          (one line per figure)
#   ratio acs/floor=1.23                          (one line per ratio)
#   ratio filter http=0.98                        (from load.sh)
# Usage: benchmarks/run.sh [--quick] [--no-load]
#   --quick    one round of short iterations (about two minutes on 2 cores), for a first look
#   (default)  three interleaved rounds of longer iterations (about 15 minutes)
#   --no-load  skip the wrk load test against the sample in a real Tomcat
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
load=yes
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    --no-load) load="" ;;
    *) echo "usage: benchmarks/run.sh [--quick] [--no-load]" >&2; exit 2 ;;
  esac
done
jar=benchmarks/target/benchmarks.jar
if [[ -z "${SKIP_BUILD:-}" || ! -f "$jar" ]]; then
  ./mvnw -q -pl benchmarks -am package -DskipTests >&2
fi
echo "uptime before: $(uptime)"
java -cp "$jar" io.github.cieservlet.benchmarks.Report $quick
if [[ -n "$load" ]]; then
  benchmarks/load.sh $quick
fi
echo "uptime after: $(uptime)"
