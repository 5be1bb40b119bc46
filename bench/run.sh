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
#   CORPUS=...             default: <repo>/../shared/corpus/phap-dien
#   SEED=1                 generator seed
#   HUGO_ON_CORPUS=0       skip the Hugo reference runs in `corpus` mode
#   QUIET_WAIT=180         max seconds to wait for an idle machine before each run
#   NOISY_RETRIES=2        times a run disturbed by other processes is repeated
#   KEEP=1                 keep the temp dir (corpora, outputs, logs)
#   CAMNANG_BUILD_ARGS=... more arguments for camnang's builds of generated
#                          pages, e.g. --no-search to compare with Hugo alone
#
# Method: corpora are generated once per invocation into a temp dir under
# /tmp (never inside the repo), outside the timed region; the pages are also
# copied into a Hugo site (bench/hugo-site) before timing, and the jar is
# copied too, so a rebuild of target/camnang.jar during the run cannot mix
# versions. For each size the tools run RUNS times each, interleaved (camnang
# full build, Hugo, camnang rebuild, camnang full build, ...), each run writing
# into a fresh empty output dir. Outputs are moved aside, not deleted, until
# the script ends (see discard() below: on this machine a deletion slows the
# file creation of the runs that follow it). A full build passes --no-cache (when the jar
# has it) so camnang renders every page, as Hugo does; a rebuild is the plain
# command after an untimed build filled camnang's fragment cache.
# Wall time, peak RSS and CPU time come from GNU time,
# `/usr/bin/time -f '%e %M %U %S'` (Debian package `time`). The file cache is
# warm for both tools (the pages were just written); caches are never dropped.
# Because other work on a shared machine skews wall times, each run also
# records the CPU time that *other* processes used meanwhile (busy jiffies in
# /proc/stat minus the tool's own user+sys): "others CPU" near 0 means a quiet
# machine. Before each run the script waits (up to QUIET_WAIT s) until other
# processes use less than 0.15 cores, and a run during which they used more
# than max(1 s, 10% of its wall time) is repeated (NOISY_RETRIES times at most).
#
# JVM flags for camnang: none, i.e. plain `java -jar camnang.jar build`, the
# way staff run it. camnang's launcher (src/main/java/camnang/cli/Launcher.java)
# then sends the build to its daemon (cli/Daemon.java): a JVM kept running
# between builds of the same folder, with -Xmx(384 MB + 4 x Markdown bytes,
# rounded up to 256 MB) -XX:+UseParallelGC and both compilers, started by
# the first build. Each size therefore begins with the daemons stopped and
# one timed "first full build" that starts a fresh one; the other camnang
# runs go to that daemon, and "without the daemon" runs set CAMNANG_DAEMON=0:
# the launcher then runs the build in a child JVM with -Xmx(384 MB + 4 x
# Markdown bytes) -XX:+UseParallelGC, its class-data archive in
# /tmp/camnang-cds, and C1 only (-XX:TieredStopAtLevel=1), as before the
# daemon. Flags given here reach only the launcher JVM, unless they include
# -Xmx (the build then runs in place) or CAMNANG_NO_FORK=1 is set. Peak RSS
# is the largest single process (the daemon or the child JVM), not the sum
# with the ~40 MB launcher; CPU time includes both (see timed() below).
# `bench/run.sh flags 10000` compares, in place (CAMNANG_NO_FORK=1): the JVM's
# defaults, the launcher's flags, -XX:+UseParallelGC, -XX:TieredStopAtLevel=1
# (C1 only), -Xshare:off and an application CDS archive (-XX:SharedArchiveFile
# from a -XX:ArchiveClassesAtExit training run); numbers in BENCHMARKS.md.
# JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and _JAVA_OPTIONS are cleared so that
# nothing else changes the JVM's behaviour.
DEFAULT_CAMNANG_JVM_FLAGS=""

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
JAR=$(realpath -m "${CAMNANG_JAR:-$REPO/target/camnang.jar}")
RUNS=${RUNS:-3}
SEED=${SEED:-1}
CAMNANG_JVM_FLAGS=${CAMNANG_JVM_FLAGS-$DEFAULT_CAMNANG_JVM_FLAGS}
CORPUS=$(realpath -m "${CORPUS:-$(dirname "$REPO")/shared/corpus/phap-dien}")
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS CAMNANG_NO_FORK CAMNANG_DAEMON CI
read -ra BUILD_ARGS <<< "${CAMNANG_BUILD_ARGS:-}"

