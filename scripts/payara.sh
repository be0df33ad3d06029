#!/usr/bin/env bash
# Provisions, configures and drives the Payara Server 6 that SOP Desk runs on (demo and tests).
#
#   scripts/payara.sh up     start the domain (creating it if needed), create the resources the
#                            application needs, deploy the Qualitor sandbox and the EAR, wait until
#                            the application answers. Safe to run again: it redeploys.
#   scripts/payara.sh down   stop the domain.
#
# Settings (environment):
#   PAYARA_HOME        Payara installation (default: runtime/target/payara/payara6, unpacked by the build)
#   SOPDESK_DOMAIN     domain name (default domain1: http 8080, admin 4848)
#   SOPDESK_PORTBASE   port base for a new domain (http = base+80, admin = base+48, the sandbox's own
#                      listener = base+90, the SMTP sink = base+25); empty = Payara's defaults (8080,
#                      4848; the sandbox's 8090, the SMTP sink 2525)
#   SOPDESK_DEMO       true to load the demo users (default true)
#   SOPDESK_EAR, SOPDESK_SANDBOX_WAR   archives to deploy (default: the build's)
#   SOPDESK_DEPLOY_EAR false to deploy only the sandbox and leave SOP Desk to whoever deploys it (the
#                      integration tests: Arquillian deploys the EAR with their test module added);
#                      default true
#   SOPDESK_SMTP_PORT  local SMTP sink for the mail session (default 2525, or base+25 with a port base)
#   SOPDESK_SMTP_TIMEOUT_MS  connect, read and write timeouts of the mail session, in ms (default
#                      10000), so a hung SMTP server cannot hold the SLA alert deliveries
#   SOPDESK_FRESH_DB   true to start from an empty database (only when the domain is not running)
#   SOPDESK_FRESH_JVM  true to stop a domain already running first, so the server starts afresh (and
#                      on an empty database with SOPDESK_FRESH_DB): the benchmarks' setting
#   SOPDESK_FAST_RETRY true for the integration tests' domain: the MicroProfile Config profile "test"
#                      (product time movable through api/admin/test/clock) and short container times
#                      (retry every 2 s, SLA scans every 5 s, session idle of seconds)
#   SOPDESK_FRAMED     true for the framed demo: Qualitor's stand-in ticket screen on https://127.0.0.1
#                      frames SOP Desk on https://localhost (another site), over Payara's HTTPS
#                      listener (base+81, 8181 by default) with the domain's self-signed certificate
#   SOPDESK_QUALITOR_MODE  stateless (default) or soap: how the application talks to Qualitor
#   SOPDESK_INBOUND_SECRET  the secret Qualitor's calls to SOP Desk carry (default: the demo's,
#                      qualitor-demo-inbound-secret); kept as the password alias
#                      sopdesk-qualitor-inbound-secret, which the sandbox's callback uses too
#   SOPDESK_QUALITOR_PASSWORD  the Qualitor integration password (default: the sandbox's); kept as the
#                      password alias sopdesk-qualitor-password, never in clear in domain.xml
#   SOPDESK_UNDEPLOY_ON_DOWN  true to undeploy the applications before stopping, so the next start
#                      loads nothing old against a fresh database (the integration tests' setting)
#   SOPDESK_HEAP       the server's maximum heap (default 1536m; the SLA benchmark runs with 512m)
#   SOPDESK_COMPILER_THREADS  the JVM's JIT compiler threads (default 4; the JVM alone picks 2 on two cores)
#   SOPDESK_JIT_TIER   the JIT's top tier (1 = C1 only, the test domains; default: the JVM's own)
#   SOPDESK_GC         the garbage collector's option, e.g. -XX:+UseZGC (default: the JVM's own, G1)
#   SOPDESK_QUALITOR_URL  Qualitor's address (default: the sandbox on this domain's sandbox listener);
#                      the Qualitor path benchmark runs the sandbox in a domain of its own
#   SOPDESK_DB         h2 (default: Payara's embedded H2 in the domain) or postgresql
#   SOPDESK_DB_URL     PostgreSQL JDBC URL (default jdbc:postgresql://localhost:5432/sopdesk)
#   SOPDESK_DB_USER    PostgreSQL user (default sopdesk)
#   SOPDESK_DB_PASSWORD  its password (required with postgresql; kept in the domain as the password
#                      alias sopdesk-db-password, never in clear in domain.xml nor in the repository)
#   SOPDESK_PG_DRIVER  PostgreSQL JDBC driver jar (default: the build's runtime/target/jdbc/postgresql.jar)
#   SOPDESK_TARGET     where SOP Desk runs (default server, the domain's own server); scripts/cluster.sh
#                      sets a deployment group, whose instances share the configuration SOPDESK_CONFIG
#   SOPDESK_CONFIG     the configuration SOP Desk's settings go to (default server-config)
#   SOPDESK_SANDBOX_HOST  true when the domain's server only hosts the Qualitor sandbox for a
#                      deployment group (scripts/cluster.sh): up then sets up the sandbox's listener
#                      and deploys it, with no restart; SOP Desk's settings go to the group's configuration
#
#   scripts/payara.sh configure   only the resources and settings, for SOPDESK_TARGET (cluster.sh)
#   scripts/payara.sh create      only create the domain when it is missing (./sopdesk run does it
#                                 while the build runs)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYARA_HOME="${PAYARA_HOME:-$root/runtime/target/payara/payara6}"
DOMAIN="${SOPDESK_DOMAIN:-domain1}"
PORTBASE="${SOPDESK_PORTBASE:-}"
DEMO="${SOPDESK_DEMO:-true}"
EAR="${SOPDESK_EAR:-$root/ear/target/sopdesk.ear}"
SANDBOX_WAR="${SOPDESK_SANDBOX_WAR:-$root/qualitor-sandbox/target/qualitor-sandbox.war}"
DEPLOY_EAR="${SOPDESK_DEPLOY_EAR:-true}"
SMTP_TIMEOUT_MS="${SOPDESK_SMTP_TIMEOUT_MS:-10000}"
DB="${SOPDESK_DB:-h2}"
DB_URL="${SOPDESK_DB_URL:-jdbc:postgresql://localhost:5432/sopdesk}"
DB_USER="${SOPDESK_DB_USER:-sopdesk}"
PG_DRIVER="${SOPDESK_PG_DRIVER:-$root/runtime/target/jdbc/postgresql.jar}"
DOMAINS="${SOPDESK_DOMAINS:-$PAYARA_HOME/glassfish/domains}"
DOMAIN_DIR="$DOMAINS/$DOMAIN"
# what the last successful up applied, so that an up run again with nothing changed skips it
STAMPS="$DOMAIN_DIR/config/sopdesk-up"
TARGET="${SOPDESK_TARGET:-server}"
CONFIG="${SOPDESK_CONFIG:-server-config}"
case "$DB" in
  h2|postgresql) ;;
  *) printf '[payara] SOPDESK_DB must be h2 or postgresql, not %s\n' "$DB"; exit 2 ;;
