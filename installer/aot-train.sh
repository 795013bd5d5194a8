#!/usr/bin/env bash
# Trains the AOT cache (JDK 25, JEP 483/514/515) of a jpackage app image, Linux:
#
#   installer/aot-train.sh <app image dir>                        e.g. target/dist/Minimal
#   installer/aot-train.sh <app image dir> --log-in USER FILE     Harbor through a log-in (not the
#                                                                 default of build.sh: ADR 0007)
#
# The launcher's .cfg names the cache, -XX:AOTCache=$APPDIR/<file> (installer/jpackage/
# launcher.args). This runs the launcher once with that option turned into -XX:AOTCacheOutput
# (the JVM writes the cache when it exits), puts the .cfg back, then starts the launcher again
# with -XX:AOTMode=on, which refuses to run without a usable cache. So the training run goes
# through the very launcher, class path and options of every later start.
#
# Without --log-in the training run has -Dharbor.training=true: the application closes itself
# after its first frame (the minimal window of bench/startup.sh). With --log-in it has
# -Dharbor.training=caseList and is driven as a person would use it, with xdotool on its real
# window: at the log-in form it types USER, Tab, the passphrase (line 1 of FILE) and Enter; on the
# home screen, whose first tile (Cases) has the focus, Space; Harbor closes itself once the case
# list is laid out with rows (app/FirstFrame). So the cache holds what the first log-in and the
# first case list load, and their methods' profiles, as well as the login window's. The vault
# (HARBOR_HOME) is the caller's, made for this and synthetic.
#
# The environment passes through to the application (HARBOR_HOME decides which window Harbor
# opens). Needs a display: $DISPLAY when set, else a private Xvfb.
set -euo pipefail

IMAGE=${1:?usage: aot-train.sh <app image dir> [--log-in USER PASSPHRASE_FILE]}
LOGIN_USER= LOGIN_FILE=
if [ "${2:-}" = --log-in ]; then
  LOGIN_USER=${3:?--log-in USER PASSPHRASE_FILE}
  LOGIN_FILE=${4:?--log-in USER PASSPHRASE_FILE}
  command -v xdotool >/dev/null || { echo "aot-train: --log-in needs xdotool (apt-get install xdotool)" >&2; exit 2; }
fi
NAME=$(basename "$IMAGE")
LAUNCHER=$IMAGE/bin/$NAME
CFG=$IMAGE/lib/app/$NAME.cfg
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "aot-train: no jpackage app image at $IMAGE" >&2; exit 2; }
CACHE=$(sed -n 's|^java-options=-XX:AOTCache=\$APPDIR/||p' "$CFG")
[ -n "$CACHE" ] || { echo "aot-train: $CFG names no -XX:AOTCache=\$APPDIR/..." >&2; exit 2; }

LOG=$(mktemp)
XVFB_PID= APP_PID=
cp "$CFG" "$CFG.orig"
restore() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; fi
  if [ -f "$CFG.orig" ]; then mv -f "$CFG.orig" "$CFG"; fi
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -f "$LOG"
}
trap restore EXIT
if [ -z "${DISPLAY:-}" ]; then
  n=87
  while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

# Waits (up to $2 s) for a line of the application's output starting with $1.
await_line() {
  for _ in $(seq $(( $2 * 10 ))); do
    grep -q "^$1" "$LOG" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { sleep 0.2; grep -q "^$1" "$LOG" && return 0; return 1; }
    sleep 0.1
  done
  return 1
}

rm -f "$IMAGE/lib/app/$CACHE"
sed -i 's|^java-options=-XX:AOTCache=|java-options=-XX:AOTCacheOutput=|' "$CFG"
if [ -z "$LOGIN_USER" ]; then
  echo 'java-options=-Dharbor.training=true' >> "$CFG"
  "$LAUNCHER" > "$LOG" 2>&1 || { cat "$LOG" >&2; echo "aot-train: the training run failed" >&2; exit 1; }
else
  # Classes only, no method profiles (JEP 515): replayed at every start, the profiles of the log-in
  # and the case list had the JIT compile their methods while the login window is being drawn
  # (about 0.4 s more CPU per start, side by side; ADR 0007), for a gain of only ~40 ms of CPU on
  # the first case list.
  printf '%s\n' 'java-options=-Dharbor.training=caseList' 'java-options=-Dharbor.reportFirstFrame=true' \
    'java-options=-XX:+UnlockDiagnosticVMOptions' 'java-options=-XX:-AOTRecordTraining' >> "$CFG"
  "$LAUNCHER" > "$LOG" 2>&1 &
  APP_PID=$!
  fail() { cat "$LOG" >&2; echo "aot-train: the training run $1" >&2; exit 1; }
  await_line HARBOR_FIRST_FRAME 120 || fail "showed no log-in window"
  WINDOW=$(xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | tail -1)
  [ -n "$WINDOW" ] || fail "has no window xdotool can find"
  sleep 1   # the first field takes the focus after the first frame (Shell.guardInitialFocus)
  xdotool windowfocus --sync "$WINDOW"
  xdotool type --delay 30 "$LOGIN_USER"
  xdotool key Tab
  xdotool type --delay 30 "$(head -n 1 "$LOGIN_FILE")"
  xdotool key Return
  await_line 'HARBOR_TRAINING home' 120 || fail "did not reach the home screen after the log-in"
  sleep 1   # the home screen's first tile takes the focus
  xdotool key space
  await_line 'HARBOR_TRAINING caseList' 120 || fail "did not show the case list"
  wait "$APP_PID" || fail "ended with an error"
  APP_PID=
fi
mv -f "$CFG.orig" "$CFG"
[ -s "$IMAGE/lib/app/$CACHE" ] || { cat "$LOG" >&2; echo "aot-train: no cache written" >&2; exit 1; }

JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Dharbor.reportFirstFrame=true -Dharbor.training=true" \
  "$LAUNCHER" > "$LOG" 2>&1 || true
grep -q '^HARBOR_FIRST_FRAME' "$LOG" || { cat "$LOG" >&2; echo "aot-train: $NAME does not start with its cache" >&2; exit 1; }
echo "aot-train: $IMAGE/lib/app/$CACHE ($(du -h "$IMAGE/lib/app/$CACHE" | cut -f1)), checked with -XX:AOTMode=on"
