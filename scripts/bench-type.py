#!/usr/bin/env python3
"""Type patients meet, per shipped layout: the median characters per line of the default handouts'
body text and the smallest size any glyph is set at (handouts and booklet).

Usage: bench-type.py HANDOUT_BINARY WORK_DIR
"""
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "pdf"))
from readability import glyph_sizes, line_lengths  # noqa: E402

handout, work = sys.argv[1:3]
for layout in ("letter", "a4", "half-letter", "a5", "large-print"):
    out = os.path.join(work, "type-" + layout)
    subprocess.run([handout, "render", "--all", "--layout", layout, "--output", out], check=True, capture_output=True)
    subprocess.run([handout, "booklet", "--layout", layout, "--output", os.path.join(out, "booklet", "booklet.pdf")],
                   check=True, capture_output=True)
    handouts = sorted(os.path.join(out, name) for name in os.listdir(out) if name.endswith(".pdf"))
    lengths = [length for path in handouts for length in line_lengths(path)]
    smallest = min(min(glyph_sizes(path)) for path in handouts + [os.path.join(out, "booklet", "booklet.pdf")])
    print(f"type, {layout}: median {statistics.median(lengths):.0f} characters per line over {len(handouts)} handouts, "
          f"smallest glyph {smallest:.1f} pt")
