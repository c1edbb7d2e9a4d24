#!/usr/bin/env python3
"""Draws the app icons of Recovery Lab into static/icons/ (the web app manifest's icons).

    python3 scripts/make-icons.py        # needs Pillow; the output is committed, so the build
                                         # never runs this

The picture: on the header's navy, a red epidemic curve (the outbreak) and a white line that dips
with it and climbs back above where it started (the recovery), over a baseline. One geometry
drawn twice: as SVG (icon.svg, the favicon) and with Pillow at 4x, downsampled (the PNGs).
`icon-maskable-512.png` fills the whole square and keeps the drawing inside the central 80%, the
safe zone of a maskable icon.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
NAVY = "#14233a"
RED = "#c0392b"
WHITE = "#ffffff"
RULE = "#5d718c"
SIZE = 512  # the drawing's own units


def hump():
    """The epidemic curve: a bell over the baseline, as a closed polygon."""
    pts = [(96.0, 392.0)]
    for i in range(41):
        x = 96 + i * (312 - 96) / 40
        y = 392 - 236 * math.exp(-(((x - 196) / 46) ** 2))
        pts.append((x, y))
    pts.append((312.0, 392.0))
    return pts


def recovery():
    """The economy: level, dips with the outbreak, climbs back past its start (cubic Bézier)."""
    segs = [
        ((84, 214), (150, 214), (178, 322), (236, 322)),
        ((236, 322), (300, 322), (352, 170), (428, 128)),
    ]
    pts = []
    for p0, p1, p2, p3 in segs:
        for i in range(41):
            t = i / 40
            u = 1 - t
            x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
            y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
            if not pts or (x, y) != pts[-1]:
                pts.append((x, y))
    return pts, segs


def svg():
    h = " ".join(f"{x:.1f},{y:.1f}" for x, y in hump())
    _, segs = recovery()
    d = f"M{segs[0][0][0]} {segs[0][0][1]}" + "".join(
        f" C{a[0]} {a[1]} {b[0]} {b[1]} {c[0]} {c[1]}" for _, a, b, c in segs
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>复苏实验室 · Recovery Lab</title>
  <rect width="512" height="512" rx="96" fill="{NAVY}"/>
  <line x1="72" y1="400" x2="440" y2="400" stroke="{RULE}" stroke-width="10" stroke-linecap="round"/>
  <polygon points="{h}" fill="{RED}"/>
  <path d="{d}" fill="none" stroke="{WHITE}" stroke-width="30" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="428" cy="128" r="26" fill="{WHITE}"/>
</svg>
"""


def png(size, maskable=False):
    k = 4 * size / SIZE  # supersampled
    img = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    dr = ImageDraw.Draw(img)
    if maskable:
        dr.rectangle([0, 0, 4 * size, 4 * size], fill=NAVY)
        scale, off = 0.8 * k, 0.1 * 4 * size  # the drawing in the central 80%
    else:
        dr.rounded_rectangle([0, 0, 4 * size - 1, 4 * size - 1], radius=96 * k, fill=NAVY)
        scale, off = k, 0.0

    def t(p):
        return (off + p[0] * scale, off + p[1] * scale)

    def stroke(points, width, colour):
        # A round brush stamped along the line every half unit: even width, round caps and joins.
        r = width * scale / 2
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            n = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) * 2))
            for i in range(n + 1):
                x, y = t((x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n))
                dr.ellipse([x - r, y - r, x + r, y + r], fill=colour)

    stroke([(72, 400), (440, 400)], 10, RULE)
    dr.polygon([t(p) for p in hump()], fill=RED)
    line, _ = recovery()
    stroke(line, 30, WHITE)
    x, y = t((428, 128))
    r = 26 * scale
    dr.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)
    return img.resize((size, size), Image.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg(), encoding="utf-8")
    png(192).save(OUT / "icon-192.png", optimize=True)
    png(512).save(OUT / "icon-512.png", optimize=True)
    png(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    png(180, maskable=True).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    for f in sorted(OUT.iterdir()):
        print(f"{f.relative_to(OUT.parent.parent)}: {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
