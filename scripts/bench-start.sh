#!/usr/bin/env bash
# Times ./sopdesk run as a newcomer meets it (BENCHMARKS.md, "Start of the demo"), with the
# dependencies already in the local Maven repository:
#   1. on a fresh domain (runtime/domains/domain1 removed; the build's outputs kept),
#   2. run again while the domain runs,
#   3. run again after ./sopdesk stop,
#   4. after ./mvnw clean (everything rebuilt, Payara unpacked again; the domain kept).
# Between the runs a ticket is stored through the API, and each later run checks it is still there
# (the demo's data kept across runs and clean). Each time is from the command to SOP Desk answering
# its sign-in page, the moment ./sopdesk run returns. Leaves the demo running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
APP=http://localhost:8080/sopdesk

run() {
  local label="$1" t0 t1
  t0=$(date +%s.%N)
  ./sopdesk run >"/tmp/bench-start-$2.log" 2>&1 || { echo "$label: ./sopdesk run failed, see /tmp/bench-start-$2.log"; exit 1; }
  t1=$(date +%s.%N)
  curl -fsS -o /dev/null "$APP/login.xhtml"
  printf '%-44s %6.1f s   (%s)\n' "$label" "$(awk "BEGIN{print $t1 - $t0}")" "$(grep -c '^\[payara\]' "/tmp/bench-start-$2.log") steps: $(grep -o 'settings unchanged\|same archive is deployed already\|creating domain\|restarting domain' "/tmp/bench-start-$2.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
}

ticket() {
  curl -fsS -u agent:agent-demo -H 'Content-Type: application/json' -X POST "$APP/api/tickets" -d '{"sopId":"perda-de-senha","answers":{"tipo":"A1","a1-esgotou":"sim"},
    "customer":{"document":"11222333000181","name":"Comércio Alfanumérico S.A.","email":"ti@comercio.com.br","phone1":"(51) 99999-0000","phone2":"(51) 3333-0000"},
    "description":"Cliente perdeu a senha de instalação do A1; tentativas esgotadas.","triedSolution":"Cliente tentou a senha anotada na documentação da emissão."}' \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2
}

kept() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -u agent:agent-demo "$APP/api/tickets/$1")
  [ "$code" = 200 ] && echo "ticket $1 still there" || { echo "ticket $1 lost (HTTP $code)"; exit 1; }
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
./sopdesk stop >/dev/null 2>&1 || true
rm -rf runtime/domains/domain1
./mvnw -B -q package -Dmaven.test.skip=true -pl ear,qualitor-sandbox,runtime -am  # the build's outputs in place, as after a first run
run "1. fresh domain" fresh
id=$(ticket)
[ -n "$id" ] || { echo "could not store a ticket"; exit 1; }
run "2. run again, the domain running" again
kept "$id"
./sopdesk stop >/dev/null
run "3. run again after ./sopdesk stop" stopped
kept "$id"
./sopdesk stop >/dev/null
./mvnw -B -q clean
run "4. after ./mvnw clean (the domain stopped)" clean
kept "$id"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
