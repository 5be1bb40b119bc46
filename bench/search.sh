#!/usr/bin/env bash
# Search benchmark: camnang's build with its search index against Hugo +
# Pagefind, the size of camnang's browser shards, and the bytes a browser
# downloads per query.
#
# Usage:
#   bench/search.sh [all]        build 10000, then index, then bytes
#   bench/search.sh build [N]    N generated pages (default 10000): camnang
#                                build with search vs hugo + pagefind
#   bench/search.sh index        index build time and sizes: sample site
#                                (content/), legal corpus, 10000 pages
#   bench/search.sh bytes        bytes per query in headless Chromium: sample
#                                site, legal corpus, 10000 pages (camnang);
#                                10000 pages (Hugo + Pagefind) and the legal
#                                corpus (Pagefind over camnang's HTML)
#
# Environment (besides those of bench/run.sh: RUNS, CAMNANG_JAR, CORPUS,
# SEED, QUIET_WAIT, NOISY_RETRIES, KEEP):
#   PAGEFIND_VERSION=1.6.0  npm package version, installed with `npm install`
#                           into the temp dir (never into the repo)
#   PAGEFIND_DIR=...        an existing npm folder with pagefind installed
#                           (node_modules/.bin/pagefind) instead
#   GEN_PAGES=10000         size of the generated site for `index` and `bytes`
#   REPS=10                 timed repeats of each query with shards cached
#   PAGEFIND_CORPUS=1       0 skips Pagefind over the legal corpus in `bytes`
#
# Method. Timing is bench/run.sh's (this script sources it): GNU time for
# wall, CPU and peak RSS; each run waits for an idle machine and is repeated
# when other processes used more than max(1 s, 10% of its wall time); RUNS
# runs per tool, interleaved, medians. camnang builds from scratch
# (--no-cache) with its search index (passing --search when the jar does not
# write the browser shards by default); "rebuild" is the same command after
# an untimed build filled camnang's fragment cache. Hugo + Pagefind is
# `hugo --source SITE --quiet -d OUT` then `pagefind --site OUT --output-path
# PF` (the npm wrapper, as `npx pagefind` runs it), timed separately within
# the same iteration; the pair's wall and CPU are the sums, its peak RSS the
# larger of the two (they do not overlap). Ratios compare medians taken in
# the same invocation.
#
# Bytes per query: bench/search_bytes.py serves the built site with
# bench/search_server.py (a plain static server like `python3 -m
# http.server`: no compression, HTTP/1.0) and opens
# bench/search_harness.html in a fresh headless Chromium for every pair of
# queries; see those files. "first query" counts every byte the site sends
# from loading the client script to showing the first query's top 10 (for
# camnang: search/camnang.js, manifest, chunks, fragments; for Pagefind:
# pagefind.js, its worker and WebAssembly, entry and meta files, index chunks
# and the 10 results' fragments); "second query" is a query with a new term,
# run next in the same page. Response bodies only; headers add about 195
# bytes per request.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=run.sh
source "$BENCH_DIR/run.sh"
mkdir -p "$WORK/sizes"
# The jar's own checkout (CAMNANG_JAR may come from another worktree or clone):
# its HEAD, and whether its sources had uncommitted changes.
JAR_SOURCE=$JAR
commit_info() {
  local d c dirty=""
  d=$(dirname "$(dirname "$JAR_SOURCE")")
  c=$(git -C "$d" log -1 --format=%h 2>/dev/null || true)
  [[ -n $c ]] || return 0
  if [[ -n $(git -C "$d" status --porcelain -- src site-templates pom.xml 2>/dev/null) ]]; then
    dirty=" + uncommitted changes"
  fi
  echo "; sources: $d at $c$dirty"
}
# need_jar copies the jar and warms camnang's caches: once per invocation
eval "$(declare -f need_jar | sed '1s/need_jar/need_jar_once/')"
need_jar() { [[ -n $JAR_INFO ]] || need_jar_once; }