esac

if [ -n "$PORTBASE" ]; then
  ADMIN_PORT=$((PORTBASE + 48)); HTTP_PORT=$((PORTBASE + 80)); HTTPS_PORT=$((PORTBASE + 81)); SANDBOX_PORT=$((PORTBASE + 90)); SMTP_PORT=$((PORTBASE + 25))
else
  ADMIN_PORT=4848; HTTP_PORT=8080; HTTPS_PORT=8181; SANDBOX_PORT=8090; SMTP_PORT=2525
fi
SMTP_PORT="${SOPDESK_SMTP_PORT:-$SMTP_PORT}"
ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ADMIN_PORT")
say() { printf '[payara] %s\n' "$*"; }

# Settings are queued and sent in one asadmin session (multimode) at the end of configure: each
# asadmin call starts a JVM (about half a second of CPU), and configure makes some fifty. Reads stay
# single calls; a read that must see a queued change comes after flush.
BATCH="$(mktemp)"
trap 'rm -f "$BATCH"' EXIT
queue() {
  local line="" a
  for a in "$@"; do
    # multimode splits its lines like a shell: each word in double quotes, backslashes doubled
    a="${a//\\/\\\\}"
    line+=" \"${a//\"/\\\"}\""
  done
  printf '%s\n' "${line# }" >>"$BATCH"
}
flush() {
  [ -s "$BATCH" ] || return 0
  local out
  out="$("${ASADMIN[@]}" multimode --file "$BATCH" 2>&1 || true)"
  if grep -q '^Command .* failed\.$' <<<"$out" || ! grep -q '^Command multimode executed successfully\.$' <<<"$out"; then
    say "asadmin refused a setting:"
    grep -v '^Unable to retrieve infocmp' <<<"$out" >&2
    exit 1
  fi
  if grep -q '^Command multimode completed with warnings\.$' <<<"$out"; then
    grep -i 'warning' <<<"$out" | sed 's/^/[payara] asadmin: /'
  fi
  : >"$BATCH"
}

require_payara() {
  if [ ! -x "$PAYARA_HOME/bin/asadmin" ]; then
    say "Payara is not at $PAYARA_HOME. Build first: ./mvnw -B package -DskipTests -DskipITs (it unpacks Payara from Maven Central)."
    exit 1
  fi
}

domain_running() {
  "$PAYARA_HOME/bin/asadmin" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep -q "^$DOMAIN running"
}

create_domain() {
  if [ ! -d "$DOMAIN_DIR" ]; then
    say "creating domain $DOMAIN (port base ${PORTBASE:-default})"
    mkdir -p "$DOMAINS"
    "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword=true --domaindir "$DOMAINS" \
      ${PORTBASE:+--portbase "$PORTBASE"} "$DOMAIN" >/dev/null
    if [ "$CONFIG" = server-config ] && [ "${SOPDESK_SANDBOX_HOST:-false}" != true ]; then
      preseed
    fi
  fi
}

