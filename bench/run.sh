#!/usr/bin/env bash
# Build benchmark: camnang vs Hugo on generated Vietnamese pages, and camnang
# on the legal corpus.
#
# Usage:
#   bench/run.sh [SIZES...]     generated corpora, default sizes: 1000 10000
#   bench/run.sh corpus         ../shared/corpus/phap-dien (skipped if absent)
#   bench/run.sh flags [SIZE]   camnang only, compares JVM flag sets (default 10000)
#
# Environment:
#   RUNS=3                 runs per tool and size (the median is reported)
#   CAMNANG_JAR=...        default: <repo>/target/camnang.jar
#   CAMNANG_JVM_FLAGS=...  JVM flags for camnang (default below)
#   SEED=1                 generator seed
#   KEEP=1                 keep the temp dir (corpora, outputs, logs)
#
# Method: corpora are generated once per invocation into a temp dir under
# /tmp (never inside the repo), outside the timed region; the pages are also
# copied into a Hugo site (bench/hugo-site) before timing. For each size the
# tools run RUNS times each, interleaved (camnang, hugo, camnang, hugo, ...),
# each run writing into a fresh empty output dir. Wall time and peak RSS come
# from `/usr/bin/time -f '%e %M'` (GNU time; Debian package `time`). The file
# cache is warm for both tools (the pages were just written); caches are never
# dropped.
#
# JVM flags for camnang. Measured with `bench/run.sh flags 10000` (see
# BENCHMARKS.md): the JVM's defaults are used. -XX:+UseParallelGC,
# -XX:TieredStopAtLevel=1 (C1 only), -Xshare:off and an application CDS archive
# were compared; see BENCHMARKS.md for the numbers. Override with
# CAMNANG_JVM_FLAGS to try others. JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS are
# cleared so that nothing else changes the JVM's behaviour.
DEFAULT_CAMNANG_JVM_FLAGS=""

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
JAR=${CAMNANG_JAR:-$REPO/target/camnang.jar}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
CAMNANG_JVM_FLAGS=${CAMNANG_JVM_FLAGS-$DEFAULT_CAMNANG_JVM_FLAGS}
CORPUS=${CORPUS:-$(dirname "$REPO")/shared/corpus/phap-dien}
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS

TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
  echo "error: $TIME is missing; install it with: apt-get install -y time" >&2
  exit 1
fi

need_jar() {
  if [[ ! -f $JAR ]]; then
    echo "error: $JAR not found; build it with: (cd $REPO && mvn -q -B package -DskipTests)" >&2
    exit 1
  fi
}

need_hugo() {
  if ! command -v hugo >/dev/null; then
    echo "error: hugo not found; install it with: apt-get install -y hugo" >&2
    exit 1
  fi
}

