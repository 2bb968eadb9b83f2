#!/usr/bin/env python3
"""Draws OfficeBot's Teams icons: a document with a check mark.

color.png   192x192, opaque: a white document on OfficeBot blue, a green badge with a white check.
outline.png  32x32, white on transparent: the same document and check as strokes.

Only the standard library (zlib) is used, so the icons can be redrawn anywhere:
    python3 infra/teams/make-icons.py
The tests (tests/OfficeBot.TeamsPackage.Tests) check the sizes, the alpha and the colours, not this script.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = 4  # supersampling per axis, for smooth edges


def png(path, width, height, pixels):
    """pixels: rows of (r, g, b, a); written as 8-bit RGBA (colour type 6), filter 0 on every row."""
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def in_document(x, y, left, top, right, bottom, fold):
    """A page with its top-right corner folded down."""
    return left <= x <= right and top <= y <= bottom and (x - (right - fold)) + (top + fold - y) <= fold


def on_polyline(x, y, points, width):
    return any(segment_distance(x, y, *points[i], *points[i + 1]) <= width / 2 for i in range(len(points) - 1))


def coverage(size, inside):
    """Fraction of each pixel's samples for which inside(x, y) holds."""
    grid = []
    for j in range(size):
        row = []
        for i in range(size):
            hits = sum(
                inside(i + (si + 0.5) / SAMPLES, j + (sj + 0.5) / SAMPLES)
                for sj in range(SAMPLES)
                for si in range(SAMPLES)
            )
            row.append(hits / (SAMPLES * SAMPLES))
        grid.append(row)
    return grid


def blend(under, over, alpha):
    return tuple(round(u + (o - u) * alpha) for u, o in zip(under, over))


def color_icon():
    size = 192
    blue, white, line, green = (31, 94, 158), (255, 255, 255), (196, 210, 226), (46, 170, 110)
    page = coverage(size, lambda x, y: in_document(x, y, 44, 28, 136, 160, 30))
    fold = coverage(size, lambda x, y: 106 <= x <= 136 and 28 <= y <= 58 and (x - 106) >= (y - 28))
    lines = coverage(size, lambda x, y: any(on_polyline(x, y, [(62, yy), (112 if yy < 90 else 96, yy)], 8) for yy in (72, 92, 112)))
    badge = coverage(size, lambda x, y: math.hypot(x - 132, y - 134) <= 38)
    check = coverage(size, lambda x, y: on_polyline(x, y, [(114, 134), (127, 148), (151, 119)], 11))
    rows = []
    for j in range(size):
        row = []
        for i in range(size):
            c = blue
            c = blend(c, white, page[j][i])
            c = blend(c, line, fold[j][i])
            c = blend(c, line, lines[j][i])
            c = blend(c, green, badge[j][i])
            c = blend(c, white, check[j][i])
            row.append(c + (255,))
        rows.append(row)
    png(os.path.join(HERE, "color.png"), size, size, rows)


def outline_icon():
    size = 32
    border = [(7, 3), (19, 3), (25, 9), (25, 29), (7, 29), (7, 3)]
    fold = [(19, 3), (19, 9), (25, 9)]
    check = [(11, 18), (15, 22), (22, 13)]
    alpha = coverage(size, lambda x, y: on_polyline(x, y, border, 2) or on_polyline(x, y, fold, 2) or on_polyline(x, y, check, 2.5))
    # Only white may be visible; a fully transparent pixel is written as white too, so no other colour appears anywhere.
    rows = [[(255, 255, 255, round(255 * a)) for a in row] for row in alpha]
    png(os.path.join(HERE, "outline.png"), size, size, rows)


if __name__ == "__main__":
    color_icon()
    outline_icon()
