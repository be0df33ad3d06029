#!/usr/bin/env bash
# Provisions, configures and drives the Payara Server 6 that SOP Desk runs on (demo and tests).
#
#   scripts/payara.sh up     start the domain (creating it if needed), create the resources the
#                            application needs, deploy the Qualitor sandbox and the EAR, wait until
#                            the application answers. Safe to run again: it redeploys.
#   scripts/payara.sh down   stop the domain.
#
# Settings (environment):
#   PAYARA_HOME        Payara installation (default: it-tests/target/payara/payara6, unpacked by the build)
#   SOPDESK_DOMAIN     domain name (default domain1: http 8080, admin 4848)
#   SOPDESK_PORTBASE   port base for a new domain (http = base+80, admin = base+48); empty = Payara's defaults
#   SOPDESK_DEMO       true to load the demo users (default true)
#   SOPDESK_EAR, SOPDESK_SANDBOX_WAR   archives to deploy (default: the build's)
#   SOPDESK_SMTP_PORT  local SMTP sink for the mail session (default 2525)
#   SOPDESK_FRESH_DB   true to start from an empty database (only when the domain is not running)
#   SOPDESK_FAST_RETRY true to retry queued tickets every 2 s (the integration tests' setting)
#   SOPDESK_QUALITOR_MODE  stateless (default) or soap: how the application talks to Qualitor
#   SOPDESK_UNDEPLOY_ON_DOWN  true to undeploy the applications before stopping, so the next start
#                      loads nothing old against a fresh database (the integration tests' setting)
#   SOPDESK_HEAP       the server's maximum heap (default 1536m; the SLA benchmark runs with 512m)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYARA_HOME="${PAYARA_HOME:-$root/it-tests/target/payara/payara6}"
DOMAIN="${SOPDESK_DOMAIN:-domain1}"
PORTBASE="${SOPDESK_PORTBASE:-}"
DEMO="${SOPDESK_DEMO:-true}"
EAR="${SOPDESK_EAR:-$root/ear/target/sopdesk.ear}"
SANDBOX_WAR="${SOPDESK_SANDBOX_WAR:-$root/qualitor-sandbox/target/qualitor-sandbox.war}"
SMTP_PORT="${SOPDESK_SMTP_PORT:-2525}"

if [ -n "$PORTBASE" ]; then
  ADMIN_PORT=$((PORTBASE + 48)); HTTP_PORT=$((PORTBASE + 80))
else
  ADMIN_PORT=4848; HTTP_PORT=8080
fi
ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ADMIN_PORT")
say() { printf '[payara] %s\n' "$*"; }

require_payara() {
  if [ ! -x "$PAYARA_HOME/bin/asadmin" ]; then
    say "Payara is not at $PAYARA_HOME. Build first: ./mvnw -B install -DskipTests (it unpacks Payara from Maven Central)."
    exit 1
  fi
}

domain_running() {
  "$PAYARA_HOME/bin/asadmin" list-domains 2>/dev/null | grep -q "^$DOMAIN running"
}

start_domain() {
  if [ ! -d "$PAYARA_HOME/glassfish/domains/$DOMAIN" ]; then
    say "creating domain $DOMAIN (port base ${PORTBASE:-default})"
    "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword=true \
      ${PORTBASE:+--portbase "$PORTBASE"} "$DOMAIN" >/dev/null
  fi
  if domain_running; then
    say "domain $DOMAIN already running"
  else
    if [ "${SOPDESK_FRESH_DB:-false}" = true ]; then
      rm -f "$PAYARA_HOME/glassfish/domains/$DOMAIN/lib/databases/"sopdesk*
    fi
    say "starting domain $DOMAIN"
    "$PAYARA_HOME/bin/asadmin" start-domain "$DOMAIN" >/dev/null
    wait_loaded
  fi
}

