# shellcheck shell=bash
# cluster.sh - the local cluster (local1.conf, local2.conf, ...) in the background: start, stop, status.
# Sourced by bin/concierge, after common.sh, services.sh and app.sh.

# the nodes are the files; their ports are what those files say (cluster_layout asks the tools, which read them)
CLUSTER_NODES=()
for CLUSTER_CONF in "$CONCIERGE_HOME"/cluster-config/src/main/resources/local[0-9]*.conf; do
  [[ -f "$CLUSTER_CONF" ]] && CLUSTER_NODES+=("$(basename "$CLUSTER_CONF" .conf)")
done
unset CLUSTER_CONF
CLUSTER_PID_DIR="$STATE_DIR/nodes"
CLUSTER_LOG_DIR="$STATE_DIR/logs"
declare -gA CLUSTER_LAYOUT=()
CLUSTER_START_TIMEOUT="${CONCIERGE_NODE_START_TIMEOUT:-120}"
# a graceful leave hands the node's shards off first
CLUSTER_STOP_TIMEOUT="${CONCIERGE_NODE_STOP_TIMEOUT:-60}"
CLUSTER_POLL_S=0.5

# Nodes this invocation launched, and whether the exit trap stops them (a failed or interrupted start).
CLUSTER_LAUNCHED=()
CLUSTER_STOP_ON_EXIT=0

