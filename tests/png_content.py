#!/usr/bin/env python3
"""Say whether a PNG screenshot shows content: print its size, the number of
distinct colours and the share of pixels that differ from the most common
(background) colour. Exit 1 when the image is blank (one colour, or almost
nothing but background). Reads 8-bit RGB/RGBA non-interlaced PNGs, which is
what Chromium writes; uses only the standard library.

usage: png_content.py SHOT.png [MIN_SHARE]
"""
import struct
import sys
import zlib
from collections import Counter


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main(argv):
    width, height, bpp, rows = read_png(argv[1])
    min_share = float(argv[2]) if len(argv) > 2 else 0.01
    pixels = Counter(row[i:i + 3] for row in rows for i in range(0, len(row), bpp))
    background, count = pixels.most_common(1)[0]
    share = 1 - count / (width * height)
    print(f"{width}x{height}, {len(pixels)} colours, {share:.1%} non-background")
    sys.exit(0 if len(pixels) > 2 and share >= min_share else 1)


if __name__ == "__main__":
    main(sys.argv)
