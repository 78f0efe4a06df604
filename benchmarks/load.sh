#!/usr/bin/env bash
# HTTP load test of the sample WAR in a real Apache Tomcat (the distribution zip from Maven Central, as the
# container tests use it) on 127.0.0.1, driven by wrk (Debian package `wrk`). Everything stays on loopback and
# every run is bounded in time (wrk -d) or count (logins), and the Tomcat started here is stopped on exit.
# Prints, besides wrk's own summaries:
#   figure http-protected=... req/s      the protected page, with the session of a citizen logged in through the test IdP
#   figure http-unprotected=... req/s    the home page, same session (a JSP of the same kind, not behind the filter)
#   figure http-login=... req/s          GET /cie/login (a signed AuthnRequest in an auto-post form)
#   figure http-metadata=... req/s       GET /cie/metadata
#   figure logins-per-second=...         whole logins through the test IdP, one after the other (curl)
#   figure tomcat-start-sample=... ms / figure tomcat-start-empty=... ms   "Server startup in" of each deployment
#   figure cie-listener-start=... ms     of which cie-servlet's context listener ("cie-servlet started in")
#   ratio filter http=...                protected / unprotected requests per second (interleaved rounds)
#   ratio start sample/empty=...
# Usage: benchmarks/load.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=""
[[ "${1:-}" == "--quick" ]] && quick=yes
seconds=$([[ -n "$quick" ]] && echo 4 || echo 10)
rounds=$([[ -n "$quick" ]] && echo 2 || echo 3)
logins=$([[ -n "$quick" ]] && echo 10 || echo 30)
connections=8
tomcat_version=$(sed -n 's:.*<tomcat10.version>\(.*\)</tomcat10.version>.*:\1:p' pom.xml | head -1)
work="$root/benchmarks/target/load"

if ! command -v wrk > /dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
    apt-get install -y wrk > /dev/null
  else
    echo "load.sh needs wrk: sudo apt-get install wrk" >&2
    exit 1
  fi
fi
war="$root/sample-war/target/sample-war.war"
if [[ ! -f "$war" ]]; then
  ./mvnw -q -pl sample-war -am package -DskipTests >&2
fi
zip="$HOME/.m2/repository/org/apache/tomcat/tomcat/$tomcat_version/tomcat-$tomcat_version.zip"
if [[ ! -f "$zip" ]]; then
  ./mvnw -q dependency:get -Dartifact="org.apache.tomcat:tomcat:$tomcat_version:zip" >&2
fi
home="$work/apache-tomcat-$tomcat_version"
if [[ ! -d "$home" ]]; then
  mkdir -p "$work"
  (cd "$work" && unzip -q "$zip")
  chmod +x "$home"/bin/*.sh
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

server_pid=""
stop_tomcat() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2> /dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2> /dev/null || true
  fi
  server_pid=""
}
trap stop_tomcat EXIT

# start_tomcat NAME WAR: a CATALINA_BASE of its own, WAR as ROOT.war on a free loopback port; sets base_url
# and start_ms (Tomcat's "Server startup in [N] milliseconds", deployment included)
start_tomcat() {
  local name=$1 app=$2 base="$work/base-$1" port
  port=$(free_port)
  rm -rf "$base"
  mkdir -p "$base"/{conf,logs,temp,webapps,work}
  cp "$home"/conf/* "$base/conf/"
  sed -i -e 's/<Server port="8005"/<Server port="-1"/' \
    -e "s/<Connector port=\"8080\"/<Connector address=\"127.0.0.1\" port=\"$port\"/" "$base/conf/server.xml"
  cp "$app" "$base/webapps/ROOT.war"
  CATALINA_HOME="$home" CATALINA_BASE="$base" JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
    JAVA_OPTS="-Xms256m -Xmx256m -Dcie.publicBaseUrl=http://127.0.0.1:$port" CATALINA_OPTS="" \
    "$home/bin/catalina.sh" run > "$base/logs/console.log" 2>&1 &
  server_pid=$!
  base_url="http://127.0.0.1:$port"
  for _ in $(seq 1 1200); do
    if grep -q "Server startup in" "$base/logs/console.log" 2> /dev/null; then break; fi
    kill -0 "$server_pid" 2> /dev/null || { tail -30 "$base/logs/console.log" >&2; exit 1; }
    sleep 0.1
  done
  start_ms=$(sed -n 's/.*Server startup in \[\{0,1\}\([0-9,]*\)\]\{0,1\} milliseconds.*/\1/p' "$base/logs/console.log" | tr -d ,)
  [[ -n "$start_ms" ]] || { echo "$name did not start in 120 s" >&2; tail -30 "$base/logs/console.log" >&2; exit 1; }
  echo "tomcat $tomcat_version with $name started in $start_ms ms at $base_url (load $(cut -d' ' -f1-3 /proc/loadavg))"
}