start_domain() {
  create_domain
  if [ "${SOPDESK_FRESH_JVM:-false}" = true ] && domain_running; then
    say "domain $DOMAIN is running: stopping it, so the server starts afresh"
    stop_domain
  fi
  if domain_running; then
    say "domain $DOMAIN already running"
    # a driver copied into a running domain is seen after the restart below
    if [ "$DB" = postgresql ] && install_pg_driver; then RESTART=true; fi
  else
    if [ "$DB" = postgresql ]; then
      install_pg_driver || true
    fi
    if [ "${SOPDESK_FRESH_DB:-false}" = true ]; then
      fresh_database
    fi
    say "starting domain $DOMAIN"
    "$PAYARA_HOME/bin/asadmin" start-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
    wait_listening
    wait_loaded
  fi
}

# A new domain gets the JVM options and request threads configure wants before its first start, so
# that it need not restart for them (some 15 s); configure then finds them set. Payara's template is
# known: its server-config has one <java-config> and one http-thread-pool line.
preseed() {
  local xml="$DOMAIN_DIR/config/domain.xml" opts
  opts="-Xmx${SOPDESK_HEAP:-1536m}
-XX:CICompilerCount=${SOPDESK_COMPILER_THREADS:-4}
-Dproduct.name=
-Djava.io.tmpdir=$DOMAIN_DIR/tmp
${SOPDESK_JIT_TIER:+-XX:TieredStopAtLevel=$SOPDESK_JIT_TIER}"
  awk -v opts="$opts" '
    /<config name="server-config"/ { inside = 1 }
    inside && /<\/config>/ { inside = 0 }
    inside && /<jvm-options>-Xmx[0-9]+[kKmMgG]<\/jvm-options>/ { next }
    inside && /<thread-pool name="http-thread-pool"/ && !/max-thread-pool-size/ {
      sub(/name="http-thread-pool"/, "name=\"http-thread-pool\" max-thread-pool-size=\"64\" min-thread-pool-size=\"8\"")
    }
    { print }
    inside && /<java-config / {
      n = split(opts, o, "\n")
      for (i = 1; i <= n; i++) if (o[i] != "") printf "                <jvm-options>%s</jvm-options>\n", o[i]
    }
  ' "$xml" >"$xml.new"
  mv "$xml.new" "$xml"
  mkdir -p "$DOMAIN_DIR/tmp"
}

# Copies the PostgreSQL JDBC driver into the domain's lib (loaded at the domain's start); true when
# it copied it (a running domain must restart to see it).
install_pg_driver() {
  if [ ! -f "$PG_DRIVER" ]; then
    say "PostgreSQL JDBC driver not found at $PG_DRIVER: build first (./mvnw -B package -DskipTests -DskipITs) or set SOPDESK_PG_DRIVER"
    exit 1
  fi
  if cmp -s "$PG_DRIVER" "$DOMAIN_DIR/lib/postgresql.jar"; then
    return 1
  fi
  say "installing the PostgreSQL JDBC driver into domain $DOMAIN"
  cp "$PG_DRIVER" "$DOMAIN_DIR/lib/postgresql.jar"
}

require_db_password() {
  if [ -z "${SOPDESK_DB_PASSWORD:-}" ]; then
    say "SOPDESK_DB=postgresql needs the database password in SOPDESK_DB_PASSWORD"
    exit 1
  fi
}

# Starts from an empty database (tests only): the embedded H2 files are removed; on PostgreSQL
# everything the user owns in the database (tables, sequences, Flyway's history) is dropped.
fresh_database() {
  if [ "$DB" = h2 ]; then
    rm -f "$DOMAIN_DIR/lib/databases/"sopdesk*
    return
  fi
  command -v psql >/dev/null || { say "psql (Debian package postgresql-client) is needed to empty the test database"; exit 1; }
  require_db_password
  local uri="${DB_URL#jdbc:}"
  case "$uri" in
    postgresql://*) ;;
    *) say "SOPDESK_DB_URL must look like jdbc:postgresql://host:port/database, not $DB_URL"; exit 1 ;;
  esac
  say "emptying the PostgreSQL database ${uri#postgresql://} (objects owned by $DB_USER)"
  PGUSER="$DB_USER" PGPASSWORD="$SOPDESK_DB_PASSWORD" PGCONNECT_TIMEOUT=10 \
    psql -X -q -v ON_ERROR_STOP=1 "$uri" -c 'DROP OWNED BY CURRENT_USER CASCADE' >/dev/null
}

stop_domain() {
  if [ "${SOPDESK_UNDEPLOY_ON_DOWN:-false}" = true ]; then
    "${ASADMIN[@]}" undeploy sopdesk >/dev/null 2>&1 || true
    "${ASADMIN[@]}" undeploy qualitor-sandbox >/dev/null 2>&1 || true
  fi
  "$PAYARA_HOME/bin/asadmin" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
  say "domain $DOMAIN stopped"
}

