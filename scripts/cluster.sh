#!/usr/bin/env bash
# SOP Desk on a Payara deployment group: the domain's administration server (DAS), which also runs
# the Qualitor sandbox (standing in for a Qualitor on another machine), and a deployment group of
# instances on this machine running SOP Desk, all on one PostgreSQL database (docs/cluster.md).
#
#   scripts/cluster.sh up           create what is missing (domain, configuration, group, instances,
#                                   database), configure, start, deploy, wait until every instance answers
#   scripts/cluster.sh down         stop the group and the domain
#   scripts/cluster.sh kill NAME    kill -9 one instance's JVM (the tests' failover)
#   scripts/cluster.sh start NAME   start one instance again
#   scripts/cluster.sh ports        the instances and their HTTP ports, one "name port" a line
#   scripts/cluster.sh db-stop      stop this machine's PostgreSQL (Debian's cluster "main"; the tests'
#   scripts/cluster.sh db-start     database outage), and start it again
#
# Settings (environment), besides those of scripts/payara.sh that still apply (SOPDESK_FAST_RETRY,
# SOPDESK_DEMO, SOPDESK_HEAP, SOPDESK_JIT_TIER, SOPDESK_EAR, SOPDESK_SANDBOX_WAR, SOPDESK_FRESH_DB):
#   SOPDESK_DOMAIN      the domain (default sopdesk-cluster)
#   SOPDESK_PORTBASE    its port base (default 28000: admin 28048, the sandbox 28090); instance n gets
#                       the port base + 100 n (HTTP + 80: 28180, 28280, ...)
#   SOPDESK_INSTANCES   how many instances (default 2), named sopdesk-1, sopdesk-2, ...
#   SOPDESK_DB_URL, SOPDESK_DB_USER, SOPDESK_DB_PASSWORD   the shared PostgreSQL database (default
#                       jdbc:postgresql://localhost:5432/sopdesk-cluster, sopdesk_demo/sopdesk_demo,
#                       created on this machine by scripts/ensure-postgres.sh when it does not answer)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PAYARA_HOME="${PAYARA_HOME:-$root/runtime/target/payara/payara6}"
export SOPDESK_DOMAIN="${SOPDESK_DOMAIN:-sopdesk-cluster}"
export SOPDESK_PORTBASE="${SOPDESK_PORTBASE:-28000}"
export SOPDESK_DB=postgresql
export SOPDESK_DB_URL="${SOPDESK_DB_URL:-jdbc:postgresql://localhost:5432/sopdesk-cluster}"
export SOPDESK_DB_USER="${SOPDESK_DB_USER:-sopdesk_demo}"
export SOPDESK_DB_PASSWORD="${SOPDESK_DB_PASSWORD:-sopdesk_demo}"
INSTANCES="${SOPDESK_INSTANCES:-2}"
GROUP=sopdesk-dg
CONFIG=sopdesk-config
EAR="${SOPDESK_EAR:-$root/ear/target/sopdesk.ear}"
ADMIN_PORT=$((SOPDESK_PORTBASE + 48))
ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ADMIN_PORT")
NODE="localhost-$SOPDESK_DOMAIN"
say() { printf '[cluster %s] %s\n' "$(date +%T)" "$*"; }

instance_name() { printf 'sopdesk-%s' "$1"; }
instance_http() { printf '%s' $((SOPDESK_PORTBASE + 100 * $1 + 80)); }
instance_dir() { printf '%s/glassfish/nodes/%s/%s' "$PAYARA_HOME" "$NODE" "$1"; }

# the pid of a running instance's JVM, empty when it is not running (killed, or stopped)
instance_pid() {
  local pid
  pid="$(cat "$(instance_dir "$1")/config/pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    printf '%s' "$pid"
  fi
}

# stops the instances still running one by one (stop-deployment-group waits long for one killed)
stop_instances() {
  local n name
  for n in $(seq 1 "$INSTANCES"); do
    name="$(instance_name "$n")"
    if [ -n "$(instance_pid "$name")" ]; then
      timeout 120 "${ASADMIN[@]}" stop-instance "$name" >/dev/null || kill -9 "$(instance_pid "$name")" 2>/dev/null || true
    fi
  done
}

# the deployment group, its shared configuration and its instances, created once
create_group() {
  if ! "${ASADMIN[@]}" list-configs | grep -qx "$CONFIG"; then
    say "creating the configuration $CONFIG and the deployment group $GROUP"
    "${ASADMIN[@]}" copy-config default-config "$CONFIG" >/dev/null
  fi
  if ! "${ASADMIN[@]}" list-deployment-groups 2>/dev/null | grep -qw -- "$GROUP"; then
    "${ASADMIN[@]}" create-deployment-group "$GROUP" >/dev/null
  fi
  local n name
  for n in $(seq 1 "$INSTANCES"); do
    name="$(instance_name "$n")"
    if ! "${ASADMIN[@]}" list-instances 2>/dev/null | grep -q "^$name "; then
      say "creating instance $name (HTTP $(instance_http "$n"))"
      "${ASADMIN[@]}" create-instance --node "$NODE" --config "$CONFIG" \
        --portbase $((SOPDESK_PORTBASE + 100 * n)) "$name" >/dev/null
      "${ASADMIN[@]}" add-instance-to-deployment-group --instance "$name" --deploymentgroup "$GROUP" >/dev/null
    fi
  done
}