GEN_PAGES=${GEN_PAGES:-10000}
REPS=${REPS:-10}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
SEARCH_FLAG=()
SEARCH_FLAG_DONE=0
PAGEFIND=""
PAGEFIND_INFO=""

# Query pairs "first|second": the second adds a new term, as someone refining
# a query does. The common ones on every site, with and without diacritics;
# then rare words (and a document number) chosen per site from its text.
COMMON_PAIRS=(
  'hòa giải|hòa giải viên'
  'hoa giai|hoa giai vien'
  'quy định|quy định xử phạt'
  'quy dinh|quy dinh xu phat'
  'điều|điều kiện'
  'dieu|dieu kien'
)
RARE_SAMPLE=('xóm giềng|xóm giềng họ hàng' 'xom gieng|xom gieng ho hang' '315/QĐ-TTg|315/QĐ-TTg đề án')
RARE_CORPUS=('láng giềng|láng giềng thường trú' 'lang gieng|lang gieng thuong tru' '155/2020/NĐ-CP|155/2020/NĐ-CP thuế')
RARE_GEN=('ma túy|phòng chống ma túy' 'ma tuy|phong chong ma tuy')
# Citizens' questions, many words and most of them common (issue 3: "a question of
# many words still finds the section that answers it"), then a shorter refinement.
QUESTION_PAIRS=(
  'người dân có phải trả tiền khi nhờ tổ hòa giải không|tổ hòa giải có những ai'
  'nguoi dan co phai tra tien khi nho to hoa giai khong|to hoa giai co nhung ai'
  'thủ tục đăng ký kết hôn cần những giấy tờ gì|đăng ký kết hôn có yếu tố nước ngoài'
  'người lao động bị sa thải trái pháp luật được bồi thường gì|trợ cấp thôi việc'
  'tranh chấp đất đai giữa hàng xóm giải quyết ở đâu|hòa giải tranh chấp đất đai'
)

need_pagefind() {
  [[ -z $PAGEFIND ]] || return 0
  if [[ -n ${PAGEFIND_DIR:-} ]]; then
    PAGEFIND=$(realpath "$PAGEFIND_DIR")/node_modules/.bin/pagefind
  else
    command -v npm >/dev/null || { echo "error: npm not found (apt-get install -y npm)" >&2; exit 1; }
    echo "installing pagefind@$PAGEFIND_VERSION with npm into $WORK/pagefind ..." >&2
    mkdir -p "$WORK/pagefind"
    (cd "$WORK/pagefind" && npm install --no-audit --no-fund --silent "pagefind@$PAGEFIND_VERSION" >&2)
    PAGEFIND=$WORK/pagefind/node_modules/.bin/pagefind
  fi
  [[ -x $PAGEFIND ]] || { echo "error: $PAGEFIND is missing" >&2; exit 1; }
  PAGEFIND_INFO="pagefind $("$PAGEFIND" --version | awk '{print $2}') (npm package pagefind, $(node --version 2>/dev/null || echo 'node ?'))"
}

# search_flag: after need_jar's warm-up, decides whether `build` needs
# --search to write the browser shards (search/manifest.js).
search_flag() {
  ((SEARCH_FLAG_DONE)) && return 0
  SEARCH_FLAG_DONE=1
  SEARCH_FLAG=()
  local out=$WORK/out/probe
  mkdir -p "$out"
  "${CAMNANG[@]}" build --source "$WORK/warmup" --out "$out" >"$WORK/probe.log" 2>&1 ||
    { tail -n 40 "$WORK/probe.log" >&2; KEEP=1; exit 1; }
  if [[ ! -f $out/search/manifest.js ]] && java -jar "$JAR" build --help 2>&1 | grep -q -- '--search'; then
    SEARCH_FLAG=(--search)
  fi
  discard "$out"
}