WORK=$(mktemp -d /tmp/camnang-bench.XXXXXX)
cleanup() {
  if [[ ${KEEP:-0} == 1 ]]; then
    echo "kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# median of the numbers on stdin (mean of the two middle ones for even counts)
median() {
  sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# timed LABEL LOG CMD... : runs CMD under GNU time, appends "wall kib" to
# $WORK/times/LABEL; on failure prints the log tail and exits.
timed() {
  local label=$1 log=$2
  shift 2
  mkdir -p "$WORK/times"
  local tfile=$WORK/times/last
  if ! "$TIME" -f '%e %M' -o "$tfile" "$@" >"$log" 2>&1; then
    local rc
    rc=$(grep -o 'exited with non-zero status [0-9]*' "$tfile" | grep -o '[0-9]*$' || echo '?')
    echo "error: $label failed (exit $rc): $*" >&2
    echo "---- last 40 lines of $log ----" >&2
    tail -n 40 "$log" >&2
    if [[ ${TIMED_SOFT:-0} == 1 ]]; then return 1; fi
    KEEP=1
    exit 1
  fi
  tail -n 1 "$tfile" >>"$WORK/times/$label"
  printf '  %-22s %s\n' "$label" "$(tail -n 1 "$tfile" | awk '{printf "%6.2f s %7.0f MiB", $1, $2/1024}')" >&2
}

stat_wall() { awk '{print $1}' "$WORK/times/$1" | median; }
stat_mib() { awk '{print $2/1024}' "$WORK/times/$1" | median; }
runs_list() { awk '{printf "%s%.2f", (NR>1?", ":""), $1}' "$WORK/times/$1"; }

# camnang_cmd [FLAGS]: sets the array CAMNANG to the java command line
# (FLAGS default to $CAMNANG_JVM_FLAGS; split on spaces on purpose).
camnang_cmd() {
  local flags=${1-$CAMNANG_JVM_FLAGS}
  # shellcheck disable=SC2206
  CAMNANG=(java $flags -jar "$JAR")
}

header() {
  echo "- date: $(date -u +%Y-%m-%d)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "- Java: $(java -version 2>&1 | head -n 1)"
  if command -v hugo >/dev/null; then echo "- Hugo: $(hugo version | awk '{print $1, $2}')"; fi
  echo "- camnang JVM flags: ${CAMNANG_JVM_FLAGS:-(none, JVM defaults)}"
  echo "- runs per tool: $RUNS, interleaved; median reported"
}

bench_sizes() {
  need_jar
  camnang_cmd
  need_hugo
  local sizes=("$@") n
  for n in "${sizes[@]}"; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "error: size must be a number: $n" >&2; exit 2; }
  done
  for n in "${sizes[@]}"; do
    echo "generating $n pages ..." >&2
    python3 "$BENCH_DIR/gen_pages.py" "$n" "$WORK/pages-$n" --seed "$SEED"
    cp -r "$BENCH_DIR/hugo-site" "$WORK/hugo-$n"
    cp -r "$WORK/pages-$n" "$WORK/hugo-$n/content"
  done
  for n in "${sizes[@]}"; do
    echo "size $n:" >&2
    for ((i = 1; i <= RUNS; i++)); do
      local out=$WORK/out/camnang-$n-$i
      mkdir -p "$out"
      timed "camnang-$n" "$WORK/camnang-$n-$i.log" \
        "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out"
      rm -rf "$out"
      out=$WORK/out/hugo-$n-$i
      mkdir -p "$out"
      timed "hugo-$n" "$WORK/hugo-$n-$i.log" \
        hugo --source "$WORK/hugo-$n" --quiet -d "$out" --cacheDir "$WORK/hugo-cache"
      rm -rf "$out"
    done
  done
  echo
  header
  echo
  echo "| pages | tool | median wall (s) | median peak RSS (MiB) | camnang/Hugo wall | camnang/Hugo RSS | runs (s) |"
  echo "|---:|---|---:|---:|---:|---:|---|"
  for n in "${sizes[@]}"; do
    local cw cm hw hm
    cw=$(stat_wall "camnang-$n"); cm=$(stat_mib "camnang-$n")
    hw=$(stat_wall "hugo-$n"); hm=$(stat_mib "hugo-$n")
    awk -v n="$n" -v cw="$cw" -v cm="$cm" -v hw="$hw" -v hm="$hm" \
        -v cr="$(runs_list "camnang-$n")" -v hr="$(runs_list "hugo-$n")" 'BEGIN {
      printf "| %d | camnang | %.2f | %.0f | %.2f | %.2f | %s |\n", n, cw, cm, cw/hw, cm/hm, cr
      printf "| %d | Hugo | %.2f | %.0f | | | %s |\n", n, hw, hm, hr
    }'
  done
}

