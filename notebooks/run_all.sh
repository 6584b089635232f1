#!/usr/bin/env bash
# Executes every notebook top to bottom against the latest serving snapshot and fails on any error.
#   ATLAS_WAREHOUSE   warehouse to read (default: ../warehouse)
#   ATLAS_NOTEBOOK_VENV   virtualenv to create/reuse (default: notebooks/.venv)
#   ATLAS_NOTEBOOK_OUT    where the executed copies go (default: notebooks/_executed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${ATLAS_NOTEBOOK_VENV:-$here/.venv}"
out="${ATLAS_NOTEBOOK_OUT:-$here/_executed}"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
PIP_RETRIES=0 "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"

# the reader first: checksum verification and error messages, on a fixture snapshot
(cd "$here" && "$venv/bin/python" -m unittest -q test_atlas_snapshot)

mkdir -p "$out"
status=0
for nb in "$here"/*.ipynb; do
  echo "notebook $(basename "$nb")"
  if ! (cd "$here" && "$venv/bin/python" -m jupyter nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout=900 --ExecutePreprocessor.kernel_name=python3 \
      --output-dir "$out" "$nb"); then
    echo "FAILED: $(basename "$nb")" >&2
    status=1
  fi
done
exit $status
