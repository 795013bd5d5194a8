#!/usr/bin/env bash
# Install test of the Debian package (issue 6). Run as root on a Debian 12 machine after
# installer/build.sh:
#
#   installer/test-deb.sh [target/dist/harbor_<version>_amd64.deb]
#
# 1. apt-get install ./harbor_*.deb (apt fetches missing dependencies such as xdg-utils);
# 2. under a private Xvfb, starts the installed launcher /opt/harbor/bin/Harbor with a fresh
#    HARBOR_HOME and LANG=es_ES.UTF-8, waits for the first window and checks that it is the
#    first-run screen in Spanish (the HARBOR_FIRST_FRAME line names the display language; a
#    screenshot goes to target/test-deb/first-run-es.png);
# 3. starts it again with LANG=fr_FR.UTF-8 (a language Harbor does not ship: English), this
#    time requiring the AOT cache (-XX:AOTMode=on) and letting Harbor close itself: exit code 0;
# 4. apt-get purge harbor, then checks that nothing is left under /opt/harbor and that the
#    vaults (one made by the installed command line, one left by the first-run screen) are
#    byte for byte as before.
#
# Takes about a minute here, most of it apt. Exits 0 only when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB=${1:-$(ls target/dist/harbor_*_amd64.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || { echo "test-deb: no .deb (run installer/build.sh first)" >&2; exit 2; }
DEB=$(realpath "$DEB")
[ "$(id -u)" = 0 ] || { echo "test-deb: needs root (apt-get)" >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive
OUT=target/test-deb
rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d)
XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*"; }

# Both languages must exist as system locales, or the JVM falls back to en_US.
for loc in es_ES fr_FR; do
  locale -a | grep -qi "^$loc.utf-\?8$" || localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
done

# jpackage's post-install script registers the menu entry with xdg-desktop-menu, which fails
# on a machine without a desktop unless these folders exist.
mkdir -p /usr/share/desktop-directories /etc/xdg/menus/applications-merged

if dpkg -s harbor >/dev/null 2>&1; then
  echo "test-deb: removing an earlier harbor package first"
  apt-get purge -y -qq harbor >/dev/null
fi

echo "test-deb: installing $DEB"
apt-get install -y -qq "$DEB" > "$OUT/apt-install.log" 2>&1 || { cat "$OUT/apt-install.log" >&2; fail "apt-get install"; }
[ -x /opt/harbor/bin/Harbor ] || fail "no launcher at /opt/harbor/bin/Harbor"
[ -f /opt/harbor/lib/app/harbor.aot ] || fail "no AOT cache in the package"
ls /usr/share/applications/*harbor*.desktop >/dev/null 2>&1 || fail "no menu entry installed"
ok "installed $(dpkg-query -W -f '${Package} ${Version}' harbor)"

# A private X display for this test (not :99, which other work may use).
DISPLAY_NUM=77
while [ -e "/tmp/.X$DISPLAY_NUM-lock" ]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
Xvfb ":$DISPLAY_NUM" -screen 0 1280x1024x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done

# A vault made by the installed command line, which the removal must leave alone.
VAULT=$WORK/vault
printf '%s\n' 'install test passphrase' > "$WORK/passphrase"
HARBOR_HOME=$VAULT JAVA_TOOL_OPTIONS=-Dharbor.kdf.calibrate=false \
  /opt/harbor/bin/Harbor init --user tester --password-file "$WORK/passphrase" > "$OUT/init.log" 2>&1 \
  || { cat "$OUT/init.log" >&2; fail "harbor init with the installed launcher"; }
[ -f "$VAULT/keyslots.json" ] && [ -f "$VAULT/harbor.db" ] || fail "harbor init made no vault"
ok "the installed command line created a vault"

# Waits up to 60 s for the first-frame line of a launcher writing to $1; prints the language.
wait_for_frame() {
  for _ in $(seq 600); do
    if line=$(grep -m1 '^HARBOR_FIRST_FRAME ' "$1" 2>/dev/null); then echo "${line#HARBOR_FIRST_FRAME }"; return 0; fi
    sleep 0.1
  done
  return 1
}

# First start in Spanish: the first-run (setup) screen, shown until we close it.
HOME_ES=$WORK/home-es
env -u LC_ALL -u LANGUAGE LANG=es_ES.UTF-8 HARBOR_HOME="$HOME_ES" JAVA_TOOL_OPTIONS=-Dharbor.reportFirstFrame=true \
  /opt/harbor/bin/Harbor > "$OUT/run-es.out" 2> "$OUT/run-es.err" &
APP_PID=$!
LANGUAGE_SHOWN=$(wait_for_frame "$OUT/run-es.out") || { kill "$APP_PID" 2>/dev/null; cat "$OUT/run-es.err" >&2; fail "no first window within 60 s (LANG=es_ES.UTF-8)"; }
sleep 1
import -display "$DISPLAY" -window root "$OUT/first-run-es.png"
kill -TERM "$APP_PID"
wait "$APP_PID" || true
[ "$LANGUAGE_SHOWN" = es ] || fail "LANG=es_ES.UTF-8 showed language '$LANGUAGE_SHOWN', expected es"
ok "first window in Spanish under LANG=es_ES.UTF-8 (screenshot $OUT/first-run-es.png)"

# Second start, a language Harbor does not ship: English. The JVM must use the AOT cache
# (AOTMode=on refuses to start otherwise) and Harbor closes itself after the first frame.
set +e
env -u LC_ALL -u LANGUAGE LANG=fr_FR.UTF-8 HARBOR_HOME="$WORK/home-fr" \
  JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Dharbor.reportFirstFrame=true -Dharbor.training=true" \
  timeout 60 /opt/harbor/bin/Harbor > "$OUT/run-fr.out" 2> "$OUT/run-fr.err"
CODE=$?
set -e
[ "$CODE" = 0 ] || { cat "$OUT/run-fr.err" >&2; fail "the installed launcher exited with $CODE"; }
LANGUAGE_SHOWN=$(wait_for_frame "$OUT/run-fr.out") || fail "no first window (LANG=fr_FR.UTF-8)"
[ "$LANGUAGE_SHOWN" = en ] || fail "LANG=fr_FR.UTF-8 showed language '$LANGUAGE_SHOWN', expected en"
ok "first window in English under LANG=fr_FR.UTF-8, with the AOT cache, exit code 0"

# Removal: the package goes, every vault stays as it was.
snapshot() { (cd "$WORK" && find vault home-es -printf '%p %s %m %T@\n' | sort && find vault home-es -type f -exec sha256sum {} + | sort); }
snapshot > "$OUT/vaults-before.txt"
apt-get purge -y -qq harbor > "$OUT/apt-purge.log" 2>&1 || { cat "$OUT/apt-purge.log" >&2; fail "apt-get purge"; }
snapshot > "$OUT/vaults-after.txt"
! dpkg -s harbor >/dev/null 2>&1 || fail "harbor is still installed"
[ ! -e /opt/harbor ] || { find /opt/harbor | head >&2; fail "files left under /opt/harbor"; }
! ls /usr/share/applications/*harbor*.desktop >/dev/null 2>&1 || fail "menu entry left behind"
diff "$OUT/vaults-before.txt" "$OUT/vaults-after.txt" || fail "removing the package changed a vault"
ok "purged: nothing under /opt/harbor, no menu entry, vaults unchanged ($(grep -c . "$OUT/vaults-before.txt") lines compared)"
echo "test-deb: all checks passed"