bench_corpus() {
  if [[ ! -d $CORPUS ]]; then
    echo "skip: legal corpus not found at $CORPUS"
    return 0
  fi
  need_jar
  camnang_cmd
  local nfiles mb
  nfiles=$(find "$CORPUS" -name '*.md' | wc -l)
  mb=$(du -sm "$CORPUS" | awk '{print $1}')
  local hugo_too=0 hugo_error=""
  if command -v hugo >/dev/null && [[ ${HUGO_ON_CORPUS:-1} == 1 ]]; then
    hugo_too=1
    cp -r "$BENCH_DIR/hugo-site" "$WORK/hugo-corpus"
    cp -r "$CORPUS" "$WORK/hugo-corpus/content"
  fi
  echo "legal corpus ($nfiles files):" >&2
  for ((i = 1; i <= RUNS; i++)); do
    local out=$WORK/out/camnang-corpus-$i
    mkdir -p "$out"
    timed "camnang-corpus" "$WORK/camnang-corpus-$i.log" \
      "${CAMNANG[@]}" build --source "$CORPUS" --out "$out" --broken-links=warn
    rm -rf "$out"
    if ((hugo_too)); then
      # Hugo is only a reference here and may reject the corpus's messy YAML:
      # a failure is reported, not fatal.
      out=$WORK/out/hugo-corpus-$i
      mkdir -p "$out"
      if ! TIMED_SOFT=1 timed "hugo-corpus" "$WORK/hugo-corpus-$i.log" \
          hugo --source "$WORK/hugo-corpus" --quiet -d "$out" --cacheDir "$WORK/hugo-cache"; then
        hugo_too=0
        hugo_error=$(grep -m 1 'Error' "$WORK/hugo-corpus-$i.log" | sed "s|$WORK/hugo-corpus/content/||" || true)
      fi
      rm -rf "$out"
    fi
  done
  local warnings
  warnings=$(grep -ci 'warn' "$WORK/camnang-corpus-1.log" || true)
  echo
  header
  echo "- corpus: $CORPUS ($nfiles Markdown files, $mb MiB on disk)"
  echo "- camnang command: java ${CAMNANG_JVM_FLAGS:+$CAMNANG_JVM_FLAGS }-jar target/camnang.jar build --source ../shared/corpus/phap-dien --out OUT --broken-links=warn"
  echo "- camnang output lines mentioning 'warn' (run 1): $warnings"
  echo
  echo "| corpus | tool | median wall (s) | median peak RSS (MiB) | runs (s) |"
  echo "|---|---|---:|---:|---|"
  printf '| phap-dien | camnang | %.2f | %.0f | %s |\n' \
    "$(stat_wall camnang-corpus)" "$(stat_mib camnang-corpus)" "$(runs_list camnang-corpus)"
  if ((hugo_too)); then
    printf '| phap-dien | Hugo (reference) | %.2f | %.0f | %s |\n' \
      "$(stat_wall hugo-corpus)" "$(stat_mib hugo-corpus)" "$(runs_list hugo-corpus)"
  elif [[ -n $hugo_error ]]; then
    echo
    echo "Hugo (reference) cannot build this corpus as is: \`$hugo_error\`"
  fi
}

bench_flags() {
  need_jar
  local n=${1:-10000}
  echo "generating $n pages ..." >&2
  python3 "$BENCH_DIR/gen_pages.py" "$n" "$WORK/pages-$n" --seed "$SEED"
  # Application CDS archive (JDK 17: dynamic archive from a training run, not timed).
  local jsa=$WORK/camnang-app.jsa
  mkdir -p "$WORK/out/train"
  java -XX:ArchiveClassesAtExit="$jsa" -jar "$JAR" build --source "$WORK/pages-$n" \
    --out "$WORK/out/train" >"$WORK/train.log" 2>&1 || { tail -n 20 "$WORK/train.log" >&2; exit 1; }
  rm -rf "$WORK/out/train"
  local variants=(
    "default|"
    "ParallelGC|-XX:+UseParallelGC"
    "C1 only|-XX:TieredStopAtLevel=1"
    "Xshare:off|-Xshare:off"
    "AppCDS|-XX:SharedArchiveFile=$jsa"
    "ParallelGC + AppCDS|-XX:+UseParallelGC -XX:SharedArchiveFile=$jsa"
  )
  local i v name flags
  for ((i = 1; i <= RUNS; i++)); do
    for v in "${variants[@]}"; do
      name=${v%%|*}; flags=${v#*|}
      local out=$WORK/out/flags-$i
      mkdir -p "$out"
      camnang_cmd "$flags"
      timed "flags-${name// /_}" "$WORK/flags.log" \
        "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out"
      rm -rf "$out"
    done
  done
  echo
  header
  echo "- pages: $n (generated, seed $SEED)"
  echo
  echo "| JVM flags | median wall (s) | median peak RSS (MiB) | vs default wall | runs (s) |"
  echo "|---|---:|---:|---:|---|"
  local base
  base=$(stat_wall flags-default)
  for v in "${variants[@]}"; do
    name=${v%%|*}; flags=${v#*|}
    local w m
    w=$(stat_wall "flags-${name// /_}"); m=$(stat_mib "flags-${name// /_}")
    printf '| %s | %.2f | %.0f | %.2f | %s |\n' "${flags//$WORK/\$WORK}" "$w" "$m" \
      "$(awk -v a="$w" -v b="$base" 'BEGIN {print a/b}')" "$(runs_list "flags-${name// /_}")"
  done | sed 's/^| |/| (none) |/'
}

case ${1:-} in
  corpus) bench_corpus ;;
  flags) shift; bench_flags "$@" ;;
  -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
  "") bench_sizes 1000 10000 ;;
  *) bench_sizes "$@" ;;
esac
