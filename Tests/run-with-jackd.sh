#!/usr/bin/env bash
# Runs a command with a JACK server (dummy driver, no sound card) up, then
# stops the server. Used by ctest for the live-playback test.
set -u
jackd --no-realtime -d dummy -r 48000 -p 256 >/tmp/crest-jackd.log 2>&1 &
server=$!
for _ in $(seq 1 50); do
  jack_lsp >/dev/null 2>&1 && break
  sleep 0.1
done
"$@"
status=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
exit $status