# start-domain returns before the deployed applications have loaded; redeploying one that is still
# loading leaves it broken, so wait for those already deployed to answer first.
wait_loaded() {
  local apps
  apps="$(deployed_apps)"
  for _ in $(seq 1 120); do
    local pending=0
    if grep -q '^qualitor-sandbox ' <<<"$apps" && [ "$(http_code /qualitor-sandbox/)" = 404 ]; then pending=1; fi
    if grep -q '^sopdesk ' <<<"$apps" && [ "$(http_code /sopdesk/login.xhtml)" = 404 ]; then pending=1; fi
    [ "$pending" = 0 ] && return 0
    sleep 1
  done
}

# Payara sometimes starts with a listener that never serves: the domain runs, its log says "Error
# adding HttpProbes. NetworkListener http-listener-1s GrizzlyProxy is NULL", and its port refuses
# every connection (a CI pass lost all its tests to it; another lost FramedDeskIT's to the HTTPS
# listener, http-listener-2). A restart brings the listener up.
wait_listening() {
  local try
  for try in 1 2 3; do
    if port_answers "$HTTP_PORT" 90 && port_answers "$HTTPS_PORT" 30 https \
        && { ! sandbox_listener_configured || port_answers "$SANDBOX_PORT" 30; }; then
      return 0
    fi
    [ "$try" = 3 ] && break
    say "a listener of domain $DOMAIN does not answer (Payara's startup race): restarting the domain ($try of 2)"
    "$PAYARA_HOME/bin/asadmin" restart-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
    wait_loaded
  done
  say "domain $DOMAIN runs but does not answer on port $HTTP_PORT, $HTTPS_PORT or $SANDBOX_PORT; see $DOMAIN_DIR/logs/server.log"
  exit 1
}

# true when something answers on 127.0.0.1:$1 (any status) within $2 seconds, over HTTP or $3
# (https: the domain's self-signed certificate is accepted)
port_answers() {
  local _
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -k -o /dev/null -m 5 -w '%{http_code}' "${3:-http}://127.0.0.1:$1/" || true)" != 000 ] && return 0
    sleep 1
  done
  return 1
}

sandbox_listener_configured() {
  grep -q '<network-listener [^>]*name="sandbox-listener"' "$DOMAIN_DIR/config/domain.xml" 2>/dev/null
}

http_code() {
  curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT$1" || true
}

# The value of one attribute of the domain's configuration, empty when it is not set.
get_attr() {
  { "${ASADMIN[@]}" get "$1" 2>/dev/null || true; } | sed -n "s|^$1=||p" | head -1
}

# jdbc/sopdesk on the database SOPDESK_DB chooses. A pool set up for another database (or another
# PostgreSQL URL or user) is replaced, so one domain can switch between H2 and PostgreSQL.
configure_database() {
  local pool=resources.jdbc-connection-pool.SopDeskPool want_class have_class have_url have_user
  if [ "$DB" = postgresql ]; then
    require_db_password
    want_class=org.postgresql.ds.PGSimpleDataSource
    # the password lives in the domain's password-alias store, referenced from the pool
    password_alias sopdesk-db-password "$SOPDESK_DB_PASSWORD"
  else
    want_class=org.h2.jdbcx.JdbcDataSource
  fi
  # Embedded H2: its background compaction starts when the file's chunks fall below this fill rate.
  # At H2's default (90) the ticket rows, updated three times each, keep a writer thread rewriting
  # chunks under load (docs/operations.md). At 50 the file holds at most about twice the live data.
  local h2_url='jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/sopdesk;AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=50'
  have_class="$(get_attr "$pool.datasource-classname")"
  if [ -n "$have_class" ]; then
    have_url="$(get_attr "$pool.property.URL")"
    have_user="$(get_attr "$pool.property.user")"
    if [ "$have_class" != "$want_class" ] || { [ "$DB" = postgresql ] && { [ "$have_url" != "$DB_URL" ] || [ "$have_user" != "$DB_USER" ]; }; } \
        || { [ "$DB" != postgresql ] && [ "$have_url" != "$h2_url" ]; }; then
      say "replacing JDBC resource jdbc/sopdesk ($have_class ${have_url:-}) for $DB"
      queue delete-jdbc-connection-pool --cascade=true SopDeskPool
      have_class=
    fi
  fi
  if [ -z "$have_class" ]; then
    if [ "$DB" = postgresql ]; then
      say "creating JDBC resource jdbc/sopdesk (PostgreSQL $DB_URL, user $DB_USER)"
      queue create-jdbc-connection-pool \
        --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
        --isconnectvalidatereq=true --validationmethod custom-validation \
        --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
        --property "URL=$(asadmin_escape "$DB_URL"):user=$(asadmin_escape "$DB_USER"):password=\${ALIAS\=sopdesk-db-password}" \
        SopDeskPool
    else
      say "creating JDBC resource jdbc/sopdesk (embedded H2)"
      queue create-jdbc-connection-pool \
        --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource \
        --property "URL=$(asadmin_escape "$h2_url")" \
        SopDeskPool
    fi
  fi
  # deleting the pool (cascade) took its resource along
  if [ -z "$have_class" ] || ! "${ASADMIN[@]}" list-jdbc-resources | grep -q '^jdbc/sopdesk$'; then
    queue create-jdbc-resource --connectionpoolid SopDeskPool jdbc/sopdesk
  fi
  resource_ref jdbc/sopdesk "$([ -z "$have_class" ] && echo new)"
}