JAR_INFO=""
NO_CACHE=()
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
  echo "error: $TIME is missing; install it with: apt-get install -y time" >&2
  exit 1
fi
CLK_TCK=$(getconf CLK_TCK)

WORK=$(mktemp -d /tmp/camnang-bench.XXXXXX)
# camnang keeps caches in java.io.tmpdir (/tmp): camnang-jte (compiled
# templates), camnang-cache (rendered pages, one build's worth) and
# camnang-cds (class-data archives, one per jar path and mtime). The copy of
# the jar in $WORK gets an archive of its own; remove it at the end (its name
# is computed as camnang's Launcher.archive() does). Nothing else is touched.
cds_archive() {
  [[ -f $WORK/camnang.jar ]] || return 0
  local vm
  vm=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.version/ {print $2}')
  python3 - "$WORK/camnang.jar" "$vm" <<'PY'
import os, sys
jar, vm = sys.argv[1], sys.argv[2]
st = os.stat(jar)
key = "%s|%d|%d|%s" % (os.path.abspath(jar), st.st_size, st.st_mtime_ns // 1000000, vm)
h = 0
for ch in key:  # String.hashCode(); the path is ASCII
    h = (31 * h + ord(ch)) & 0xFFFFFFFF
print("/tmp/camnang-cds/%x%x.jsa" % (h, len(key)))
PY
}
cleanup() {
  local jsa
  if [[ -f $WORK/camnang.jar ]]; then java -jar "$WORK/camnang.jar" daemon --stop >/dev/null 2>&1 || true; fi
  jsa=$(cds_archive || true)
  if [[ -n $jsa ]]; then rm -f -- "$jsa" "$jsa".*.tmp; fi
  if [[ ${KEEP:-0} == 1 ]]; then
    echo "kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
mkdir -p "$WORK/times" "$WORK/out" "$WORK/trash"

# discard PATH...: moves what a run left into $WORK/trash, deleted when the
# script ends, instead of deleting it between runs. On a file system without
# a journal, as this machine's ext4, creating a file looks at each free inode
# for one deleted in the last minutes (recently_deleted() in the kernel's
# fs/ext4/ialloc.c): a build that followed the deletion of the previous run's
# output (150,000 files for 10,000 pages with the search index) spent a
# quarter of its CPU time there (perf record, 2026-11-26), charging one run
# for another's files. Now no timed run follows a deletion.
DISCARDED=0
discard() {
  local p
  for p in "$@"; do
    if [[ -e $p ]]; then
      DISCARDED=$((DISCARDED + 1))
      mv -- "$p" "$WORK/trash/$DISCARDED"
    fi
  done
}

# need_jar: checks the jar and copies it into the temp dir.
need_jar() {
  if [[ ! -f $JAR ]]; then
    echo "error: $JAR not found; build it with: (cd $REPO && mvn -q -B package -DskipTests)" >&2
    exit 1
  fi
  JAR_INFO="$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$JAR" | cut -c1-12)"
  cp "$JAR" "$WORK/camnang.jar"
  JAR=$WORK/camnang.jar
  # camnang takes site-templates/ from the working folder or beside the source
  # when there is one; run it from the temp dir so that it uses the templates
  # inside the jar, not a work-in-progress copy in the repo.
  cd "$WORK"
  # Untimed warm-up: camnang caches its compiled templates (about a second of
  # javac) in java.io.tmpdir; every timed run then sees the warm cache, as a
  # writer rebuilding a site does.
  python3 "$BENCH_DIR/gen_pages.py" 20 "$WORK/warmup" --seed warmup 2>/dev/null
  mkdir -p "$WORK/out/warmup"
  if ! java -jar "$JAR" build --source "$WORK/warmup" --out "$WORK/out/warmup" >"$WORK/warmup.log" 2>&1; then
    echo "error: camnang failed on 20 generated pages:" >&2
    tail -n 40 "$WORK/warmup.log" >&2
    KEEP=1
    exit 1
  fi
  discard "$WORK/out/warmup"
  # Full builds ignore camnang's fragment cache (--no-cache, since fa3083b);
  # rebuilds from a warm cache are measured separately.
  NO_CACHE=()
  if java -jar "$JAR" build --help 2>&1 | grep -q -- '--no-cache'; then
    NO_CACHE=(--no-cache)
  fi
}

need_hugo() {
  if ! command -v hugo >/dev/null; then
    echo "error: hugo not found; install it with: apt-get install -y hugo" >&2
    exit 1
  fi
}

# camnang_cmd [FLAGS]: sets the array CAMNANG to the java command line
# (FLAGS default to $CAMNANG_JVM_FLAGS; split on spaces on purpose).
camnang_cmd() {
  local flags=${1-$CAMNANG_JVM_FLAGS}
  # shellcheck disable=SC2206
  CAMNANG=(java $flags -jar "$JAR")
}

# median of the numbers on stdin (mean of the two middle ones for even counts)
median() {
  sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

busy_jiffies() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }

# wait_quiet: on a shared machine, waits (up to QUIET_WAIT seconds, default
# 180) until other processes use less than 0.15 cores over 2 s, so that timed
# runs start on an idle machine. QUIET_WAIT=0 disables it.
wait_quiet() {
  local waited=0 b0 b1
  while ((waited < ${QUIET_WAIT:-180})); do
    b0=$(busy_jiffies); sleep 2; b1=$(busy_jiffies)
    if (((b1 - b0) * 100 < 15 * 2 * CLK_TCK)); then return 0; fi
    waited=$((waited + 2))
  done
  if ((${QUIET_WAIT:-180} > 0)); then echo "  (machine still busy after ${QUIET_WAIT:-180} s; running anyway)" >&2; fi
}

# camnang's daemon: `java -jar camnang.jar build` sends the build to a JVM
# that camnang keeps running between builds (src/main/java/camnang/cli/Daemon.java),
# started by the first build; GNU time sees only the small client JVM. So
# timed() also charges the daemon's CPU time (utime + stime in /proc/PID/stat,
# the difference over the run, or all of it for a daemon born during the run)
# to the run's user time, and takes its peak RSS (VmHWM, reset before the run
# by writing 5 to /proc/PID/clear_refs) when larger than the client's; for
# runs of the jar only, not Hugo's nor those with CAMNANG_DAEMON=0.
DAEMON_DIR=/tmp/camnang-daemon-$(id -un)
declare -A DAEMON_CPU0=()
daemon_pids() { cat "$DAEMON_DIR"/*.pid 2>/dev/null | awk 'NR % 2 == 1'; }
daemon_jiffies() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
daemon_before() {
  local p
  DAEMON_CPU0=()
  ((DAEMON_RUN)) || return 0
  for p in $(daemon_pids); do
    [[ -d /proc/$p ]] || continue
    DAEMON_CPU0[$p]=$(daemon_jiffies "$p")
    echo 5 >"/proc/$p/clear_refs" 2>/dev/null || true
  done
}
daemon_after() {
  local p j k
  DAEMON_JIFFIES=0 DAEMON_PEAK_KIB=0
  ((DAEMON_RUN)) || return 0
  for p in $(daemon_pids); do
    [[ -d /proc/$p ]] || continue
    j=$(daemon_jiffies "$p")
    DAEMON_JIFFIES=$((DAEMON_JIFFIES + j - ${DAEMON_CPU0[$p]:-0}))
    k=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    if ((k > DAEMON_PEAK_KIB)); then DAEMON_PEAK_KIB=$k; fi
  done
}
# stop_daemons: stops camnang's daemons and waits until they are gone, so
# that the next build starts a fresh one (timed as "first build").
stop_daemons() {
  local p waited=0
  java -jar "$JAR" daemon --stop >/dev/null 2>&1 || true
  for p in $(daemon_pids); do
    while [[ -d /proc/$p ]] && ((waited < 300)); do sleep 0.1; waited=$((waited + 1)); done
  done
}

# timed LABEL LOG OUT CMD... : runs CMD under GNU time (OUT: its output dir,
# made empty before each attempt) and appends
# "wall_s peak_kib user_s sys_s others_cpu_s" to $WORK/times/LABEL.
# A run during which other processes used more than max(1 s, 10% of its wall
# time) of CPU is discarded and repeated, at most NOISY_RETRIES times (default
# 2); the last attempt is kept whatever happened.
# On failure prints the log tail and exits (returns 1 if TIMED_SOFT=1).
timed() {
  local label=$1 log=$2 out=$3
  shift 3
  local tfile=$WORK/time.last b0 b1 line attempt
  for ((attempt = 0; ; attempt++)); do
    discard "$out"; mkdir -p "$out"
    wait_quiet
    # a run of camnang's jar without CAMNANG_DAEMON=0 goes to the daemon
    DAEMON_RUN=0
    if [[ " $* " == *" $JAR "* && " $* " != *" CAMNANG_DAEMON=0 "* ]]; then DAEMON_RUN=1; fi
    daemon_before
    b0=$(busy_jiffies)
    if ! "$TIME" -f '%e %M %U %S' -o "$tfile" "$@" >"$log" 2>&1; then
      local rc
      rc=$(grep -o 'exited with non-zero status [0-9]*' "$tfile" | grep -o '[0-9]*$' || echo '?')
      echo "error: $label failed (exit $rc): $*" >&2
      echo "---- last 40 lines of $log ----" >&2
      tail -n 40 "$log" >&2
      if [[ ${TIMED_SOFT:-0} == 1 ]]; then return 1; fi
      KEEP=1
      exit 1
    fi
    b1=$(busy_jiffies)
    daemon_after
    line=$(tail -n 1 "$tfile" | awk -v d=$((b1 - b0)) -v hz="$CLK_TCK" -v dj="$DAEMON_JIFFIES" -v dk="$DAEMON_PEAK_KIB" '{
      u = $3 + dj / hz; m = ($2 > dk ? $2 : dk)
      o = d / hz - u - $4; if (o < 0) o = 0
      printf "%s %s %.2f %s %.2f", $1, m, u, $4, o }')
    awk -v l="$label" '{
      printf "  %-26s %7.2f s wall %7.2f s CPU %6.0f MiB   others CPU %5.2f s", l, $1, $3 + $4, $2 / 1024, $5 }' <<<"$line" >&2
    if ((attempt < ${NOISY_RETRIES:-2})) && awk '{exit !($5 > 1 && $5 > 0.1 * $1)}' <<<"$line"; then
      echo "   (disturbed, repeated)" >&2
      echo "$line" >>"$WORK/times/discarded"
      continue
    fi
    echo >&2
    echo "$line" >>"$WORK/times/$label"
    return 0
  done
}

stat_wall() { awk '{print $1}' "$WORK/times/$1" | median; }
stat_cpu() { awk '{print $3 + $4}' "$WORK/times/$1" | median; }
stat_mib() { awk '{print $2 / 1024}' "$WORK/times/$1" | median; }
runs_list() { awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1}' "$WORK/times/$1"; }
others_summary() {
  local discarded=0
  if [[ -f $WORK/times/discarded ]]; then discarded=$(wc -l <"$WORK/times/discarded"); fi
  find "$WORK/times" -type f ! -name discarded -exec cat {} + | awk '{print $5}' | sort -g |
    awk -v d="$discarded" '{a[NR] = $1} END {printf "median %.2f s, max %.2f s per kept run; %d disturbed runs repeated", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[NR], d}'
}

commit_info() {
  local c
  c=$(git -C "$REPO" log -1 --format=%h 2>/dev/null || true)
  if [[ -n $c ]]; then echo "; repo HEAD $c"; fi
}

header() {
  echo "- date: $(date -u +%Y-%m-%d)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "- Java: $(java -version 2>&1 | head -n 1)"
  if command -v hugo >/dev/null; then echo "- Hugo: $(hugo version | awk '{print $1, $2}')"; fi
  echo "- camnang: target/camnang.jar built $JAR_INFO$(commit_info)"
  echo "- camnang templates: the defaults inside the jar (compiled-template cache warmed by an untimed build)"
  echo "- camnang JVM flags: ${CAMNANG_JVM_FLAGS:-(none; the launcher sends the build to its daemon, a JVM kept between builds with -Xmx(384 MB + 4 x Markdown, rounded up to 256 MB) -XX:+UseParallelGC, started by the first build; with CAMNANG_DAEMON=0 it runs the build in a child JVM with -Xmx(384 MB + 4 x Markdown) -XX:+UseParallelGC -XX:TieredStopAtLevel=1 and its class-data archive; CPU and peak RSS include the daemon)}"
  echo "- runs per tool: $RUNS, interleaved; medians reported"
  echo "- CPU used by other processes during the timed runs: $(others_summary)"
}

bench_sizes() {
  need_jar
  need_hugo
  camnang_cmd
  local sizes=("$@") n i out
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
    # The first build after the daemons are stopped starts one: a fresh JVM
    # that compiles as it goes, the build staff wait for first each day.
    stop_daemons
    out=$WORK/out/first-$n
    timed "first-$n" "$WORK/first-$n.log" "$out" \
      "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${BUILD_ARGS[@]}"
    discard "$out"
    if ((${#NO_CACHE[@]})); then
      # untimed: fill camnang's fragment cache for the rebuild runs
      mkdir -p "$WORK/out/prime-$n"
      "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$WORK/out/prime-$n" "${BUILD_ARGS[@]}" >"$WORK/prime-$n.log" 2>&1 ||
        { tail -n 40 "$WORK/prime-$n.log" >&2; KEEP=1; exit 1; }
      discard "$WORK/out/prime-$n"
    fi
    for ((i = 1; i <= RUNS; i++)); do
      out=$WORK/out/camnang-$n-$i
      mkdir -p "$out"
      timed "camnang-$n" "$WORK/camnang-$n-$i.log" "$out" \
        "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${BUILD_ARGS[@]}"
      discard "$out"
      out=$WORK/out/hugo-$n-$i
      mkdir -p "$out"
      timed "hugo-$n" "$WORK/hugo-$n-$i.log" "$out" \
        hugo --source "$WORK/hugo-$n" --quiet -d "$out" --cacheDir "$WORK/hugo-cache"
      discard "$out"
      if ((${#NO_CACHE[@]})); then
        out=$WORK/out/cached-$n-$i
        mkdir -p "$out"
        timed "cached-$n" "$WORK/cached-$n-$i.log" "$out" \
          "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${BUILD_ARGS[@]}"
        discard "$out"
      fi
      # without the daemon: the launcher's own child JVM, as on a CI server
      out=$WORK/out/nodaemon-$n-$i
      timed "nodaemon-$n" "$WORK/nodaemon-$n-$i.log" "$out" \
        env CAMNANG_DAEMON=0 "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${BUILD_ARGS[@]}"
      discard "$out"
    done
  done
  echo
  header
  echo "- camnang command: java ${CAMNANG_JVM_FLAGS:+$CAMNANG_JVM_FLAGS }-jar target/camnang.jar build --source PAGES --out OUT${NO_CACHE[*]:+ ${NO_CACHE[*]}}${BUILD_ARGS[*]:+ ${BUILD_ARGS[*]}}"
  if ((${#NO_CACHE[@]})); then
    echo "- camnang rebuild: the same without --no-cache, after an untimed build that filled the fragment cache (nothing changed)"
  fi
  echo "- Hugo command: hugo --source SITE --quiet -d OUT (site: bench/hugo-site + the same pages in content/)"
  echo "- camnang's own timing, last full build: $(grep -a 'Thời gian' "$WORK/camnang-${sizes[-1]}-$RUNS.log" | tail -n 1 || true)"
  echo
  echo "| pages | tool | median wall (s) | median CPU (s) | median peak RSS (MiB) | wall camnang/Hugo | RSS camnang/Hugo | wall per run (s) |"
  echo "|---:|---|---:|---:|---:|---:|---:|---|"
  local hw hm key label
  for n in "${sizes[@]}"; do
    hw=$(stat_wall "hugo-$n"); hm=$(stat_mib "hugo-$n")
    for key in camnang cached first nodaemon; do
      [[ -f $WORK/times/$key-$n ]] || continue
      label="camnang"
      if ((${#NO_CACHE[@]})); then label="camnang, full build"; fi
      case $key in
        cached) label="camnang, rebuild (fragment cache)" ;;
        first) label="camnang, first full build (starts the daemon; 1 run)" ;;
        nodaemon) label="camnang, full build without the daemon (CAMNANG_DAEMON=0)" ;;
      esac
      awk -v n="$n" -v label="$label" -v hw="$hw" -v hm="$hm" \
        -v w="$(stat_wall "$key-$n")" -v c="$(stat_cpu "$key-$n")" -v m="$(stat_mib "$key-$n")" \
        -v r="$(runs_list "$key-$n")" 'BEGIN {
        printf "| %d | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %s |\n", n, label, w, c, m, w / hw, m / hm, r }'
    done
    printf '| %d | Hugo | %.2f | %.2f | %.0f | | | %s |\n' "$n" "$hw" "$(stat_cpu "hugo-$n")" "$hm" "$(runs_list "hugo-$n")"
  done
}

bench_corpus() {
  if [[ ! -d $CORPUS ]]; then
    echo "skip: legal corpus not found at $CORPUS"
    return 0
  fi
  need_jar
  camnang_cmd
  local nfiles mb i out hugo_too=0 hugo_error=""
  nfiles=$(find "$CORPUS" -name '*.md' | wc -l)
  mb=$(du -sm "$CORPUS" | awk '{print $1}')
  if command -v hugo >/dev/null && [[ ${HUGO_ON_CORPUS:-1} == 1 ]]; then
    hugo_too=1
    cp -r "$BENCH_DIR/hugo-site" "$WORK/hugo-corpus"
    cp -r "$CORPUS" "$WORK/hugo-corpus/content"
  fi
  echo "legal corpus ($nfiles files):" >&2
  if ((${#NO_CACHE[@]})); then
    # untimed: fill camnang's fragment cache for the rebuild runs
    mkdir -p "$WORK/out/prime-corpus"
    "${CAMNANG[@]}" build --source "$CORPUS" --out "$WORK/out/prime-corpus" --broken-links=warn \
      >"$WORK/prime-corpus.log" 2>&1 || { tail -n 40 "$WORK/prime-corpus.log" >&2; KEEP=1; exit 1; }
    discard "$WORK/out/prime-corpus"
  fi
  for ((i = 1; i <= RUNS; i++)); do
    out=$WORK/out/camnang-corpus-$i
    mkdir -p "$out"
    timed "camnang-corpus" "$WORK/camnang-corpus-$i.log" "$out" \
      "${CAMNANG[@]}" build --source "$CORPUS" --out "$out" --broken-links=warn "${NO_CACHE[@]}"
    discard "$out"
    if ((hugo_too)); then
      # Hugo is only a reference here and may reject the corpus's messy YAML:
      # a failure is reported, not fatal.
      out=$WORK/out/hugo-corpus-$i
      mkdir -p "$out"
      if ! TIMED_SOFT=1 timed "hugo-corpus" "$WORK/hugo-corpus-$i.log" "$out" \
          hugo --source "$WORK/hugo-corpus" --quiet -d "$out" --cacheDir "$WORK/hugo-cache"; then
        hugo_too=0
        hugo_error=$(grep -m 1 'Error' "$WORK/hugo-corpus-$i.log" | sed "s|$WORK/hugo-corpus/content/||" || true)
        rm -f "$WORK/times/hugo-corpus"
      fi
      discard "$out"
    fi
    if ((${#NO_CACHE[@]})); then
      out=$WORK/out/cached-corpus-$i
      mkdir -p "$out"
      timed "cached-corpus" "$WORK/cached-corpus-$i.log" "$out" \
        "${CAMNANG[@]}" build --source "$CORPUS" --out "$out" --broken-links=warn
      discard "$out"
    fi
  done
  echo
  header
  echo "- corpus: ../shared/corpus/phap-dien ($nfiles Markdown files, $mb MiB on disk)"
  echo "- camnang command: java ${CAMNANG_JVM_FLAGS:+$CAMNANG_JVM_FLAGS }-jar target/camnang.jar build --source ../shared/corpus/phap-dien --out OUT --broken-links=warn${NO_CACHE[*]:+ ${NO_CACHE[*]}}"
  if ((${#NO_CACHE[@]})); then
    echo "- camnang rebuild: the same without --no-cache, after an untimed build that filled the fragment cache (nothing changed)"
  fi
  echo "- camnang's summary, full build run 1:"
  grep -a -E '^(Đã xây dựng|Build thất bại|Thời gian)' "$WORK/camnang-corpus-1.log" | sed 's/^/  - /' || true
  echo
  echo "| corpus | tool | median wall (s) | median CPU (s) | median peak RSS (MiB) | wall per run (s) |"
  echo "|---|---|---:|---:|---:|---|"
  local key label
  for key in camnang cached; do
    [[ -f $WORK/times/$key-corpus ]] || continue
    label="camnang"
    if ((${#NO_CACHE[@]})); then label="camnang, full build"; fi
    if [[ $key == cached ]]; then label="camnang, rebuild (fragment cache)"; fi
    printf '| phap-dien | %s | %.2f | %.2f | %.0f | %s |\n' "$label" \
      "$(stat_wall "$key-corpus")" "$(stat_cpu "$key-corpus")" "$(stat_mib "$key-corpus")" "$(runs_list "$key-corpus")"
  done
  if ((hugo_too)); then
    printf '| phap-dien | Hugo (reference) | %.2f | %.2f | %.0f | %s |\n' \
      "$(stat_wall hugo-corpus)" "$(stat_cpu hugo-corpus)" "$(stat_mib hugo-corpus)" "$(runs_list hugo-corpus)"
  elif [[ -n $hugo_error ]]; then
    echo
    echo "Hugo (reference) cannot build this corpus as is: \`$hugo_error\`"
  fi
}

bench_flags() {
  need_jar
  local n=${1:-10000} i v name key flags out
  echo "generating $n pages ..." >&2
  python3 "$BENCH_DIR/gen_pages.py" "$n" "$WORK/pages-$n" --seed "$SEED"
  # Since commit b7e0872 `java -jar camnang.jar build` starts the build in a
  # child JVM with flags of its own choosing (see src/.../cli/Launcher.java);
  # CAMNANG_NO_FORK=1 runs the build in the JVM we start, so that the flags
  # under test reach it. The launcher's choice for this corpus is measured too.
  local mdbytes launcher_xmx
  mdbytes=$(find "$WORK/pages-$n" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
  launcher_xmx=$(( (384 * 1048576 + 4 * mdbytes) / 1048576 ))
  # Application CDS archive (JDK 17: dynamic archive from a training run, not timed).
  local jsa=$WORK/camnang-app.jsa
  mkdir -p "$WORK/out/train"
  CAMNANG_NO_FORK=1 java -XX:ArchiveClassesAtExit="$jsa" -jar "$JAR" build --source "$WORK/pages-$n" \
    --out "$WORK/out/train" "${NO_CACHE[@]}" >"$WORK/train.log" 2>&1 || { tail -n 20 "$WORK/train.log" >&2; exit 1; }
  discard "$WORK/out/train"
  # name|flags; "fork" = plain java -jar (the launcher picks the child's flags)
  local variants=(
    "fork|"
    "no fork, JVM defaults|"
    "no fork, launcher's flags|-Xmx${launcher_xmx}m -XX:+UseParallelGC -Xshare:auto"
    "no fork, ParallelGC|-XX:+UseParallelGC"
    "no fork, C1 only|-XX:TieredStopAtLevel=1"
    "no fork, Xshare:off|-Xshare:off"
    "no fork, AppCDS|-XX:SharedArchiveFile=$jsa"
    "no fork, launcher's flags + AppCDS|-Xmx${launcher_xmx}m -XX:+UseParallelGC -XX:SharedArchiveFile=$jsa"
  )
  for ((i = 1; i <= RUNS; i++)); do
    for v in "${variants[@]}"; do
      name=${v%%|*}; flags=${v#*|}; key=flags-${name//[^A-Za-z0-9]/_}
      out=$WORK/out/flags-$i
      mkdir -p "$out"
      camnang_cmd "$flags"
      if [[ $name == fork ]]; then
        timed "$key" "$WORK/flags.log" "$out" "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}"
      else
        timed "$key" "$WORK/flags.log" "$out" env CAMNANG_NO_FORK=1 "${CAMNANG[@]}" build --source "$WORK/pages-$n" \
          --out "$out" "${NO_CACHE[@]}"
      fi
      discard "$out"
    done
  done
  echo
  header
  echo "- pages: $n (generated, seed $SEED); launcher heap for them: -Xmx${launcher_xmx}m; full builds${NO_CACHE[*]:+ (${NO_CACHE[*]})}"
  echo
  echo "| how | JVM flags | median wall (s) | median CPU (s) | median peak RSS (MiB) | wall vs fork | wall per run (s) |"
  echo "|---|---|---:|---:|---:|---:|---|"
  local base
  base=$(stat_wall flags-fork)
  for v in "${variants[@]}"; do
    name=${v%%|*}; flags=${v#*|}; key=flags-${name//[^A-Za-z0-9]/_}
    flags=${flags//$WORK\//}
    if [[ $name == fork ]]; then
      name="java -jar (launcher forks a build JVM)"; flags="(chosen by the launcher)"
    fi
    printf '| %s | %s | %.2f | %.2f | %.0f | %.2f | %s |\n' "$name" "${flags:-(none)}" \
      "$(stat_wall "$key")" "$(stat_cpu "$key")" "$(stat_mib "$key")" \
      "$(awk -v a="$(stat_wall "$key")" -v b="$base" 'BEGIN {print a / b}')" "$(runs_list "$key")"
  done
}

# bench/search.sh sources this file for its set-up and timing functions.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  case ${1:-} in
    corpus) bench_corpus ;;
    flags) shift; bench_flags "$@" ;;
    -h|--help) sed -n '2,/^# Method/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
    "") bench_sizes 1000 10000 ;;
    *) bench_sizes "$@" ;;
  esac
fi