gen_site() {
  local n=$1
  if [[ ! -d $WORK/pages-$n ]]; then
    echo "generating $n pages ..." >&2
    python3 "$BENCH_DIR/gen_pages.py" "$n" "$WORK/pages-$n" --seed "$SEED" >&2
  fi
}

# Sizes of a camnang output: "shards_bytes shards_files largest_bytes
# client_bytes lucene_bytes" (shards: search/ without search/lucene/).
search_sizes() {
  local d=$1/search
  if [[ ! -d $d ]]; then echo "0 0 0 0 0"; return; fi
  local shards lucene client
  shards=$(find "$d" -path "$d/lucene" -prune -o -type f -printf '%s\n' |
    awk '{s += $1; n++; if ($1 > m) m = $1} END {printf "%d %d %d", s, n, m}')
  lucene=$(find "$d/lucene" -type f -printf '%s\n' 2>/dev/null | awk '{s += $1} END {printf "%d", s}')
  client=$(stat -c %s "$d/camnang.js" 2>/dev/null || echo 0)
  echo "$shards $client ${lucene:-0}"
}

# The phases of camnang's "Thời gian:" line, and the one of the search index.
timing_line() { grep -a 'Thời gian' "$1" | tail -n 1 | sed 's/^Thời gian: //' || true; }
search_phase() {
  timing_line "$1" | tr '·' '\n' | grep -i -E 'tìm kiếm|chỉ mục|lucene|search' | head -n 1 |
    grep -o -E '[0-9]+,[0-9]+ s' | tr ',' '.' | awk '{print $1}' || true
}

# md_mb DIR: Markdown megabytes (10^6) under DIR
md_mb() { find "$1" -name '*.md' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}'; }

header_search() {
  echo "- date: $(date -u +%Y-%m-%d)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "- Java: $(java -version 2>&1 | head -n 1)"
  echo "- camnang: jar built $JAR_INFO$(commit_info); build flags: --no-cache${SEARCH_FLAG[*]:+ ${SEARCH_FLAG[*]}}"
  if [[ -n $PAGEFIND_INFO ]]; then echo "- Hugo: $(hugo version | awk '{print $1, $2}'); Pagefind: $PAGEFIND_INFO"; fi
  echo "- Chromium: $(chromium --version 2>/dev/null | head -n 1 | awk '{print $1, $2}')"
  echo "- runs per tool: $RUNS, interleaved; medians reported"
  echo "- CPU used by other processes during the timed runs: $(others_summary)"
}

# median of per-run sums of two labels' column expression (runs paired by order)
sum_median() {
  local a=$1 b=$2 expr=$3
  paste -d ' ' "$WORK/times/$a" "$WORK/times/$b" | awk "{ print $expr }" | median
}