# A resource created for the domain's server is referenced from SOPDESK_TARGET too (a deployment
# group); "new" when the resource is (re)created in this run's queue, so no reference exists yet.
resource_ref() {
  [ "$TARGET" != server ] || return 0
  if [ "${2:-}" = new ] || ! "${ASADMIN[@]}" list-resource-refs "$TARGET" | grep -qx "$1"; then
    queue create-resource-ref --target "$TARGET" "$1"
  fi
}

# Keeps a secret in the domain's password-alias store (encrypted), never in domain.xml: created, or
# updated when it exists. domain.xml then only says ${ALIAS=name}.
password_alias() {
  local pwfile
  pwfile="$(mktemp)"
  chmod 600 "$pwfile"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" >"$pwfile"
  if "${ASADMIN[@]}" list-password-aliases 2>/dev/null | grep -qx "$1"; then
    "${ASADMIN[@]}" --passwordfile "$pwfile" update-password-alias "$1" >/dev/null
  else
    "${ASADMIN[@]}" --passwordfile "$pwfile" create-password-alias "$1" >/dev/null
  fi
  rm -f "$pwfile"
}

# asadmin's --property syntax: ':' and '=' inside a value are escaped with a backslash
asadmin_escape() {
  local v="${1//\\/\\\\}"
  v="${v//:/\\:}"
  printf '%s' "${v//=/\\=}"
}

# Sets the domain's JVM option that matches a pattern (grep -x) to the one wanted, or removes it
# when none is wanted; the domain restarts once at the end of configure when one changed. asadmin
# splits options at ':', so colons are escaped.
jvm_option() {
  local pattern="$1" wanted="$2" current
  current="$(grep -x -- "$pattern" <<<"$JVM_OPTIONS" | head -n 1 || true)"
  if [ "$current" != "$wanted" ]; then
    if [ -n "$current" ]; then
      queue delete-jvm-options --target "$CONFIG" -- "${current//:/\\:}"
    fi
    if [ -n "$wanted" ]; then
      queue create-jvm-options --target "$CONFIG" -- "${wanted//:/\\:}"
    fi
    RESTART=true
  fi
}

# The sandbox stands in for a Qualitor on another machine: the application reaches it on a
# listener with its own threads (SANDBOX_PORT; it also answers on HTTP_PORT). With one pool,
# more submissions in flight than request threads (an open-loop load) held every thread waiting
# for the sandbox, whose answers then waited for a free thread until the read timeout. The
# listener takes effect at once, without a restart.
sandbox_listener() {
  local listener=configs.config.server-config.network-config.network-listeners.network-listener.sandbox-listener
  if [ -z "$(get_attr "$listener.port")" ]; then
    # created with its thread pool in one step: a listener created and then given another pool at
    # once (one asadmin session) restarts while it starts, and sometimes stays down (Payara logs
    # "GrizzlyProxy is NULL"; the group's instances then could not reach the sandbox)
    queue create-threadpool --maxthreadpoolsize 32 --minthreadpoolsize 4 sandbox-thread-pool
    queue create-protocol sandbox-listener
    queue create-http --default-virtual-server server sandbox-listener
    queue create-network-listener --address 127.0.0.1 --listenerport "$SANDBOX_PORT" --protocol sandbox-listener \
      --threadpool sandbox-thread-pool sandbox-listener
  fi
}

