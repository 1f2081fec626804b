#!/usr/bin/env bash
# runtime-root.sh OUT UID: the root file system under the node's image, which Jib builds from scratch since no
# container registry answers here (docs/decisions.md): a Java runtime cut with jlink from the JDK the launcher
# would run a node on (bin/lib/app.sh, app_find_node_java), the C libraries it links (this machine's glibc),
# /bin/sh (this machine's dash, for the entrypoint's variables), and a non-root user with id UID.
set -Eeuo pipefail

OUT=$1 USER_ID=$2
CONCIERGE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck source=../../../bin/lib/common.sh
source "$CONCIERGE_HOME/bin/lib/common.sh"
# shellcheck source=../../../bin/lib/app.sh
source "$CONCIERGE_HOME/bin/lib/app.sh"
LOG_TAG=image

# what a node needs of the JDK: Java SE, sun.misc.Unsafe (Pekko, Kryo), the JVM's meters, DNS
MODULES=java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.crypto.ec
JAVA_DIR=opt/java
# the desktop's native libraries, which a node never loads and which would bring X11 and ALSA along
DESKTOP_LIBRARIES='libawt_xawt|libjsound|libsplashscreen|libjawt'

app_find_node_java
JDK="$(dirname "$(dirname "$(readlink -f "$NODE_JAVA")")")"
rm -rf "$OUT"
mkdir -p "$OUT/bin" "$OUT/etc" "$OUT/tmp"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --output "$OUT/$JAVA_DIR"
log "Java runtime from $JDK: $("$OUT/$JAVA_DIR/bin/java" -version 2>&1 | head -1)"

# the shared libraries of the runtime and of sh, each at the path the dynamic linker looks for it
libraries() {
  find "$OUT/$JAVA_DIR" -name '*.so' | grep -Ev "$DESKTOP_LIBRARIES" | xargs ldd "$OUT/$JAVA_DIR/bin/java" /bin/sh \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | grep -v "^$OUT/" | sort -u
}
libraries | while read -r library; do
  mkdir -p "$OUT$(dirname "$library")"
  cp -L "$library" "$OUT$library"
done
cp -L /bin/sh "$OUT/bin/sh"
chmod 1777 "$OUT/tmp"

printf 'root:x:0:0:root:/root:/bin/sh\nconcierge:x:%s:%s:Concierge:/tmp:/bin/sh\n' "$USER_ID" "$USER_ID" > "$OUT/etc/passwd"
printf 'root:x:0:\nconcierge:x:%s:\n' "$USER_ID" > "$OUT/etc/group"