bench_build() {
  local n=${1:-$GEN_PAGES} i out hout pout
  [[ $n =~ ^[0-9]+$ ]] || { echo "error: size must be a number: $n" >&2; exit 2; }
  need_jar
  need_hugo
  need_pagefind
  camnang_cmd
  search_flag
  gen_site "$n"
  discard "$WORK/hugo-$n"
  cp -r "$BENCH_DIR/hugo-site" "$WORK/hugo-$n"
  cp -r "$WORK/pages-$n" "$WORK/hugo-$n/content"
  echo "build with search, $n pages:" >&2
  # the first build starts the daemon (see bench/run.sh)
  stop_daemons
  out=$WORK/out/first-$n
  timed "s-first-$n" "$WORK/s-first-$n.log" "$out" \
    "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${SEARCH_FLAG[@]}"
  discard "$out"
  # untimed: fill camnang's fragment cache for the rebuild runs
  mkdir -p "$WORK/out/prime"
  "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$WORK/out/prime" "${SEARCH_FLAG[@]}" >"$WORK/prime.log" 2>&1 ||
    { tail -n 40 "$WORK/prime.log" >&2; KEEP=1; exit 1; }
  discard "$WORK/out/prime"
  for ((i = 1; i <= RUNS; i++)); do
    out=$WORK/out/camnang-$n-$i
    timed "s-camnang-$n" "$WORK/s-camnang-$n-$i.log" "$out" \
      "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${SEARCH_FLAG[@]}"
    read -r -a sz <<<"$(search_sizes "$out")"
    echo "${sz[*]} $(search_phase "$WORK/s-camnang-$n-$i.log")" >>"$WORK/sizes/gen-$n"
    if ((i == RUNS)); then discard "$WORK/site-gen-$n"; mv "$out" "$WORK/site-gen-$n"; else discard "$out"; fi
    hout=$WORK/out/hugo-$n-$i
    timed "s-hugo-$n" "$WORK/s-hugo-$n-$i.log" "$hout" \
      hugo --source "$WORK/hugo-$n" --quiet -d "$hout" --cacheDir "$WORK/hugo-cache"
    pout=$WORK/out/pagefind-$n-$i
    timed "s-pagefind-$n" "$WORK/s-pagefind-$n-$i.log" "$pout" \
      "$PAGEFIND" --site "$hout" --output-path "$pout"
    if ((i == RUNS)); then
      discard "$WORK/site-hugo-$n"; mv "$hout" "$WORK/site-hugo-$n"; mv "$pout" "$WORK/site-hugo-$n/pagefind"
    else
      discard "$hout" "$pout"
    fi
    out=$WORK/out/cached-$n-$i
    timed "s-cached-$n" "$WORK/s-cached-$n-$i.log" "$out" \
      "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${SEARCH_FLAG[@]}"
    discard "$out"
    out=$WORK/out/nodaemon-$n-$i
    timed "s-nodaemon-$n" "$WORK/s-nodaemon-$n-$i.log" "$out" \
      env CAMNANG_DAEMON=0 "${CAMNANG[@]}" build --source "$WORK/pages-$n" --out "$out" "${NO_CACHE[@]}" "${SEARCH_FLAG[@]}"
    discard "$out"
  done
  echo
  echo "### Build with search index: camnang vs Hugo + Pagefind, $n pages"
  echo
  header_search
  echo "- pages: bench/gen_pages.py $n DIR --seed $SEED ($(md_mb "$WORK/pages-$n") MB of Markdown)"
  echo "- camnang's own timing, last full build: $(timing_line "$WORK/s-camnang-$n-$RUNS.log")"
  echo "- Pagefind's summary, last run: $(grep -a -E 'Indexed [0-9]+ (pages|words)' "$WORK/s-pagefind-$n-$RUNS.log" | tr -s ' ' | paste -sd ';' -)"
  echo
  echo "| tool | median wall (s) | median CPU (s) | median peak RSS (MiB) | wall vs Hugo + Pagefind | wall per run (s) |"
  echo "|---|---:|---:|---:|---:|---|"
  local hpw hpc hpm
  hpw=$(sum_median "s-hugo-$n" "s-pagefind-$n" '$1 + $6')
  hpc=$(sum_median "s-hugo-$n" "s-pagefind-$n" '$3 + $4 + $8 + $9')
  hpm=$(sum_median "s-hugo-$n" "s-pagefind-$n" '($2 > $7 ? $2 : $7) / 1024')
  local key label
  for key in camnang cached first nodaemon; do
    label="camnang, full build with search (--no-cache)"
    case $key in
      cached) label="camnang, rebuild with search (fragment cache)" ;;
      first) label="camnang, first full build with search (starts the daemon; 1 run)" ;;
      nodaemon) label="camnang, full build with search without the daemon (CAMNANG_DAEMON=0)" ;;
    esac
    printf '| %s | %.2f | %.2f | %.0f | %.2f | %s |\n' "$label" "$(stat_wall "s-$key-$n")" "$(stat_cpu "s-$key-$n")" \
      "$(stat_mib "s-$key-$n")" "$(awk -v a="$(stat_wall "s-$key-$n")" -v b="$hpw" 'BEGIN {print a / b}')" "$(runs_list "s-$key-$n")"
  done
  printf '| Hugo | %.2f | %.2f | %.0f | | %s |\n' "$(stat_wall "s-hugo-$n")" "$(stat_cpu "s-hugo-$n")" \
    "$(stat_mib "s-hugo-$n")" "$(runs_list "s-hugo-$n")"
  printf '| Pagefind (on Hugo'"'"'s output) | %.2f | %.2f | %.0f | | %s |\n' "$(stat_wall "s-pagefind-$n")" \
    "$(stat_cpu "s-pagefind-$n")" "$(stat_mib "s-pagefind-$n")" "$(runs_list "s-pagefind-$n")"
  printf '| Hugo + Pagefind | %.2f | %.2f | %.0f | 1.00 | %s |\n' "$hpw" "$hpc" "$hpm" \
    "$(paste -d ' ' "$WORK/times/s-hugo-$n" "$WORK/times/s-pagefind-$n" | awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1 + $6}')"
  echo
  local pf_bytes
  pf_bytes=$(du -sb "$WORK/site-hugo-$n/pagefind" | awk '{print $1}')
  read -r -a sz <<<"$(tail -n 1 "$WORK/sizes/gen-$n")"
  printf 'Output sizes: camnang browser shards %.1f MB in %d files (largest %.1f KB; client script %.1f KB), Lucene index %.1f MB; Pagefind bundle %.1f MB.\n' \
    "$(awk -v b="${sz[0]}" 'BEGIN {print b / 1e6}')" "${sz[1]}" "$(awk -v b="${sz[2]}" 'BEGIN {print b / 1e3}')" \
    "$(awk -v b="${sz[3]}" 'BEGIN {print b / 1e3}')" "$(awk -v b="${sz[4]}" 'BEGIN {print b / 1e6}')" \
    "$(awk -v b="$pf_bytes" 'BEGIN {print b / 1e6}')"
}