configure() {
  JVM_OPTIONS="$("${ASADMIN[@]}" list-jvm-options --target "$CONFIG")"
  configure_database
  # prepared statements are reused per connection instead of parsed on every call
  queue set resources.jdbc-connection-pool.SopDeskPool.statement-cache-size=64
  # the mail session is recreated when its port or its timeouts differ from the wanted ones
  local mail_props mail=missing
  if "${ASADMIN[@]}" list-javamail-resources | grep -q '^mail/sopdesk$'; then
    mail_props="$("${ASADMIN[@]}" get 'resources.mail-resource.mail/sopdesk.property.*' 2>/dev/null || true)"
    if grep -q "smtp.port=$SMTP_PORT\$" <<<"$mail_props" \
        && grep -q "smtp.timeout=$SMTP_TIMEOUT_MS\$" <<<"$mail_props" \
        && grep -q "smtp.connectiontimeout=$SMTP_TIMEOUT_MS\$" <<<"$mail_props" \
        && grep -q "smtp.writetimeout=$SMTP_TIMEOUT_MS\$" <<<"$mail_props"; then
      mail=kept
    else
      queue delete-javamail-resource mail/sopdesk
    fi
  fi
  if [ "$mail" = missing ]; then
    say "creating mail session mail/sopdesk (localhost:$SMTP_PORT, timeouts $SMTP_TIMEOUT_MS ms)"
    queue create-javamail-resource --mailhost localhost --mailuser sopdesk \
      --fromaddress sopdesk@localhost \
      --property "mail.smtp.port=$SMTP_PORT:mail.smtp.timeout=$SMTP_TIMEOUT_MS:mail.smtp.connectiontimeout=$SMTP_TIMEOUT_MS:mail.smtp.writetimeout=$SMTP_TIMEOUT_MS" \
      mail/sopdesk
  fi
  resource_ref mail/sopdesk "$([ "$mail" != kept ] && echo new)"
  # Enough request threads for agents and for the sandbox answering the application on the same
  # server (with Payara's default of 5, requests calling the sandbox starve it of threads). Takes
  # effect after a restart, done once below when the value changes.
  local pool=configs.config.$CONFIG.thread-pools.thread-pool.http-thread-pool
  if ! "${ASADMIN[@]}" get "$pool.max-thread-pool-size" | grep -q '=64$'; then
    queue set "$pool.max-thread-pool-size=64" "$pool.min-thread-pool-size=8"
    RESTART=true
  fi
  sandbox_listener
  # Payara's default heap (512 MB) leaves the collector busy once agents, the outbox and the
  # sandbox share the server; give it room (SOPDESK_HEAP; restart below, once, when it changes).
  jvm_option '-Xmx[0-9]*[kKmMgG]' "-Xmx${SOPDESK_HEAP:-1536m}"
  # JIT compiler threads (SOPDESK_COMPILER_THREADS, restart once when it changes). On two cores the
  # JVM's default is one C1 and one C2 thread, and under load the C2 thread falls behind the request
  # threads, so the server runs on slower, profiling code for long (docs/operations.md). More compiler
  # threads finish that sooner; they are started only while the queue is long and cost nothing after.
  jvm_option '-XX:CICompilerCount=[0-9]*' "-XX:CICompilerCount=${SOPDESK_COMPILER_THREADS:-4}"
  # The JIT's top tier (SOPDESK_JIT_TIER): unset, the JVM's own (C2); 1 stops at C1, for the test
  # domains, which live a few minutes and ran C2's compilations for code they would not run long (on
  # two cores shared by two test passes, CPU the tests need).
  jvm_option '-XX:TieredStopAtLevel=[0-9]' "${SOPDESK_JIT_TIER:+-XX:TieredStopAtLevel=$SOPDESK_JIT_TIER}"
  # The garbage collector (SOPDESK_GC; restart once when it changes): unset, the JVM's own (G1 here).
  # docs/operations.md says which one production should run and why.
  jvm_option '-XX:+Use[A-Za-z0-9]*GC' "${SOPDESK_GC:-}"
  # Jakarta Security groups (the roles in the database) map to roles of the same name.
  queue set "configs.config.$CONFIG.security-service.activate-default-principal-to-role-mapping=true"
  # SOP Desk sends CSP frame-ancestors (Qualitor may frame it); Payara's own X-Frame-Options: SAMEORIGIN would contradict it.
  # No Server / X-Powered-By headers: they name the server, its version and the JVM.
  for listener in http-listener-1 http-listener-2; do
    local http="configs.config.$CONFIG.network-config.protocols.protocol.$listener.http"
    queue set "$http.xframe-options=false" "$http.server-header=false" "$http.xpowered-by=false"
  done
  # Payara's own error pages (outside SOP Desk, e.g. /nothing) without the product name and version (after a restart)
  jvm_option '-Dproduct\.name=.*' '-Dproduct.name='
  # A temporary folder of the domain's own (restart once when it changes). Payara's admin REST saves
  # an uploaded archive as java.io.tmpdir/<its file name>, /tmp/sopdesk.ear for every domain on the
  # machine, and removes it later: two domains deploying (the H2 and PostgreSQL test passes at once)
  # took each other's EAR, and a deployment failed at its end with "File source doesn't exist".
  if [ "$CONFIG" = server-config ]; then
    mkdir -p "$DOMAIN_DIR/tmp"
    jvm_option '-Djava\.io\.tmpdir=.*' "-Djava.io.tmpdir=$DOMAIN_DIR/tmp"
  fi
  # MicroProfile endpoints: /health stays anonymous (load balancers; SOP Desk's checks say only up or down);
  # /openapi is not used and would list every endpoint to anyone, so it is off; /metrics stays open here
  # because the SLA benchmark samples the heap from it over plain HTTP (docs/operations.md).
  queue set-openapi-configuration --target "$CONFIG" --enabled=false
  # MicroProfile Config for the connector and the demo profile (domain-wide config source).
  set_config qualitor.url "${SOPDESK_QUALITOR_URL:-http://localhost:$SANDBOX_PORT/qualitor-sandbox}"
  set_config qualitor.user integracao
  # the integration password goes into the password-alias store; the config property only names it
  # (MicroProfile Config resolves ${ALIAS=...} in Payara's domain config source)
  password_alias sopdesk-qualitor-password "${SOPDESK_QUALITOR_PASSWORD:-sandbox}"
  set_config qualitor.password '${ALIAS=sopdesk-qualitor-password}'
  set_config qualitor.company 1
  set_config qualitor.mode "${SOPDESK_QUALITOR_MODE:-stateless}"
  # the sandbox's reference demands (one per category the shipped SOPs use) and customer, which the
  # administrator's setup check reads to learn Qualitor's names for the codes
  set_config qualitor.check.reference-demands "1000,1001,1002,1003,1004"
  set_config qualitor.check.reference-customer "04.252.011/0001-10"
  set_config sopdesk.demo "$DEMO"
  # Qualitor's service flow announces a demand's change (docs/qualitor-inbound.md): the integration's
  # secret, kept as a password alias, and the sandbox calling SOP Desk with it when its demands change
  # (on this server only: in a deployment group the sandbox's server does not run SOP Desk)
  password_alias sopdesk-qualitor-inbound-secret "${SOPDESK_INBOUND_SECRET:-qualitor-demo-inbound-secret}"
  set_config sopdesk.qualitor.inbound.secret '${ALIAS=sopdesk-qualitor-inbound-secret}'
  set_config sandbox.callback.secret '${ALIAS=sopdesk-qualitor-inbound-secret}'
  if [ "$TARGET" = server ]; then
    set_config sandbox.callback.url "http://localhost:$HTTP_PORT/sopdesk/api/qualitor/demand-changed"
  else
    delete_config sandbox.callback.url
  fi
  if [ "${SOPDESK_FAST_RETRY:-false}" = true ]; then
    # the test profile: the tests move product time (SLA deadlines, back-off, throttle windows) through
    # api/admin/test/clock instead of sleeping; the product refuses a movable clock in any other profile.
    # What is set below are container times the product does not own, set short instead.
    set_config mp.config.profile test
    # tests: retry queued tickets within seconds instead of minutes
    set_config sopdesk.outbox.drain-interval-seconds 2
    set_config sopdesk.outbox.max-backoff-seconds 2
    set_config br.com.sopdesk.qualitor.control.QualitorCalls/open/CircuitBreaker/delay 2000
    # SLA: scan every 5 s and read Qualitor every 5 s in a deadline's last ten minutes
    set_config sopdesk.sla.scan-interval-seconds 5
    set_config sopdesk.sla.sync.last-seconds 5
    # tests: login throttle windows of seconds, and a second origin allowed to frame the pages
    set_config sopdesk.login.window-seconds 20
    set_config sopdesk.login.max-failures-per-address 12
    # tests: the test client stands in for the reverse proxy, so each test can guess from its own address
    set_config sopdesk.client-address.header X-Forwarded-For
    set_config sopdesk.client-address.trusted-proxies "127.0.0.1,0:0:0:0:0:0:0:1,::1"
    # ... over HTTP and, as Qualitor on another site over HTTPS, the sandbox's ticket screen (FramedDeskIT)
    set_config sopdesk.embed.origins "http://127.0.0.1:$HTTP_PORT https://127.0.0.1:$HTTPS_PORT"
    set_config sopdesk.session.same-site None
    # tests: sessions an API sign-in creates idle out within seconds (AccessMatrixIT watches one go)
    set_config sopdesk.api.session-idle-seconds 5
  else
    delete_config mp.config.profile
    set_config sopdesk.outbox.drain-interval-seconds 15
    set_config sopdesk.outbox.max-backoff-seconds 300
    set_config br.com.sopdesk.qualitor.control.QualitorCalls/open/CircuitBreaker/delay 10000
    set_config sopdesk.sla.scan-interval-seconds 20
    set_config sopdesk.sla.sync.last-seconds 60
    set_config sopdesk.login.window-seconds 900
    set_config sopdesk.login.max-failures-per-address 30
    delete_config sopdesk.client-address.header
    delete_config sopdesk.client-address.trusted-proxies
    set_config sopdesk.api.session-idle-seconds 300
    if [ "${SOPDESK_FRAMED:-false}" = true ]; then
      # the framed demo (docs/framing.md): the sandbox's ticket screen on 127.0.0.1 frames SOP Desk on localhost
      set_config sopdesk.embed.origins "https://127.0.0.1:$HTTPS_PORT"
      set_config sopdesk.session.same-site None
    else
      delete_config sopdesk.embed.origins
      delete_config sopdesk.session.same-site
    fi
  fi
  set_config sopdesk.sla.dashboard-url "http://localhost:$HTTP_PORT/sopdesk/supervisor/"
  flush
}

