#!/usr/bin/env bash
# The agents' clicks under a busy desk (BENCHMARKS.md, "Agents' load"): makes sure the demo runs
# (./sopdesk run, with the 4 JIT compiler threads load tests want: a second of work when it is up
# with them already), then runs the Gatling simulation of the load-tests module (profile load)
# against it, samples the machine meanwhile (load average, the machine's and the server's CPU every
# 30 s) and prints the report's figures per request. Extra arguments go to Maven, e.g.
# -Dagents.users=20 -Dagents.minutes=1 -Dagents.baselineMinutes=0.5 for a short run. Leaves the demo
# running (./sopdesk stop). MAVEN_OPTS is passed on (e.g. -Dmaven.repo.local=...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export SOPDESK_COMPILER_THREADS="${SOPDESK_COMPILER_THREADS:-4}"
./sopdesk run >/tmp/bench-agents-demo.log 2>&1 || { echo "./sopdesk run failed, see /tmp/bench-agents-demo.log"; exit 1; }
server=$(ss -ltnpH 'sport = :8080' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$server" ] || { echo "nothing listens on port 8080"; exit 1; }
hz=$(getconf CLK_TCK)
samples=$(mktemp /tmp/bench-agents-samples.XXXXXX)

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
machine() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

sample() {
  local t0 s0 m0 t1 s1 m1
  t0=$(date +%s.%N); s0=$(ticks); m0=$(machine)
  while sleep 30; do
    t1=$(date +%s.%N); s1=$(ticks) || return 0; m1=$(machine)
    awk -v t0="$t0" -v t1="$t1" -v s0="$s0" -v s1="$s1" -v m0="$m0" -v m1="$m1" -v hz="$hz" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { split(m0, a, " "); split(m1, b, " ");
               printf "%s load %s machine %.0f%% server %.0f%%\n", strftime("%H:%M:%S", t1), load,
                 100 * (b[1] - a[1]) / (b[2] - a[2]), 100 * (s1 - s0) / hz / (t1 - t0) }' >> "$samples"
    t0=$t1; s0=$s1; m0=$m1
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (with local changes)'); server pid $server"
sample &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
started=$(date +%s)
./mvnw -B verify -Pload -DskipITs -DskipTests -pl load-tests -am "$@" | tee /tmp/bench-agents-gatling.log \
  | grep --line-buffered -E 'elapsed|^---- (load|baseline|warm-up)|active:|Reports generated|ERROR' || true
kill "$sampler" 2>/dev/null || true
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - started )) s"
echo "every 30 s (1-minute load average, the machine's CPU busy, the server's CPU as a share of one core):"
cat "$samples"
report=$(ls -td load-tests/target/gatling/agentssimulation-*/ | head -1)
echo "report: $report/index.html"
# the report's statistics table: one row per request, in its phase's group
awk '
  /<tr id=/ { parent = ""; name = "" }
  /<tr id="req_/ { match($0, /data-parent="group_[^"]*"/); parent = substr($0, RSTART + 19, RLENGTH - 20); sub(/--?[0-9]+$/, "", parent) }
  /class="ellipsed-name">/ && parent != "" { n = $0; sub(/.*class="ellipsed-name">/, "", n); sub(/<.*/, "", n); name = n }
  /<td class="value / && name != "" { v = $0; sub(/.*">/, "", v); sub(/<.*/, "", v); c = $0; sub(/.*col-/, "", c); sub(/".*/, "", c); val[c] = v
    if (c == 14) { printf "| %s / %s | %s | %s | %s | %s | %s | %s |\n", parent, name, val[2], val[4], val[8], val[10], val[11], val[12]; name = "" } }
  BEGIN { print "| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |"; print "|---|---:|---:|---:|---:|---:|---:|" }
' "$report/index.html"
grep -E '^(load|baseline|warm-up).*(: false|count of failed)' /tmp/bench-agents-gatling.log || true
grep -q 'count of failed events is 0.0 : true' /tmp/bench-agents-gatling.log && echo "no failed request in the load" || echo "FAILED REQUESTS in the load: see the report"
