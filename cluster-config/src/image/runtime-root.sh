#!/usr/bin/env bash
# runtime-root.sh OUT UID CLASSPATH_FILE: the root file system under the node's image, which Jib builds from scratch since no
# container registry answers here (docs/decisions.md): a Java runtime cut with jlink from the JDK the launcher
# would run a node on (bin/lib/app.sh, app_find_node_java), the C libraries it links (this machine's glibc),
# /bin/sh (this machine's dash, for the entrypoint's variables), and a non-root user with id UID; and the C
# libraries that the native code in the classpath's jars links (XGBoost's OpenMP and C++ runtime, compression).
set -Eeuo pipefail

OUT=$1 USER_ID=$2 CLASSPATH_FILE=$3
CONCIERGE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck source=../../../bin/lib/common.sh
source "$CONCIERGE_HOME/bin/lib/common.sh"
# shellcheck source=../../../bin/lib/app.sh
source "$CONCIERGE_HOME/bin/lib/app.sh"
LOG_TAG=image

# what a node needs of the JDK: Java SE, sun.misc.Unsafe (Pekko, Kryo), the flight recorder (Pekko remoting
# records its events), the JVM's meters, DNS, socket options (Netty), the charsets of the wider world
MODULES=java.se,jdk.unsupported,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.crypto.ec,jdk.charsets
JAVA_DIR=opt/java
# a directory the non-root user may write: a volume mounted there starts with its permissions (docker-compose.yml)
STATE_PATH=/var/lib/concierge
# the desktop's native libraries, which a node never loads and which would bring X11 and ALSA along
DESKTOP_LIBRARIES='libawt_xawt|libjsound|libsplashscreen|libjawt'

app_find_node_java
JDK="$(dirname "$(dirname "$(readlink -f "$NODE_JAVA")")")"
rm -rf "$OUT"
mkdir -p "$OUT/bin" "$OUT/etc" "$OUT/tmp" "$OUT$STATE_PATH"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --output "$OUT/$JAVA_DIR"
log "Java runtime from $JDK: $("$OUT/$JAVA_DIR/bin/java" -version 2>&1 | head -1)"

# the jars' native libraries for this platform, unpacked where only ldd reads them
NATIVE="$(mktemp -d)"
trap 'rm -rf "$NATIVE"' EXIT
# unzip exits with 11 when a jar holds none
tr ':' '\n' < "$CLASSPATH_FILE" | while read -r jar; do
  unzip -qq -o "$jar" '*linux*x86_64*.so' '*linux*amd64*.so' '*linux*x86-64*.so' -d "$NATIVE" || (( $? == 11 ))
done

# the shared libraries of the runtime, of the jars and of sh, each at the path the dynamic linker looks for it
libraries() {
  { find "$OUT/$JAVA_DIR" -name '*.so' | grep -Ev "$DESKTOP_LIBRARIES"; find "$NATIVE" -name '*.so'; } \
    | xargs ldd "$OUT/$JAVA_DIR/bin/java" /bin/sh 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | grep -Ev "^($OUT|$NATIVE)/" | sort -u
}
libraries | while read -r library; do
  mkdir -p "$OUT$(dirname "$library")"
  cp -L "$library" "$OUT$library"
done
cp -L /bin/sh "$OUT/bin/sh"
chmod 1777 "$OUT/tmp"

printf 'root:x:0:0:root:/root:/bin/sh\nconcierge:x:%s:%s:Concierge:/tmp:/bin/sh\n' "$USER_ID" "$USER_ID" > "$OUT/etc/passwd"
printf 'root:x:0:\nconcierge:x:%s:\n' "$USER_ID" > "$OUT/etc/group"