# index_site NAME SRC [FLAGS...]: RUNS timed full builds with search of SRC;
# keeps the last output as $WORK/site-NAME; records sizes and the search phase.
index_site() {
  local name=$1 src=$2 i out
  shift 2
  echo "index: $name" >&2
  for ((i = 1; i <= RUNS; i++)); do
    out=$WORK/out/index-$name-$i
    timed "i-$name" "$WORK/i-$name-$i.log" "$out" \
      "${CAMNANG[@]}" build --source "$src" --out "$out" "$@" "${NO_CACHE[@]}" "${SEARCH_FLAG[@]}"
    read -r -a sz <<<"$(search_sizes "$out")"
    echo "${sz[*]} $(search_phase "$WORK/i-$name-$i.log")" >>"$WORK/sizes/$name"
    if ((i == RUNS)); then discard "$WORK/site-$name"; mv "$out" "$WORK/site-$name"; else discard "$out"; fi
  done
}

# The sample site is copied out of the repo, so that camnang uses the
# templates inside the jar rather than a work-in-progress site-templates/.
sample_src() {
  if [[ ! -d $WORK/sample/content ]]; then
    mkdir -p "$WORK/sample"
    cp -r "$REPO/content" "$WORK/sample/content"
  fi
  echo "$WORK/sample/content"
}

# index_row NAME LABEL SRC TIMES_LABEL: one row of the index table
index_row() {
  local name=$1 label=$2 src=$3 key=$4 phase pages
  phase=$(awk 'NF >= 6 {print $6}' "$WORK/sizes/$name" | sort -g |
    awk '{a[NR] = $1} END {if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
  pages=$(find "$src" -name '*.md' | wc -l)
  read -r -a sz <<<"$(tail -n 1 "$WORK/sizes/$name")"
  awk -v label="$label" -v pages="$pages" -v mb="$(md_mb "$src")" -v w="$(stat_wall "$key")" \
    -v m="$(stat_mib "$key")" -v ph="${phase:-}" -v s="${sz[0]}" -v f="${sz[1]}" -v mx="${sz[2]}" \
    -v c="${sz[3]}" -v l="${sz[4]}" -v runs="$(runs_list "$key")" 'BEGIN {
      printf "| %s | %d | %.1f | %.2f | %s | %.0f | %.2f | %d | %.1f | %.1f | %.1f | %s |\n",
        label, pages, mb, w, (ph == "" ? "n/a" : sprintf("%.2f", ph)), m, s / 1e6, f, mx / 1e3, c / 1e3, l / 1e6, runs }'
}