set_config() {
  queue set-config-property --source=domain --propertyName="$1" --propertyValue="$2"
}

# deleting a property that is not set succeeds
delete_config() {
  queue delete-config-property --source=domain --propertyName="$1"
}

# The stamp an up left for $1 (config: the settings; an application's name: its archive), and its
# check: a fresh database is never taken as unchanged.
stamp_of() { sed -n "s|^$1 ||p" "$STAMPS" 2>/dev/null | head -1; }
unchanged() { [ "${SOPDESK_FRESH_DB:-false}" != true ] && [ -n "$2" ] && [ "$(stamp_of "$1")" = "$2" ]; }
stamp() {
  mkdir -p "$(dirname "$STAMPS")"
  { grep -v "^$1 " "$STAMPS" 2>/dev/null || true; printf '%s %s\n' "$1" "$2"; } >"$STAMPS.new"
  mv "$STAMPS.new" "$STAMPS"
}
# What configure applies depends on this script and its SOPDESK_* settings (a password counts by its hash only).
settings_sum() {
  { cat "$0"; env | grep '^SOPDESK_' | sort; echo "$PAYARA_HOME"; } | sha256sum | cut -d' ' -f1
}

# The applications deployed, asked once per run (each asadmin call is a JVM start) and forgotten
# once this run deploys; start-domain and restart-domain do not change the list.
APPS=""
deployed_apps() {
  if [ -z "$APPS" ]; then
    APPS="$("${ASADMIN[@]}" list-applications 2>/dev/null || true)"
  fi
  printf '%s\n' "$APPS"
}