# an empty web application of the same packaging: one static page
empty_war="$work/empty.war"
if [[ ! -f "$empty_war" ]]; then
  mkdir -p "$work/empty"
  echo '<!DOCTYPE html><html><body><p>empty</p></body></html>' > "$work/empty/index.html"
  (cd "$work/empty" && jar cf "$empty_war" index.html)
fi
start_tomcat empty "$empty_war"
empty_ms=$start_ms
stop_tomcat
start_tomcat sample "$war"
sample_ms=$start_ms
listener_ms=$(sed -n 's/.*cie-servlet started in \([0-9]*\) ms.*/\1/p' "$work/base-sample/logs/console.log" | head -1)

unescape() { sed -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'; }
# submit_form JAR: posts the first form of the page on stdin (hidden fields and checked radio buttons) as a
# browser would; prints the answer
submit_form() {
  local jar=$1 page action args=()
  page=$(cat)
  action=$(grep -o '<form [^>]*action="[^"]*"' <<< "$page" | head -1 | sed -E 's/.*action="([^"]*)"/\1/' | unescape)
  [[ -n "$action" ]] || { echo "no form in the page: ${page:0:300}" >&2; return 1; }
  while IFS= read -r field; do
    args+=(--data-urlencode "$(unescape <<< "$field")")
  done < <(grep -o '<input [^>]*>' <<< "$page" | grep -E 'type="hidden"|checked' \
    | sed -E 's/.*name="([^"]*)".*value="([^"]*)".*/\1=\2/')
  curl -sS --max-time 30 -b "$jar" -c "$jar" "${args[@]}" "$action"
}
# login JAR: a whole login through the test IdP (login form, IdP chooser with its defaults, Response to the ACS)
login() {
  local jar=$1
  rm -f "$jar"
  curl -sS --max-time 30 -b "$jar" -c "$jar" "$base_url/cie/login?target=%2Farea-riservata%2F" \
    | submit_form "$jar" | submit_form "$jar" | submit_form "$jar" > /dev/null
}
cookie_header() {
  awk '($0 !~ /^#/ || $0 ~ /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$1"
}

jar="$work/cookies.txt"
login "$jar"
cookie=$(cookie_header "$jar")
if ! curl -sS --max-time 30 -H "Cookie: $cookie" "$base_url/area-riservata/" | grep -q 'id="greeting"'; then
  echo "the login through the test IdP did not give a session for the protected page" >&2
  exit 1
fi

# rps URL: wrk for $seconds seconds; prints requests/s; fails on any non-2xx/3xx answer
rps() {
  local out
  out=$(wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s -H "Cookie: $cookie" "$1")
  if grep -q "Non-2xx or 3xx" <<< "$out"; then
    echo "$out" >&2
    echo "unexpected answers from $1" >&2
    exit 1
  fi
  sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<< "$out"
}

for url in "$base_url/area-riservata/" "$base_url/"; do   # warm-up (JSP compilation, JIT)
  wrk -t 1 -c 2 -d 5s -H "Cookie: $cookie" "$url" > /dev/null
done
protected_sum=0
unprotected_sum=0
for round in $(seq 1 "$rounds"); do
  p=$(rps "$base_url/area-riservata/")
  u=$(rps "$base_url/")
  echo "round $round: protected $p req/s, unprotected $u req/s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  protected_sum=$(awk -v a="$protected_sum" -v b="$p" 'BEGIN { print a + b }')
  unprotected_sum=$(awk -v a="$unprotected_sum" -v b="$u" 'BEGIN { print a + b }')
done
login_rps=$(rps "$base_url/cie/login?target=%2Farea-riservata%2F")
metadata_rps=$(rps "$base_url/cie/metadata")

start_ns=$(date +%s%N)
for _ in $(seq 1 "$logins"); do
  login "$work/login-loop.txt"
done
logins_per_second=$(awk -v n="$logins" -v ns=$(($(date +%s%N) - start_ns)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }')
stop_tomcat

echo "machine cpu=\"$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)\" cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /) tomcat=$tomcat_version wrk-connections=$connections wrk-seconds=$seconds rounds=$rounds"
awk -v r="$rounds" -v p="$protected_sum" -v u="$unprotected_sum" 'BEGIN {
  printf "figure http-protected=%.0f req/s\nfigure http-unprotected=%.0f req/s\n", p / r, u / r }'
echo "figure http-login=$login_rps req/s"
echo "figure http-metadata=$metadata_rps req/s"
echo "figure logins-per-second=$logins_per_second"
echo "figure tomcat-start-sample=$sample_ms ms"
echo "figure tomcat-start-empty=$empty_ms ms"
echo "figure cie-listener-start=${listener_ms:-unknown} ms"
awk -v p="$protected_sum" -v u="$unprotected_sum" 'BEGIN { printf "ratio filter http=%.2f\n", p / u }'
awk -v s="$sample_ms" -v e="$empty_ms" 'BEGIN { printf "ratio start sample/empty=%.2f\n", s / e }'