bench_index() {
  need_jar
  camnang_cmd
  search_flag
  local src
  src=$(sample_src)
  index_site sample "$src"
  if [[ -d $CORPUS ]]; then index_site corpus "$CORPUS" --broken-links=warn; fi
  gen_site "$GEN_PAGES"
  # `all` has already timed the generated pages in `build`
  local gkey="s-camnang-$GEN_PAGES" glog="$WORK/s-camnang-$GEN_PAGES-$RUNS.log"
  if [[ ! -f $WORK/times/$gkey ]]; then
    index_site "gen-$GEN_PAGES" "$WORK/pages-$GEN_PAGES"
    gkey="i-gen-$GEN_PAGES"; glog="$WORK/i-gen-$GEN_PAGES-$RUNS.log"
  fi
  echo
  echo "### Search index: build time and sizes"
  echo
  header_search
  echo "- search phase: from camnang's \"Thời gian\" line (median); n/a when the line has no search phase"
  echo "- camnang's own timing, last run: sample site: $(timing_line "$WORK/i-sample-$RUNS.log")"
  if [[ -f $WORK/times/i-corpus ]]; then
    echo "- camnang's own timing, last run: legal corpus: $(timing_line "$WORK/i-corpus-$RUNS.log")"
  fi
  echo "- camnang's own timing, last run: $GEN_PAGES pages: $(timing_line "$glog")"
  echo
  echo "| site | Markdown files | Markdown MB | median build wall (s) | search phase (s) | median peak RSS (MiB) | browser shards (MB) | shard files | largest shard (KB) | client script (KB) | Lucene index (MB) | wall per run (s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  index_row sample "sample site (content/)" "$src" i-sample
  if [[ -f $WORK/times/i-corpus ]]; then index_row corpus "legal corpus (phap-dien)" "$CORPUS" i-corpus; fi
  index_row "gen-$GEN_PAGES" "$GEN_PAGES generated pages" "$WORK/pages-$GEN_PAGES" "$gkey"
}

# camnang_site NAME SRC [FLAGS...]: an untimed build when no timed one left an output
camnang_site() {
  local name=$1 src=$2
  shift 2
  [[ -d $WORK/site-$name ]] && return 0
  echo "building $name (untimed) ..." >&2
  "${CAMNANG[@]}" build --source "$src" --out "$WORK/site-$name" "$@" "${SEARCH_FLAG[@]}" >"$WORK/site-$name.log" 2>&1 ||
    { tail -n 40 "$WORK/site-$name.log" >&2; KEEP=1; exit 1; }
}

bytes_for() {
  local site=$1 engine=$2 label=$3
  shift 3
  local pairs=() p
  for p in "$@"; do pairs+=(--pair "$p"); done
  python3 "$BENCH_DIR/search_bytes.py" --site "$site" --engine "$engine" --label "$label" --reps "$REPS" \
    --json "$WORK/bytes.jsonl" --work "$WORK/bytes-work" "${pairs[@]}" || echo "(some queries failed: see above)" >&2
}

