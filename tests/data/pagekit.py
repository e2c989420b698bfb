"""Reading an encrypted store page by page, to damage exactly one known page in tests.

SQLCipher 4 with a raw key: each 4,096-byte page is AES-256-CBC encrypted with the key
itself, its IV in the 80 reserved bytes at the end (IV, then the HMAC); page 1 starts with
the 16-byte salt. Decrypting a page and walking the table's b-tree tells which rowids each
leaf page holds, independently of the code under test.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from supportnet.data.engine import RawDatabase

PAGE_SIZE = 4096
RESERVED = 80  # 16-byte IV + 64-byte HMAC-SHA512
_LEAF_TABLE = 0x0D
_INTERIOR_TABLE = 0x05


def _page(raw: bytes, key: bytes, number: int) -> bytes:
    page = raw[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    start = 16 if number == 1 else 0
    iv = page[PAGE_SIZE - RESERVED : PAGE_SIZE - RESERVED + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    body = decryptor.update(page[start : PAGE_SIZE - RESERVED]) + decryptor.finalize()
    return b"\0" * start + body


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise AssertionError("unreachable")


def _leaves(raw: bytes, key: bytes, number: int) -> list[tuple[int, list[int]]]:
    page = _page(raw, key, number)
    header = 100 if number == 1 else 0
    kind = page[header]
    cells = int.from_bytes(page[header + 3 : header + 5], "big")
    if kind == _LEAF_TABLE:
        rowids = []
        for i in range(cells):
            offset = int.from_bytes(page[header + 8 + 2 * i : header + 10 + 2 * i], "big")
            _size, at = _varint(page, offset)
            rowid, _ = _varint(page, at)
            rowids.append(rowid)
        return [(number, rowids)]
    assert kind == _INTERIOR_TABLE, f"page {number} is not a table b-tree page"
    found: list[tuple[int, list[int]]] = []
    for i in range(cells):
        offset = int.from_bytes(page[header + 12 + 2 * i : header + 14 + 2 * i], "big")
        found += _leaves(raw, key, int.from_bytes(page[offset : offset + 4], "big"))
    found += _leaves(raw, key, int.from_bytes(page[header + 8 : header + 12], "big"))
    return found


def leaf_pages(db: Path, key: bytes, table: str) -> list[tuple[int, list[int]]]:
    """The leaf pages of ``table`` in rowid order, each with the rowids it holds."""
    reader = RawDatabase(db, key)
    try:
        rows = reader.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    finally:
        reader.close()
    return _leaves(db.read_bytes(), key, int(rows[0][0]))


def overflow_pages(db: Path, key: bytes, table: str, rowid: int) -> list[int]:
    """The overflow pages holding the end of one long row of ``table``, in chain order."""
    raw = db.read_bytes()
    page_number = next(n for n, rowids in leaf_pages(db, key, table) if rowid in rowids)
    page = _page(raw, key, page_number)
    header = 100 if page_number == 1 else 0
    cells = int.from_bytes(page[header + 3 : header + 5], "big")
    usable = PAGE_SIZE - RESERVED
    for i in range(cells):
        offset = int.from_bytes(page[header + 8 + 2 * i : header + 10 + 2 * i], "big")
        size, at = _varint(page, offset)
        found, at = _varint(page, at)
        if found != rowid:
            continue
        # The file format's rule for how much of a payload stays on the leaf page.
        most, least = usable - 35, (usable - 12) * 32 // 255 - 23
        if size <= most:
            return []
        local = least + (size - least) % (usable - 4)
        if local > most:
            local = least
        chain = [int.from_bytes(page[at + local : at + local + 4], "big")]
        while (following := int.from_bytes(_page(raw, key, chain[-1])[:4], "big")) != 0:
            chain.append(following)
        return chain
    raise AssertionError(f"rowid {rowid} is not on page {page_number}")


def flip_bit(db: Path, page: int, offset: int = 1000, bit: int = 4) -> None:
    """Flip one bit inside the encrypted body of ``page`` (1-based)."""
    assert page > 1, "page 1 holds the salt and the table list; damage another"
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE_SIZE + offset] ^= 1 << bit
    db.write_bytes(bytes(data))
