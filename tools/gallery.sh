#!/usr/bin/env bash
# Draws the diagram gallery with the styrgraf CLI against the Neo4j in NEO4J_URI, which must
# hold the example data (`make gallery` starts one and imports the examples):
#
#   tools/gallery.sh BIN OUT DATE
#
# writes to OUT, as SVG and PNG (PNG at scale 2, for print): the overview of every
# organisation in examples/, the escalation diagram of every group (grupp, råd, forum) of the
# overviews whose chains go somewhere, and the subtree of every styrelse; then lists each
# file with its size (SVG: its viewBox and its size in points with its fit on A4 landscape;
# PNG: width × height in pixels) on standard output and in OUT/SIZES.txt, the gallery's index.
set -euo pipefail
bin=$1 out=$2 at=$3
mkdir -p "$out"
rm -f "$out"/*.svg "$out"/*.png "$out"/*.dot "$out/SIZES.txt"

draw() { # NAME WHAT ID [FLAGS...]: NAME.svg, NAME.png and NAME.dot
  local name=$1; shift
  "$bin" diagram "$@" -at "$at" -o "$out/$name.dot" >/dev/null
  "$bin" diagram "$@" -at "$at" -o "$out/$name.svg" >/dev/null
  "$bin" diagram "$@" -at "$at" -scale 2 -o "$out/$name.png" >/dev/null
}

# The organisations the examples declare (- id: X or - {id: X, …} under organisations:).
orgs=$(awk '/^organisations:/ {in_list = 1; next}
            /^[^ #-]/ {in_list = 0}
            in_list && /^  - / && /id: / {sub(/.*id: */, ""); sub(/[,} ].*/, ""); print}' examples/*.yaml | sort -u)
for org in $orgs; do
  draw "organisation-$org" organisation "$org"
done

# Groups: the organs in each overview's collaboration cluster. Styrelser: by their tooltip.
groups=$(for org in $orgs; do
  sed -n '/subgraph cluster_collaboration/,/^\t}/p' "$out/organisation-$org.dot" | grep -o 'id="organ-[^"]*"' | sed 's/id="organ-//; s/"//'
done | sort -u)
boards=$(cat "$out"/organisation-*.dot | grep 'tooltip="[^"]*– regionstyrelse / kommunstyrelse"' | grep -o 'id="organ-[^"]*"' | sed 's/id="organ-//; s/"//' | sort -u)

for g in $groups; do
  # A chain goes somewhere when its diagram has more than the start and its legend.
  steps=$("$bin" diagram escalation "$g" -at "$at" -o - | grep -cE '^\s(o|s)_[A-Za-z0-9_]+ \[label=' || true)
  if [ "$steps" -gt 1 ]; then
    draw "escalation-$g" escalation "$g"
  fi
done
for b in $boards; do
  draw "subtree-$b" organ "$b" -depth 2
done
rm -f "$out"/*.dot

# Sizes: SVG in points (A4 landscape 842 × 595 pt; text at least 8 pt once scaled to fit),
# PNG in pixels.
{
  printf '%-60s %s\n' FILE SIZE
  for f in "$out"/*.svg; do
    awk -v name="$(basename "$f")" '
      match($0, /<svg width="[0-9.]+pt" height="[0-9.]+pt"/) {
        s = substr($0, RSTART, RLENGTH); gsub(/[^0-9. ]/, "", s); split(s, wh, " "); w = wh[1]; h = wh[2]
      }
      match($0, /viewBox="[-0-9. ]+"/) && vb == "" { vb = substr($0, RSTART + 9, RLENGTH - 10) }
      { while (match($0, /font-size="[0-9.]+"/)) { v = substr($0, RSTART + 11, RLENGTH - 12) + 0; if (minf == "" || v < minf) minf = v; $0 = substr($0, RSTART + RLENGTH) } }
      END {
        scale = 842 / w; if (595 / h < scale) scale = 595 / h; if (scale > 1) scale = 1
        printf "%-60s viewBox %s; %.0f × %.0f pt, A4 landscape at %.0f %%, smallest text %.1f pt: %s\n", name, vb, w, h, scale * 100, minf * scale, (minf * scale >= 7.995 ? "fits" : "too small")
      }' "$f"
  done
  for f in "$out"/*.png; do
    read -r w h < <(od -An -tu1 -j16 -N8 "$f" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8}')
    printf '%-60s %d × %d px (scale 2)\n' "$(basename "$f")" "$w" "$h"
  done
} | tee "$out/SIZES.txt"
