"""Seed inputs for the fast engine's fuzz targets, cut from EVTX files.

    make_seeds.py TARGET OUT_DIR SOURCE...

SOURCE: folders searched for *.evtx (any letter case). Writes
  fuzz_file:  files of up to four chunks (header and first chunks),
  fuzz_chunk: each distinct chunk, behind an options byte (0..15 in turn),
  fuzz_value: typed values taken from template instances in the chunks.
At most a few hundred seeds, so that libFuzzer starts quickly.
"""
import hashlib
import os
import struct
import sys

HEADER = 4096
CHUNK = 65536
LIMIT = 400


def evtx_files(sources):
    for source in sources:
        for root, _, names in os.walk(source):
            for name in sorted(names):
                if name.lower().endswith(".evtx"):
                    yield os.path.join(root, name)


def chunks(data):
    for offset in range(HEADER, len(data) - CHUNK + 1, CHUNK):
        chunk = data[offset:offset + CHUNK]
        if chunk[:8] == b"ElfChnk\0":
            yield chunk


def values(chunk):
    """Substitution values of each record's first template instance."""
    offset = 512
    last = struct.unpack_from("<I", chunk, 44)[0]
    while offset <= last and offset + 28 <= len(chunk):
        if chunk[offset:offset + 4] != b"**\0\0":
            return
        size = struct.unpack_from("<I", chunk, offset + 4)[0]
        if size < 28 or offset + size > len(chunk):
            return
        data = offset + 24
        if chunk[data:data + 5] == b"\x0f\x01\x01\x00\x0c":
            instance = data + 4
            definition = struct.unpack_from("<I", chunk, instance + 6)[0]
            values_at = instance + 10
            if definition == values_at:
                values_at += 24 + struct.unpack_from("<I", chunk, definition + 20)[0]
            if values_at + 4 <= len(chunk):
                count = struct.unpack_from("<I", chunk, values_at)[0]
                at = values_at + 4 + 4 * count
                for i in range(min(count, 64)):
                    vsize, vtype = struct.unpack_from("<HB", chunk, values_at + 4 + 4 * i)
                    if at + vsize > len(chunk):
                        break
                    yield bytes([vtype]) + chunk[at:at + vsize]
                    at += vsize
        offset += size


def main():
    target, out_dir, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    seen = set()
    written = 0

    def write(blob):
        nonlocal written
        digest = hashlib.sha1(blob).hexdigest()
        if digest in seen or written >= LIMIT:
            return
        seen.add(digest)
        with open(os.path.join(out_dir, digest), "wb") as out:
            out.write(blob)
        written += 1

    for path in evtx_files(sources):
        with open(path, "rb") as f:
            data = f.read()
        if target == "fuzz_file":
            write(data[:HEADER + 4 * CHUNK])
        elif target == "fuzz_chunk":
            for chunk in chunks(data):
                write(bytes([written % 16]) + chunk)
        elif target == "fuzz_value":
            for chunk in chunks(data):
                for value in values(chunk):
                    write(value)
        if written >= LIMIT:
            break
    print(f"{written} seeds for {target} in {out_dir}")


if __name__ == "__main__":
    main()