# Deploys $2 as application $1 (further arguments: asadmin deploy's), unless the same archive is
# deployed already (a redeploy costs the sandbox seconds and SOP Desk some twenty).
deploy_app() {
  local name="$1" archive="$2" sum
  shift 2
  sum="$(sha256sum "$archive" | cut -d' ' -f1)"
  if unchanged "$name" "$sum" && grep -q "^$name " <<<"$(deployed_apps)"; then
    say "$name: the same archive is deployed already"
    return
  fi
  say "deploying $name"
  "${ASADMIN[@]}" deploy --force=true --name "$name" "$@" "$archive" >/dev/null
  APPS=""
  stamp "$name" "$sum"
}

deploy() {
  [ -f "$SANDBOX_WAR" ] || { say "missing $SANDBOX_WAR: build first"; exit 1; }
  deploy_app qualitor-sandbox "$SANDBOX_WAR" --contextroot qualitor-sandbox
  if [ "$DEPLOY_EAR" != true ]; then
    # a copy left by an earlier run would clash with the one the tests deploy (context root, Flyway, timers)
    "${ASADMIN[@]}" undeploy sopdesk >/dev/null 2>&1 || true
    stamp sopdesk none
    if [ "${SOPDESK_SANDBOX_HOST:-false}" != true ]; then
      say "SOP Desk not deployed (SOPDESK_DEPLOY_EAR=false): the tests deploy it"
    fi
    return
  fi
  [ -f "$EAR" ] || { say "missing $EAR: build first"; exit 1; }
  deploy_app sopdesk "$EAR"
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
    RESTART=false
    start_domain
    if [ "${SOPDESK_SANDBOX_HOST:-false}" = true ]; then
      sandbox_listener
      flush
    else
      SETTINGS="$(settings_sum)"
      if unchanged config "$SETTINGS" && [ "$RESTART" != true ]; then
        say "settings unchanged since the last up: kept"
      else
        stamp config changing
        configure
      fi
    fi
    if [ "$RESTART" = true ]; then
      say "restarting domain $DOMAIN for the new thread pool, heap or JDBC driver"
      "$PAYARA_HOME/bin/asadmin" restart-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
      wait_listening
      wait_loaded
    fi
    if [ "${SOPDESK_SANDBOX_HOST:-false}" != true ]; then
      stamp config "$SETTINGS"
    fi
    deploy
    # the sandbox's listener, when configure just created it, is checked too
    wait_listening
    if [ "$DEPLOY_EAR" = true ]; then
      wait_ready
    fi
    if [ "${SOPDESK_SANDBOX_HOST:-false}" = true ]; then
      say "Qualitor sandbox: http://localhost:$SANDBOX_PORT/qualitor-sandbox/   (admin console: http://localhost:$ADMIN_PORT/)"
    else
      say "SOP Desk: http://localhost:$HTTP_PORT/sopdesk/   (sandbox: http://localhost:$HTTP_PORT/qualitor-sandbox/, admin console: http://localhost:$ADMIN_PORT/)"
    fi
    ;;
  create)
    require_payara
    create_domain
    ;;
  configure)
    require_payara
    RESTART=false
    configure
    ;;
  down)
    require_payara
    if domain_running; then
      stop_domain
    else
      say "domain $DOMAIN is not running"
    fi
    ;;
  *)
    sed -n '2,50p' "$0"; exit 2 ;;
esac
