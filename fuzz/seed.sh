#!/usr/bin/env bash
# Seeds the corpus of every fuzz target (or of those named) with the plans
# under examples/ and tests/fixtures/. Corpora are made here at run time,
# never committed.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz_dir")"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(parse check format document_edits)
fi
for target in "${targets[@]}"; do
    corpus="$fuzz_dir/corpus/$target"
    mkdir -p "$corpus"
    find "$root/examples" "$root/tests/fixtures" -name '*.pgm' -type f -print0 |
        while IFS= read -r -d '' plan; do
            # Named by content, as libFuzzer names its own inputs.
            cp "$plan" "$corpus/$(sha1sum "$plan" | cut -c1-40)"
        done
    echo "$target: $(find "$corpus" -type f | wc -l) inputs in $corpus"
done
