#!/usr/bin/env bash
# Trains the AOT cache (JDK 25, JEP 483/514) of a jpackage app image, Linux:
#
#   installer/aot-train.sh <app image dir>      e.g. target/dist/Harbor
#
# The launcher's .cfg names the cache, -XX:AOTCache=$APPDIR/<file> (installer/jpackage/
# launcher.args). This runs the launcher once with that option turned into -XX:AOTCacheOutput
# (the JVM writes the cache when it exits) and with -Dharbor.training=true (the application
# closes itself after its first frame), puts the .cfg back, then starts the launcher again with
# -XX:AOTMode=on, which refuses to run without a usable cache. So the training run goes through
# the very launcher, class path and options of every later start.
#
# The environment passes through to the application (HARBOR_HOME decides which window Harbor
# opens). Needs a display: $DISPLAY when set, else a private Xvfb through xvfb-run.
set -euo pipefail

IMAGE=${1:?usage: aot-train.sh <app image dir>}
NAME=$(basename "$IMAGE")
LAUNCHER=$IMAGE/bin/$NAME
CFG=$IMAGE/lib/app/$NAME.cfg
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "aot-train: no jpackage app image at $IMAGE" >&2; exit 2; }
CACHE=$(sed -n 's|^java-options=-XX:AOTCache=\$APPDIR/||p' "$CFG")
[ -n "$CACHE" ] || { echo "aot-train: $CFG names no -XX:AOTCache=\$APPDIR/..." >&2; exit 2; }

with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1280x1024x24" "$@"; fi
}

LOG=$(mktemp)
cp "$CFG" "$CFG.orig"
restore() { if [ -f "$CFG.orig" ]; then mv -f "$CFG.orig" "$CFG"; fi; rm -f "$LOG"; }
trap restore EXIT
rm -f "$IMAGE/lib/app/$CACHE"
sed -i 's|^java-options=-XX:AOTCache=|java-options=-XX:AOTCacheOutput=|' "$CFG"
echo 'java-options=-Dharbor.training=true' >> "$CFG"
with_display "$LAUNCHER" > "$LOG" 2>&1 || { cat "$LOG" >&2; echo "aot-train: the training run failed" >&2; exit 1; }
mv -f "$CFG.orig" "$CFG"
[ -s "$IMAGE/lib/app/$CACHE" ] || { cat "$LOG" >&2; echo "aot-train: no cache written" >&2; exit 1; }

JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Dharbor.reportFirstFrame=true -Dharbor.training=true" \
  with_display "$LAUNCHER" > "$LOG" 2>&1 || true
grep -q '^HARBOR_FIRST_FRAME' "$LOG" || { cat "$LOG" >&2; echo "aot-train: $NAME does not start with its cache" >&2; exit 1; }
echo "aot-train: $IMAGE/lib/app/$CACHE ($(du -h "$IMAGE/lib/app/$CACHE" | cut -f1)), checked with -XX:AOTMode=on"
