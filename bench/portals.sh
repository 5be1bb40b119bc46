#!/usr/bin/env bash
# Portals benchmark (issue 5): `build --all-portals` against the 10 single
# builds staff would otherwise run (`build --portal ID`, one JVM each), on the
# sample site and on 1,000 generated pages given the sample's 10 portals.
#
# Usage:
#   bench/portals.sh            both sites
#   bench/portals.sh sample     the sample site only
#   bench/portals.sh 1000       the generated pages only
#
# Environment:
#   RUNS=3            runs of each (medians are reported), interleaved
#   CAMNANG_JAR=...   default: <repo>/target/camnang.jar (copied first)
#   SEARCH=1          builds write the search index (the default); 0 adds --no-search
#   KEEP=1            keep the temp dir
#
# Method: the generated pages (bench/gen_pages.py N DIR --seed 1) get the
# sample's site.yaml, so all 10 portals publish all pages: the worst case for
# --all-portals, which still writes 10 complete sites, each with its own search
# index. Every run writes into fresh empty output folders and passes --no-cache,
# so nothing is reused from an earlier run (only --all-portals reuses a page's
# Markdown across portals, within its one run). Wall and CPU time and peak RSS
# from GNU time; for the 10 single builds, their sum (wall, CPU) and the largest
# peak RSS.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/camnang-portals.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cp "${CAMNANG_JAR:-$REPO/target/camnang.jar}" "$WORK/camnang.jar"
FLAGS=(--no-cache)
[ "${SEARCH:-1}" = 1 ] || FLAGS+=(--no-search)
PORTALS=$(sed -n 's/^  - id: //p' "$REPO/content/site.yaml")

timed() { # prints "wall cpu rss" of one command
  /usr/bin/time -o "$WORK/t" -f '%e %U %S %M' "$@" >/dev/null 2>"$WORK/err.log" \
    || { echo "failed: $*" >&2; tail -5 "$WORK/err.log" >&2; exit 1; }
  awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4}' "$WORK/t"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

run_site() { # label source
  local label=$1 src=$2 all=() single=()
  for r in $(seq "$RUNS"); do
    rm -rf "$WORK/out-all"
    all+=("$(timed java -jar "$WORK/camnang.jar" build --source "$src" --out "$WORK/out-all" --all-portals "${FLAGS[@]}")")
    rm -rf "$WORK/out-all"
    local w=0 c=0 m=0
    for id in $PORTALS; do
      rm -rf "$WORK/out-one"
      read -r ww cc mm <<<"$(timed java -jar "$WORK/camnang.jar" build --source "$src" --out "$WORK/out-one" --portal "$id" "${FLAGS[@]}")"
      w=$(awk -v a="$w" -v b="$ww" 'BEGIN {print a + b}'); c=$(awk -v a="$c" -v b="$cc" 'BEGIN {print a + b}')
      [ "$mm" -gt "$m" ] && m=$mm
    done
    rm -rf "$WORK/out-one"
    single+=("$w $c $m")
  done
  local aw ac am sw sc sm
  aw=$(printf '%s\n' "${all[@]}" | awk '{print $1}' | median)
  ac=$(printf '%s\n' "${all[@]}" | awk '{print $2}' | median)
  am=$(printf '%s\n' "${all[@]}" | awk '{print $3}' | median)
  sw=$(printf '%s\n' "${single[@]}" | awk '{print $1}' | median)
  sc=$(printf '%s\n' "${single[@]}" | awk '{print $2}' | median)
  sm=$(printf '%s\n' "${single[@]}" | awk '{print $3}' | median)
  printf '| %s | --all-portals | %s | %s | %d | %s |\n' "$label" "$aw" "$ac" $((am / 1024)) \
    "$(printf '%s\n' "${all[@]}" | awk '{print $1}' | paste -sd, -)"
  printf '| %s | 10 × --portal ID | %s | %s | %d | %s |\n' "$label" "$sw" "$sc" $((sm / 1024)) \
    "$(printf '%s\n' "${single[@]}" | awk '{print $1}' | paste -sd, -)"
  printf '| %s | ratio (all / 10 single) | %s | %s | | |\n' "$label" \
    "$(awk -v a="$aw" -v b="$sw" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v a="$ac" -v b="$sc" 'BEGIN {printf "%.2f", a / b}')"
}

echo "| site | command | median wall (s) | median CPU (s) | peak RSS (MiB) | wall per run (s) |"
echo "|---|---|---:|---:|---:|---|"
what=${1:-all}
if [ "$what" = all ] || [ "$what" = sample ]; then
  run_site "sample (content/)" "$REPO/content"
fi
if [ "$what" = all ] || [ "$what" = 1000 ]; then
  python3 "$BENCH_DIR/gen_pages.py" 1000 "$WORK/gen" --seed 1 >/dev/null
  cp "$REPO/content/site.yaml" "$WORK/gen/site.yaml"
  # The sample's menu points at its own folders: keep only the portals.
  python3 - "$WORK/gen/site.yaml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
start = s.index("menu:")
end = s.index("\n", s.index("link: van-ban/")) + 1
open(p, "w", encoding="utf-8").write(s[:start] + s[end:])
EOF
  run_site "1,000 generated pages" "$WORK/gen"
fi