# what the group needs beyond scripts/payara.sh's settings
configure_group() {
  local ejb="configs.config.$CONFIG.ejb-container.ejb-timer-service"
  # SOP Desk's EJB timers are all non-persistent, one set per instance, yet Payara's timer service
  # needs a store to start on an instance: the default one (jdbc/__TimerPool) has no table there and
  # the deployment fails ("EJB Timer Service is not available"); the data grid's store needs none
  "${ASADMIN[@]}" set "$ejb.ejb-timer-service=DataGrid" >/dev/null
  SOPDESK_TARGET="$GROUP" SOPDESK_CONFIG="$CONFIG" "$root/scripts/payara.sh" configure
}

wait_instances() {
  local n port
  for n in $(seq 1 "$INSTANCES"); do
    port="$(instance_http "$n")"
    for _ in $(seq 1 180); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/sopdesk/login.xhtml" || true)" = 200 ] && break
      sleep 1
    done
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/sopdesk/login.xhtml" || true)" != 200 ]; then
      say "SOP Desk did not answer on $(instance_name "$n") (port $port); see $(instance_dir "$(instance_name "$n")")/logs/server.log"
      exit 1
    fi
  done
}

case "${1:-}" in
  up)
    SOPDESK_IT_DB_URL="$SOPDESK_DB_URL" SOPDESK_IT_DB_USER="$SOPDESK_DB_USER" SOPDESK_IT_DB_PASSWORD="$SOPDESK_DB_PASSWORD" \
      "$root/scripts/ensure-postgres.sh"
    if "$PAYARA_HOME/bin/asadmin" list-domains 2>/dev/null | grep -q "^$SOPDESK_DOMAIN running"; then
      stop_instances
    fi
    # the DAS: the sandbox only (SOP Desk runs on the group, configured below), Payara's own JVM settings
    SOPDESK_DEPLOY_EAR=false SOPDESK_SANDBOX_HOST=true "$root/scripts/payara.sh" up
    create_group
    configure_group
    # a SOP Desk left deployed on the group by an earlier run must not start before the new one: it
    # would migrate the database (emptied for the tests) with its own, perhaps older, migrations
    if "${ASADMIN[@]}" list-applications "$GROUP" 2>/dev/null | grep -q '^sopdesk[[:space:]]'; then
      "${ASADMIN[@]}" undeploy --target "$GROUP" sopdesk >/dev/null
    fi
    say "starting the deployment group $GROUP ($INSTANCES instances)"
    "${ASADMIN[@]}" start-deployment-group "$GROUP" >/dev/null
    [ -f "$EAR" ] || { say "missing $EAR: build first"; exit 1; }
    say "deploying SOP Desk to $GROUP"
    "${ASADMIN[@]}" deploy --force=true --name sopdesk --target "$GROUP" "$EAR" >/dev/null
    wait_instances
    for n in $(seq 1 "$INSTANCES"); do
      say "$(instance_name "$n"): http://localhost:$(instance_http "$n")/sopdesk/"
    done
    say "sandbox: http://localhost:$((SOPDESK_PORTBASE + 80))/qualitor-sandbox/   admin console: http://localhost:$ADMIN_PORT/"
    ;;
  down)
    if "$PAYARA_HOME/bin/asadmin" list-domains 2>/dev/null | grep -q "^$SOPDESK_DOMAIN running"; then
      stop_instances
    fi
    SOPDESK_UNDEPLOY_ON_DOWN=false "$root/scripts/payara.sh" down
    ;;
  kill)
    pid="$(instance_pid "${2:?instance name}")"
    [ -n "$pid" ] || { say "${2} is not running"; exit 1; }
    kill -9 "$pid"
    say "killed ${2} (pid $pid)"
    ;;
  start)
    "${ASADMIN[@]}" start-instance "${2:?instance name}" >/dev/null
    say "started ${2}"
    ;;
  db-stop|db-start)
    version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    SUDO=()
    [ "$(id -u)" = 0 ] || SUDO=(sudo -n)
    if [ "$1" = db-stop ]; then
      "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$version" main stop -m fast
    else
      "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$version" main start
    fi
    say "PostgreSQL $version main: ${1#db-}"
    ;;
  ports)
    for n in $(seq 1 "$INSTANCES"); do
      printf '%s %s\n' "$(instance_name "$n")" "$(instance_http "$n")"
    done
    ;;
  *)
    sed -n '2,22p' "$0"; exit 2 ;;
esac
