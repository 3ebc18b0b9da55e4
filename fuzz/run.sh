#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (600 unless given), seeded from the
# plans in the repository, at the lowest priority, with libFuzzer's limits
# for a crash, a hang (10 s on one input) and memory (4 GiB). Options after
# the seconds go to libFuzzer as they are, e.g. -ignore_crashes=1.
#   fuzz/run.sh parse
#   fuzz/run.sh format 60 -seed=1
# The toolchain is stable: RUSTC_BOOTSTRAP lets cargo-fuzz use the
# sanitizer flags it needs.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: fuzz/run.sh TARGET [SECONDS] [LIBFUZZER OPTIONS...]}"
seconds="${2:-600}"
shift $(($# < 2 ? $# : 2))
./seed.sh "$target"
# The servers of document_edits live across inputs, so memory one input
# leaves in their buffers is freed by a later one; libFuzzer's per-input
# leak check would take that for a leak.
leaks=()
if [ "$target" = document_edits ]; then
    leaks=(-detect_leaks=0)
fi
RUSTC_BOOTSTRAP=1 exec nice -n 19 cargo fuzz run "$target" "corpus/$target" -- \
    -dict=pgm.dict -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
    -print_final_stats=1 "${leaks[@]}" "$@"
