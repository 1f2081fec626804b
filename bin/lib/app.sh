# shellcheck shell=bash
# app.sh - build the project when needed and run Concierge JVMs (the node, and the tools' entry point).
# Sourced by bin/concierge, after common.sh.

# The node runs from cluster-config's classpath, which holds none of the offline code; the tools
# (replay, train, backtest, simulate, admin, dev-setup) from tools', which the build writes last, through
# their one entry point APP_TOOLS_MAIN.
APP_NODE_CPFILE="$CONCIERGE_HOME/cluster-config/target/runtime-classpath.txt"
APP_NODE_CLASSES="$CONCIERGE_HOME/cluster-config/target/classes"
APP_TOOLS_CPFILE="$CONCIERGE_HOME/tools/target/runtime-classpath.txt"
APP_TOOLS_CLASSES="$CONCIERGE_HOME/tools/target/classes"
APP_MAIN=dev.concierge.Main
APP_TOOLS_MAIN=dev.concierge.tools.Concierge
# one build at a time in this tree: three `bin/concierge node localN` started together build once
APP_BUILD_LOCK="$STATE_DIR/build.lock"
# The classpath files the build writes, the last one written last, and the build's Maven arguments;
# bin/concierge bench adds the benchmarks module's files and builds it too.
APP_CPFILES=("$APP_NODE_CPFILE" "$APP_TOOLS_CPFILE")
# -Djib.skip: the launcher runs nodes from the classpath files, never from the container image
APP_MVN_ARGS=(-DskipTests -Djib.skip install)

# True (and prints the first culprit) when a classpath is missing or older than a source or pom.
app_build_needed() {
  local cpfile
  for cpfile in "${APP_CPFILES[@]}"; do
    [[ -f "$cpfile" ]] || { echo "$cpfile is missing"; return 0; }
  done
  local newer
  newer="$(cd "$CONCIERGE_HOME" && { find pom.xml ./*/pom.xml ./*/src -newer "${APP_CPFILES[-1]}" -type f -print -quit 2>/dev/null || true; })"
  [[ -n "$newer" ]] && { echo "${newer#./} changed"; return 0; }
  return 1
}

# app_build [--no-build]: mvn APP_MVN_ARGS when app_build_needed says so. Holds a lock on
# APP_BUILD_LOCK while it looks and builds, so that launchers started together wait for one build and
# then find it done.
app_build() {
  local no_build=${1:-} why
  mkdir -p "$STATE_DIR"
  exec {APP_LOCK_FD}> "$APP_BUILD_LOCK"
  if ! flock -n "$APP_LOCK_FD"; then
    log "another bin/concierge is building this tree; waiting for it ..."
    flock "$APP_LOCK_FD"
  fi
  if why="$(app_build_needed)"; then
    if [[ "$no_build" == --no-build ]]; then
      [[ -f "${APP_CPFILES[-1]}" ]] || die "--no-build, but the project was never built (${APP_CPFILES[-1]} is missing)"
      warn "--no-build: not rebuilding although $why"
    else
      app_run_build "$why"
    fi
  fi
  flock -u "$APP_LOCK_FD"
  exec {APP_LOCK_FD}>&-
  local cpfile
  for cpfile in "${APP_CPFILES[@]}"; do
    [[ -f "$cpfile" ]] || die "the build did not produce $cpfile (dependency:build-classpath)"
  done
}

app_run_build() {
  local why=$1
  command -v mvn >/dev/null || die "mvn not found; it is needed to build the project"
  local logf="$STATE_DIR/build.log" stamp="$STATE_DIR/build.started" t0; t0=$(now_ms)
  touch "$stamp"
  log "building ($why): mvn -B -q ${APP_MVN_ARGS[*]}, log in $logf ..."
  if ! (cd "$CONCIERGE_HOME" && mvn -B -q "${APP_MVN_ARGS[@]}") > "$logf" 2>&1 < /dev/null; then
    tail -40 "$logf" >&2
    die "build failed (full log: $logf)"
  fi
  # Maven leaves an unchanged classpath file untouched: date both to this build's start, so that only
  # files edited since then count as newer
  local cpfile
  for cpfile in "${APP_CPFILES[@]}"; do
    [[ -f "$cpfile" ]] && touch -r "$stamp" "$cpfile"
  done
  log "built in $(elapsed_s "$t0")"
}

# the node's classpath: no offline code on it
app_classpath() { echo "$APP_NODE_CLASSES:$(cat "$APP_NODE_CPFILE")"; }
# the tools' classpath: the offline module, the command line, and the node's configuration files
app_tools_classpath() { echo "$APP_TOOLS_CLASSES:$(cat "$APP_TOOLS_CPFILE")"; }