bench_bytes() {
  need_jar
  need_pagefind
  need_hugo
  camnang_cmd
  search_flag
  local n=$GEN_PAGES src
  src=$(sample_src)
  camnang_site sample "$src"
  if [[ -d $CORPUS ]]; then camnang_site corpus "$CORPUS" --broken-links=warn; fi
  gen_site "$n"
  camnang_site "gen-$n" "$WORK/pages-$n"
  if [[ ! -d $WORK/site-hugo-$n ]]; then
    echo "building Hugo + Pagefind for $n pages (untimed) ..." >&2
    discard "$WORK/hugo-$n"
    cp -r "$BENCH_DIR/hugo-site" "$WORK/hugo-$n"
    cp -r "$WORK/pages-$n" "$WORK/hugo-$n/content"
    hugo --source "$WORK/hugo-$n" --quiet -d "$WORK/site-hugo-$n" --cacheDir "$WORK/hugo-cache" >&2
    "$PAGEFIND" --site "$WORK/site-hugo-$n" --silent >&2
  fi
  local pf_corpus=""
  if [[ -d $CORPUS && ${PAGEFIND_CORPUS:-1} == 1 ]]; then
    # Pagefind indexes camnang's HTML of the corpus (Hugo cannot build it);
    # one untimed-by-median run, recorded with GNU time for reference.
    echo "Pagefind over camnang's HTML of the legal corpus ..." >&2
    discard "$WORK/site-pf-corpus"
    cp -r "$WORK/site-corpus" "$WORK/site-pf-corpus"
    discard "$WORK/site-pf-corpus/search"
    "$TIME" -f '%e %M %U %S' -o "$WORK/pf-corpus.time" "$PAGEFIND" --site "$WORK/site-pf-corpus" >"$WORK/pf-corpus.log" 2>&1
    pf_corpus=$(awk '{printf "%.1f s wall, %.1f s CPU, %.0f MiB peak RSS", $1, $3 + $4, $2 / 1024}' "$WORK/pf-corpus.time")
  fi
  rm -f "$WORK/bytes.jsonl"
  {
    echo
    echo "### Bytes per query"
    echo
    header_search
    echo "- server: bench/search_server.py (static files as on disk, no compression); client: headless Chromium, fresh profile per pair of queries"
    echo "- response bodies only (this server's headers add about 195 B per request); KB = 1,000 bytes"
    echo "- cached query: the first and second query repeated $REPS times each with everything loaded, performance.now() around the call (including the results' fragments and snippets)"
    if [[ -n $pf_corpus ]]; then echo "- Pagefind over camnang's HTML of the legal corpus (one run): $pf_corpus"; fi
    echo
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import search_bytes; print(search_bytes.HEADER)' "$BENCH_DIR"
  }
  bytes_for "$WORK/site-sample" camnang sample "${COMMON_PAIRS[@]}" "${RARE_SAMPLE[@]}" "${QUESTION_PAIRS[@]}"
  if [[ -d $WORK/site-corpus ]]; then
    bytes_for "$WORK/site-corpus" camnang "legal corpus" "${COMMON_PAIRS[@]}" "${RARE_CORPUS[@]}" "${QUESTION_PAIRS[@]}"
  fi
  bytes_for "$WORK/site-gen-$n" camnang "$n pages" "${COMMON_PAIRS[@]}" "${RARE_GEN[@]}"
  bytes_for "$WORK/site-hugo-$n" pagefind "$n pages" "${COMMON_PAIRS[@]}" "${RARE_GEN[@]}"
  if [[ -n $pf_corpus ]]; then
    bytes_for "$WORK/site-pf-corpus" pagefind "legal corpus" "${COMMON_PAIRS[@]}" "${RARE_CORPUS[@]}" "${QUESTION_PAIRS[@]}"
  fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "(per-request details: $WORK/bytes.jsonl)" >&2; fi
}

case ${1:-all} in
  build) shift; bench_build "$@" ;;
  index) bench_index ;;
  bytes) bench_bytes ;;
  all) bench_build "$GEN_PAGES"; bench_index; bench_bytes ;;
  -h|--help) sed -n '2,/^# Method/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) echo "usage: bench/search.sh [all|build [N]|index|bytes]" >&2; exit 2 ;;
esac