# start-domain returns before the deployed applications have loaded; redeploying one that is still
# loading leaves it broken, so wait for those already deployed to answer first.
wait_loaded() {
  local apps
  apps="$("${ASADMIN[@]}" list-applications 2>/dev/null || true)"
  for _ in $(seq 1 120); do
    local pending=0
    if grep -q '^qualitor-sandbox ' <<<"$apps" && [ "$(http_code /qualitor-sandbox/)" = 404 ]; then pending=1; fi
    if grep -q '^sopdesk ' <<<"$apps" && [ "$(http_code /sopdesk/login.xhtml)" = 404 ]; then pending=1; fi
    [ "$pending" = 0 ] && return 0
    sleep 1
  done
}

http_code() {
  curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT$1" || true
}

configure() {
  local resources
  resources="$("${ASADMIN[@]}" list-jdbc-resources)"
  if ! grep -q '^jdbc/sopdesk$' <<<"$resources"; then
    say "creating JDBC resource jdbc/sopdesk (embedded H2)"
    "${ASADMIN[@]}" create-jdbc-connection-pool \
      --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource \
      --property 'URL=jdbc\:h2\:${com.sun.aas.instanceRoot}/lib/databases/sopdesk;AUTO_SERVER\=TRUE' \
      SopDeskPool >/dev/null
    "${ASADMIN[@]}" create-jdbc-resource --connectionpoolid SopDeskPool jdbc/sopdesk >/dev/null
  fi
  # prepared statements are reused per connection instead of parsed on every call
  "${ASADMIN[@]}" set resources.jdbc-connection-pool.SopDeskPool.statement-cache-size=64 >/dev/null
  if "${ASADMIN[@]}" list-javamail-resources | grep -q '^mail/sopdesk$' \
      && ! "${ASADMIN[@]}" get 'resources.mail-resource.mail/sopdesk.property.*' 2>/dev/null | grep -q "smtp.port=$SMTP_PORT\$"; then
    "${ASADMIN[@]}" delete-javamail-resource mail/sopdesk >/dev/null
  fi
  if ! "${ASADMIN[@]}" list-javamail-resources | grep -q '^mail/sopdesk$'; then
    say "creating mail session mail/sopdesk (localhost:$SMTP_PORT)"
    "${ASADMIN[@]}" create-javamail-resource --mailhost localhost --mailuser sopdesk \
      --fromaddress sopdesk@localhost --property "mail.smtp.port=$SMTP_PORT" mail/sopdesk >/dev/null
  fi
  # Enough request threads for agents and for the sandbox answering the application on the same
  # server (with Payara's default of 5, requests calling the sandbox starve it of threads). Takes
  # effect after a restart, done once below when the value changes.
  local pool=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
  if ! "${ASADMIN[@]}" get "$pool.max-thread-pool-size" | grep -q '=64$'; then
    "${ASADMIN[@]}" set "$pool.max-thread-pool-size=64" "$pool.min-thread-pool-size=8" >/dev/null
    RESTART=true
  fi
  # Payara's default heap (512 MB) leaves the collector busy once agents, the outbox and the
  # sandbox share the server; give it room (SOPDESK_HEAP; restart below, once, when it changes).
  local heap="-Xmx${SOPDESK_HEAP:-1536m}" current
  current="$("${ASADMIN[@]}" list-jvm-options | grep -x -- '-Xmx[0-9]*[kKmMgG]' | head -n 1 || true)"
  if [ "$current" != "$heap" ]; then
    if [ -n "$current" ]; then
      "${ASADMIN[@]}" delete-jvm-options -- "$current" >/dev/null
    fi
    "${ASADMIN[@]}" create-jvm-options -- "$heap" >/dev/null
    RESTART=true
  fi
  # Jakarta Security groups (the roles in the database) map to roles of the same name.
  "${ASADMIN[@]}" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true >/dev/null
  # SOP Desk sends CSP frame-ancestors (Qualitor may frame it); Payara's own X-Frame-Options: SAMEORIGIN would contradict it
  for listener in http-listener-1 http-listener-2; do
    "${ASADMIN[@]}" set "configs.config.server-config.network-config.protocols.protocol.$listener.http.xframe-options=false" >/dev/null
  done
  # MicroProfile Config for the connector and the demo profile (domain-wide config source).
  set_config qualitor.url "http://localhost:$HTTP_PORT/qualitor-sandbox"
  set_config qualitor.user integracao
  set_config qualitor.password "${SOPDESK_QUALITOR_PASSWORD:-sandbox}"
  set_config qualitor.company 1
  set_config qualitor.mode "${SOPDESK_QUALITOR_MODE:-stateless}"
  set_config sopdesk.demo "$DEMO"
  if [ "${SOPDESK_FAST_RETRY:-false}" = true ]; then
    # tests: retry queued tickets within seconds instead of minutes
    set_config sopdesk.outbox.drain-interval-seconds 2
    set_config sopdesk.outbox.max-backoff-seconds 2
    set_config br.com.sopdesk.qualitor.QualitorGateway/open/CircuitBreaker/delay 2000
    # SLA: scan every 5 s and read Qualitor every 5 s in a deadline's last ten minutes
    set_config sopdesk.sla.scan-interval-seconds 5
    set_config sopdesk.sla.sync.last-seconds 5
    # tests: login throttle windows of seconds, and a second origin allowed to frame the pages
    set_config sopdesk.login.window-seconds 20
    set_config sopdesk.login.max-failures-per-address 12
    set_config sopdesk.embed.origins "http://127.0.0.1:$HTTP_PORT"
  else
    set_config sopdesk.outbox.drain-interval-seconds 15
    set_config sopdesk.outbox.max-backoff-seconds 300
    set_config br.com.sopdesk.qualitor.QualitorGateway/open/CircuitBreaker/delay 10000
    set_config sopdesk.sla.scan-interval-seconds 20
    set_config sopdesk.sla.sync.last-seconds 60
    set_config sopdesk.login.window-seconds 900
    set_config sopdesk.login.max-failures-per-address 30
  fi
  set_config sopdesk.sla.dashboard-url "http://localhost:$HTTP_PORT/sopdesk/supervisor/"
}

