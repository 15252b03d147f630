#!/usr/bin/env bash
# Builds the seed inputs of each fuzz target (fuzz/seeds/TARGET/) from the test fixtures:
# a corpus seed is its files joined by the byte 0xFF in the order of CORPUS_FILES
# (src/lib.rs), with each source's `path` pointed at texts/a.txt or texts/b.txt.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures
sep() { printf '\xff'; }
rm -rf seeds && mkdir -p seeds/{corpus,value_reader,quote_matcher,glyph_inference,ledger_edit}

for corpus in "$fixtures"/*/ "$fixtures"/untrusted/*/; do
  name=$(basename "$corpus")
  [ -d "$corpus/sources" ] || continue
  mapfile -t sources < <(find "$corpus/sources" -maxdepth 1 -name '*.json' -type f | sort | head -2)
  {
    cat "$corpus"/registry/*.json 2>/dev/null | head -c 20000 || true
    for i in 0 1; do
      letter=$([ $i = 0 ] && echo a || echo b)
      src=${sources[$i]:-}
      sep
      if [ -n "$src" ]; then
        text=$(sed -n 's/.*"path": *"\([^"]*\)".*/\1/p' "$src" | head -1)
        sed "s#\"path\": *\"[^\"]*\"#\"path\": \"texts/$letter.txt\"#" "$src"
        sep
        [ -f "$corpus/$text" ] && cat "$corpus/$text"
      else
        sep
      fi
    done
    if [ -f "$corpus/coverage.json" ] || [ -f "$corpus/coverage-ignore.json" ]; then
      sep; cat "$corpus/coverage.json" 2>/dev/null || true
      sep; cat "$corpus/coverage-ignore.json" 2>/dev/null || true
    fi
  } > "seeds/corpus/$name"
done

# Values: every value of the fixtures and the shipped corpus, one per seed.
grep -ho '"value": *"[^"]*"' "$fixtures"/*/sources/*.json ../claims/sources/*.json |
  sed 's/"value": *"\(.*\)"/\1/' | sort -u | head -400 | nl -w1 -s' ' |
  while read -r n value; do printf '%s' "$value" > "seeds/value_reader/$n"; done

# Quotes: a text, no glyph map, and the quotes of its claims.
for src in "$fixtures"/*/sources/*.json; do
  corpus=$(dirname "$(dirname "$src")")
  text=$(sed -n 's/.*"path": *"\([^"]*\)".*/\1/p' "$src" | head -1)
  [ -f "$corpus/$text" ] || continue
  {
    cat "$corpus/$text"; sep; sep
    { grep -o '"quote": *"[^"]*"' "$src" || true; } | sed 's/"quote": *"\(.*\)"/\1/' | head -8 | paste -sd $'\xff' -
  } > "seeds/quote_matcher/$(basename "$corpus")-$(basename "$src" .json)"
done

# Glyph inference: the shipped texts, cut in pieces of 4 KB (the one with private-use digits whole too).
for text in ../claims/texts/*.txt; do
  split -C 4000 -a 3 "$text" "seeds/glyph_inference/$(basename "$text" .txt)-"
done
cp ../claims/texts/002_adf254bf19668184.txt seeds/glyph_inference/002-whole

# Ledger files: the shipped ones and a few broken ones.
cp ../claims/resolutions.json seeds/ledger_edit/shipped
printf '{"resolutions": []}' > seeds/ledger_edit/empty
printf '{"resolutions": [{"fingerprint": "00c0ffee00c0ffee", "fact": "f", "status": "s", "note": "", "date": "2026-01-01", "claims": {}}]}' > seeds/ledger_edit/same
printf '{"resolutions": [' > seeds/ledger_edit/broken
