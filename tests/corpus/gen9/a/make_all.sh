#!/bin/sh
# Regenerates every case under ../cases and checks them (no parser involved).
set -e
cd "$(dirname "$0")"
PY=${PY:-python}
rm -rf ../../cases/h*
for g in g1_clients.py g1b_clients.py g2_series.py g3_damaged.py g4_binary.py; do "$PY" "$g"; done
"$PY" verify.py