set_config() {
  "${ASADMIN[@]}" set-config-property --source=domain --propertyName="$1" --propertyValue="$2" >/dev/null
}

deploy() {
  [ -f "$SANDBOX_WAR" ] || { say "missing $SANDBOX_WAR: build first"; exit 1; }
  [ -f "$EAR" ] || { say "missing $EAR: build first"; exit 1; }
  say "deploying the Qualitor sandbox"
  "${ASADMIN[@]}" deploy --force=true --name qualitor-sandbox --contextroot qualitor-sandbox "$SANDBOX_WAR" >/dev/null
  say "deploying SOP Desk"
  "${ASADMIN[@]}" deploy --force=true --name sopdesk "$EAR" >/dev/null
}

wait_ready() {
  local url="http://localhost:$HTTP_PORT/sopdesk/login.xhtml"
  for _ in $(seq 1 90); do
    if curl -fsS -o /dev/null "$url"; then
      return 0
    fi
    sleep 1
  done
  say "SOP Desk did not answer at $url; see $PAYARA_HOME/glassfish/domains/$DOMAIN/logs/server.log"
  exit 1
}

case "${1:-}" in
  up)
    require_payara
    start_domain
    RESTART=false
    configure
    if [ "$RESTART" = true ]; then
      say "restarting domain $DOMAIN for the new thread pool and heap"
      "$PAYARA_HOME/bin/asadmin" restart-domain "$DOMAIN" >/dev/null
      wait_loaded
    fi
    deploy
    wait_ready
    say "SOP Desk: http://localhost:$HTTP_PORT/sopdesk/   (sandbox: http://localhost:$HTTP_PORT/qualitor-sandbox/, admin console: http://localhost:$ADMIN_PORT/)"
    ;;
  down)
    require_payara
    if domain_running; then
      if [ "${SOPDESK_UNDEPLOY_ON_DOWN:-false}" = true ]; then
        "${ASADMIN[@]}" undeploy sopdesk >/dev/null 2>&1 || true
        "${ASADMIN[@]}" undeploy qualitor-sandbox >/dev/null 2>&1 || true
      fi
      "$PAYARA_HOME/bin/asadmin" stop-domain "$DOMAIN" >/dev/null
      say "domain $DOMAIN stopped"
    else
      say "domain $DOMAIN is not running"
    fi
    ;;
  *)
    sed -n '2,19p' "$0"; exit 2 ;;
esac