# app_tools_command [-Dname=value]... ARGS... -> TOOLS_COMMAND: the command line of the tools' one entry point
# (`concierge ARGS...`) on NODE_JAVA, with CONCIERGE_SIMULATE_JVM_OPTS and the -D flags given, told where the
# launcher keeps its state (the admin CLI finds the token file and the admin URLs there) and the repository
# (cluster start and the rolling restart find the node's classpath there)
app_tools_command() {
  local jvm=()
  while [[ "${1:-}" == -D* ]]; do jvm+=("$1"); shift; done
  app_simulate_jvm_opts
  app_newer_jdk_opts
  TOOLS_COMMAND=(env "CONCIERGE_STATE_DIR=$STATE_DIR" "CONCIERGE_HOME=$CONCIERGE_HOME" "$NODE_JAVA" "${NEWER_JDK_OPTS[@]}"
    "${SIM_JVM_OPTS[@]}" "${jvm[@]}" -cp "$(app_tools_classpath)" "$APP_TOOLS_MAIN" "$@")
}

# app_newer_jdk_opts -> NEWER_JDK_OPTS array: on Java 24+, allow what the tools' libraries do (the terminal
# library's native calls, protobuf's sun.misc.Unsafe) so that the JDK's warnings about it stay off their output
app_newer_jdk_opts() {
  NEWER_JDK_OPTS=()
  local major; major="$(java_major "$(dirname "$(dirname "$NODE_JAVA")")")"
  if (( ${major:-0} >= 24 )); then
    NEWER_JDK_OPTS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
}

# app_tools ARGS...: runs `concierge ARGS...` (see app_tools_command)
app_tools() { app_tools_command "$@"; "${TOOLS_COMMAND[@]}"; }

# app_tools_ready: Java and the tools' classpath, for commands that use the tools without building
app_tools_ready() {
  [[ -f "$APP_TOOLS_CPFILE" ]] || die "the project was never built ($APP_TOOLS_CPFILE is missing): bin/concierge dev or cluster start build it"
  [[ -n "${NODE_JAVA:-}" ]] || app_find_node_java
}

# admin_token_export [--create]: CONCIERGE_ADMIN_TOKEN, exported for the nodes and curl, as the admin CLI finds it
# (`concierge admin token`: CONCIERGE_ADMIN_TOKEN, else the token file in the state dir); --create writes a new
# one to the token file when there is none. False when there is none.
admin_token_export() {
  local token
  token="$(app_tools admin token "$@")" || return 1
  export CONCIERGE_ADMIN_TOKEN="$token"
}

# The node's JVM: CONCIERGE_NODE_JAVA_HOME (any JDK 17+), else the newest JDK from Java 21 on in
# /usr/lib/jvm, else the Java 17 the services use. Sets NODE_JAVA. Why the newest: with the same flags, a node
# on Java 25 answered 3,921 decisions/s where one on Java 17 saturated at 2,261/s (BENCHMARKS.md, "The
# node's JVM").
APP_NODE_JAVA_PREFERRED_FROM=21
app_find_node_java() {
  if [[ -n "${CONCIERGE_NODE_JAVA_HOME:-}" ]]; then
    local m; m="$(java_major "$CONCIERGE_NODE_JAVA_HOME")"
    [[ -x "$CONCIERGE_NODE_JAVA_HOME/bin/java" && "${m:-0}" -ge 17 ]] \
      || die "CONCIERGE_NODE_JAVA_HOME=$CONCIERGE_NODE_JAVA_HOME is not a Java 17+ (found: ${m:-no java})"
    NODE_JAVA="$CONCIERGE_NODE_JAVA_HOME/bin/java"
    return 0
  fi
  local home newest="" newest_major=0 m
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -L "$home" || ! -x "$home/bin/java" ]] && continue
    m="$(java_major "$home")"
    if (( ${m:-0} >= APP_NODE_JAVA_PREFERRED_FROM && m > newest_major )); then
      newest=$home; newest_major=$m
    fi
  done
  if [[ -n "$newest" ]]; then
    NODE_JAVA="$newest/bin/java"
  else
    find_java17
    NODE_JAVA="$JAVA"
  fi
}

# Fill CONCIERGE_KAFKA_BOOTSTRAP / CONCIERGE_CASSANDRA_CONTACT_POINT from services.env where unset.
app_load_services_env() {
  [[ -f "$SERVICES_ENV" ]] || return 0
  local key val
  while IFS='=' read -r key val; do
    case "$key" in
      CONCIERGE_KAFKA_BOOTSTRAP|CONCIERGE_CASSANDRA_CONTACT_POINT)
        [[ -n "${!key:-}" ]] || export "$key=$val" ;;
    esac
  done < "$SERVICES_ENV"
}

# app_jvm_opts -> NODE_JVM_OPTS array (CONCIERGE_NODE_JVM_OPTS replaces the default)
app_jvm_opts() {
  # shellcheck disable=SC2206  # flags are meant to be word-split
  NODE_JVM_OPTS=(${CONCIERGE_NODE_JVM_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC})
}

# app_simulate_jvm_opts -> SIM_JVM_OPTS array (CONCIERGE_SIMULATE_JVM_OPTS, default none: the JVM's own)
app_simulate_jvm_opts() {
  # shellcheck disable=SC2206  # flags are meant to be word-split
  SIM_JVM_OPTS=(${CONCIERGE_SIMULATE_JVM_OPTS:-})
}