# cluster_layout: every local node's ports, read once from its localN.conf by `concierge node-ports` (the
# nodes start without the port variables, so their files' own ports are theirs) -> CLUSTER_LAYOUT[NAME]
cluster_layout() {
  (( ${#CLUSTER_LAYOUT[@]} )) && return 0
  local lines name rest
  app_tools_ready
  lines="$(app_tools node-ports)" || die "cannot read the local nodes' ports from their local*.conf (see above)"
  while read -r name rest; do CLUSTER_LAYOUT[$name]=$rest; done <<< "$lines"
}

# cluster_node NAME -> NODE_LOG, NODE_PIDFILE and, once cluster_layout has run, NODE_HTTP_PORT, NODE_REMOTE_PORT,
# NODE_MANAGEMENT_PORT, NODE_URL, NODE_ADDRESS
cluster_node() {
  NODE_LOG="$CLUSTER_LOG_DIR/$1.log"
  NODE_PIDFILE="$CLUSTER_PID_DIR/$1.pid"
  read -r NODE_HTTP_PORT NODE_REMOTE_PORT NODE_MANAGEMENT_PORT NODE_URL NODE_ADDRESS <<< "${CLUSTER_LAYOUT[$1]:-}"
}

# cluster_pid NAME -> the pid of the node this launcher started, if it still runs
cluster_pid() { pid_matching "$CLUSTER_PID_DIR/$1.pid" "-Dconfig.resource=$1.conf"; }

# cluster_record_urls: the admin URLs of the local nodes that run, for `bin/concierge admin` (none: no file)
cluster_record_urls() {
  local name urls=()
  for name in "${CLUSTER_NODES[@]}"; do
    cluster_node "$name"
    [[ -n "$(cluster_pid "$name")" && -n "$NODE_URL" ]] && urls+=("$NODE_URL")
  done
  admin_urls_record "cluster start" "${urls[@]}"
}

# cluster_admin_get URL PATH: the admin API's answer, or nothing (and false) on any failure
cluster_admin_get() {
  [[ -n "${CONCIERGE_ADMIN_TOKEN:-}" ]] || return 1
  # the header comes on stdin, so that the token is not on a command line other users can see
  curl -sf --max-time 5 -H @- "$1$2" <<< "Authorization: Bearer $CONCIERGE_ADMIN_TOKEN"
}

# json_field JSON FIELD -> the value of the first string field FIELD ("oldest", "status"...). For the
# members JSON only: it drops all white space, and no value there has any.
json_field() { tr -d '[:space:]' <<< "$1" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p" | head -1; }

# member_status MEMBERS_JSON ADDRESS -> the member's status (Up, Leaving...), nothing if it is no member.
# One line per member object (a member has no nested objects), then the one with that address.
member_status() { json_field "$(tr -d '[:space:]' <<< "$1" | tr '{' '\n' | grep -F "\"address\":\"$2\"")" status; }

# cluster_members NAME...: GET /admin/members from the first of these nodes that answers
cluster_members() {
  local name
  for name in "$@"; do
    cluster_node "$name"
    cluster_admin_get "$NODE_URL" /admin/members && return 0
  done
  return 1
}

# ---------------------------------------------------------------- start --
# cluster_prepare NO_BUILD: the running services' addresses (checked before a long build), then a build if
# needed (unless NO_BUILD is --no-build), Java, JVM flags and the nodes' ports
cluster_prepare() {
  app_load_services_env
  if [[ -z "${CONCIERGE_KAFKA_BOOTSTRAP:-}" || -z "${CONCIERGE_CASSANDRA_CONTACT_POINT:-}" ]]; then
    die "no Kafka or Cassandra to use (no $SERVICES_ENV, and CONCIERGE_KAFKA_BOOTSTRAP / CONCIERGE_CASSANDRA_CONTACT_POINT unset): run bin/concierge services start first, or cluster start --with-services"
  fi
  app_build "$1"
  app_find_node_java
  app_jvm_opts
  cluster_layout
}

# cluster_check_ports NAME: fail clearly if one of the node's ports is taken
cluster_check_ports() {
  local name=$1 port
  cluster_node "$name"
  for port in "$NODE_HTTP_PORT" "$NODE_REMOTE_PORT" "$NODE_MANAGEMENT_PORT"; do
    require_free_port "$name" "$port" "is $name running outside this launcher (bin/concierge node $name)? Stop that process first"
  done
}

# cluster_launch NAME: the node in the background, detached from this terminal (stdin from /dev/null,
# SIGHUP ignored, and, as for every background job of a script, SIGINT), output appended to its log.
cluster_launch() {
  local name=$1
  cluster_node "$name"
  mkdir -p "$CLUSTER_PID_DIR" "$CLUSTER_LOG_DIR"
  printf '\n===== %s bin/concierge starts %s =====\n' "$(date -Is)" "$name" >> "$NODE_LOG"
  # the ports are localN.conf's own; an override exported for one node would give every node the same
  local classpath; classpath="$(app_classpath)"
  env -u CONCIERGE_HTTP_PORT -u CONCIERGE_REMOTE_PORT -u CONCIERGE_MANAGEMENT_PORT \
    nohup "$NODE_JAVA" "${NODE_JVM_OPTS[@]}" -Dconfig.resource="$name.conf" -cp "$classpath" "$APP_MAIN" \
    < /dev/null >> "$NODE_LOG" 2>&1 &
  echo $! > "$NODE_PIDFILE"
  CLUSTER_LAUNCHED+=("$name")
  log "$name: started (pid $!), log in $NODE_LOG"
}

# cluster_wait_ready NAME: until GET /health/ready answers 200; fails with the log's end if the node exits
cluster_wait_ready() {
  local name=$1 pid deadline
  cluster_node "$name"
  pid="$(cluster_pid "$name")"
  deadline=$(( $(date +%s) + CLUSTER_START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$NODE_URL/health/ready"; do
    if [[ -z "$pid" ]] || ! alive "$pid"; then
      tail -20 "$NODE_LOG" >&2
      die "$name exited during startup (log: $NODE_LOG)"
    fi
    (( $(date +%s) < deadline )) \
      || die "$name did not become ready on $NODE_URL/health/ready within ${CLUSTER_START_TIMEOUT}s (log: $NODE_LOG)"
    sleep "$CLUSTER_POLL_S"
  done
}

# cluster_start NAME...: launch the nodes that do not run yet (all together: the seed nodes let them form
# one cluster in any order), then wait until every one is ready
cluster_start() {
  local name pid t0 to_launch=()
  t0=$(now_ms)
  for name in "$@"; do
    pid="$(cluster_pid "$name")"
    if [[ -n "$pid" ]]; then
      log "$name: already running (pid $pid)"
    else
      cluster_check_ports "$name"
      to_launch+=("$name")
    fi
  done
  CLUSTER_STOP_ON_EXIT=1
  for name in "${to_launch[@]}"; do cluster_launch "$name"; done
  for name in "$@"; do
    cluster_wait_ready "$name"
    log "$name: ready ($(elapsed_s "$t0"))"
  done
  CLUSTER_STOP_ON_EXIT=0
}

cluster_banner() {
  local name
  printf '\n  Concierge local cluster\n'
  for name in "$@"; do
    cluster_node "$name"
    printf '    %s  %s  %s  management http://%s:%s  pid %s\n' "$name" "$NODE_URL" "$NODE_ADDRESS" "$HOST" \
      "$NODE_MANAGEMENT_PORT" "$(cluster_pid "$name")"
  done
  cat <<EOF
    logs         $CLUSTER_LOG_DIR/<node>.log
    admin token  $ADMIN_TOKEN_SOURCE
    admin URLs   $ADMIN_URLS_FILE (bin/concierge admin asks the first that answers)
    Kafka        $CONCIERGE_KAFKA_BOOTSTRAP    Cassandra $CONCIERGE_CASSANDRA_CONTACT_POINT

  Try:
    bin/concierge admin members
    bin/concierge admin shards
    bin/concierge admin move <shard> --to local2
    bin/concierge admin drain local3
    bin/concierge admin rolling-restart
    bin/concierge cluster status
    bin/concierge cluster stop

EOF
}

# ----------------------------------------------------------- stop, status --
# cluster_stop NAME...: SIGTERM (the node leaves the cluster gracefully, handing its shards off), SIGKILL
# after CLUSTER_STOP_TIMEOUT; in parallel
cluster_stop() {
  local name pid pids=() rc=0
  for name in "$@"; do
    cluster_node "$name"
    pid="$(cluster_pid "$name")"
    if [[ -z "$pid" ]]; then
      slog "$name" "not running"
      continue
    fi
    ( stop_pid "$name" "$pid" "$CLUSTER_STOP_TIMEOUT"; rm -f "$NODE_PIDFILE" ) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
  cluster_forget_stopped_urls
  return "$rc"
}

# cluster_forget_stopped_urls: after a stop, the admin URLs name the local nodes that still run (with the ports
# known, else the file stays: the admin CLI skips a node that does not answer); none running: no file
cluster_forget_stopped_urls() {
  [[ -f "$ADMIN_URLS_FILE" ]] && grep -q '^# written by bin/concierge cluster start' "$ADMIN_URLS_FILE" || return 0
  local name
  for name in "${CLUSTER_NODES[@]}"; do
    if [[ -n "$(cluster_pid "$name")" ]]; then
      (( ${#CLUSTER_LAYOUT[@]} )) && cluster_record_urls
      return 0
    fi
  done
  rm -f "$ADMIN_URLS_FILE"
}

# cluster_status NAME...: a line per node: its process (alive, stopped, or one this launcher did not start
# on its port), ready or not, its member status, its URL; exit code 0 only if every one runs and is ready
cluster_status() {
  local name pid process ready member members answering=0 foreign=0 rc=0
  members="$(cluster_members "${CLUSTER_NODES[@]}" || true)"
  for name in "$@"; do
    cluster_node "$name"
    pid="$(cluster_pid "$name")"
    if [[ -n "$pid" ]]; then
      process="pid $pid alive"
    elif port_in_use "$NODE_HTTP_PORT"; then
      process="not-ours"; foreign=1
    else
      process="stopped"
    fi
    ready=not-ready
    curl -sf -o /dev/null --max-time 2 "$NODE_URL/health/ready" && { ready=ready; answering=1; }
    member="$(member_status "$members" "$NODE_ADDRESS")"
    [[ -n "$members" ]] || member="?"
    printf '%-7s %-16s %-9s member %-8s %s\n' "$name" "$process" "$ready" "${member:-none}" "$NODE_URL"
    [[ -n "$pid" && "$ready" == ready ]] || rc=1
  done
  if [[ -z "$members" ]] && (( answering )); then
    warn "no node answered GET /admin/members with the admin token (bin/concierge admin members says why)"
  fi
  if (( foreign )); then
    log "not-ours: something this launcher did not start listens on the node's port (bin/concierge node?)"
  fi
  return "$rc"
}
