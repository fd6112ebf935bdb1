#!/usr/bin/env bash
# A crash loses nothing: the app opens the demo, a track is added from the
# keyboard (Ctrl+T, a structural edit), and the app is killed with SIGKILL
# a moment later. The session file must be untouched and the autosave side
# file must hold the new track. The GUI test tagged [.killed] then
# opens the session from this folder and recovers it (ctest chains them).
# Usage: app-killed-autosave.sh CREST_APP CREST_CLI WORK_DIR
set -euo pipefail
app=$1 cli=$2 work=$3
rm -rf "$work"
"$cli" demo "$work" >/dev/null
cp "$work/demo.crest" "$work/saved-before.crest"
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/xdg/config"

"$app" "$work/demo.crest" >"$work/app.log" 2>&1 &
pid=$!
window=$(xdotool search --sync --name "^demo - Crest$" | head -1)
sleep 1
xdotool key --window "$window" ctrl+t
for _ in $(seq 1 100); do
  [ -f "$work/demo.crest-autosave" ] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true

[ -f "$work/demo.crest-autosave" ] || { echo "no autosave side file after the edit"; exit 1; }
cmp -s "$work/demo.crest" "$work/saved-before.crest" || { echo "the session file was changed"; exit 1; }
cp "$work/demo.crest-autosave" "$work/side.crest"
"$cli" info "$work/side.crest" | head -1 | grep -q " 9 tracks" || { echo "the side file lacks the added track:"; "$cli" info "$work/side.crest" | head -1; exit 1; }
echo "killed with SIGKILL; the side file holds the added track; the session is untouched"
