"""Read the two things the Linux build needs from an ELF64 shared library, in plain Python.

``needed_libraries``: its own ``DT_NEEDED`` entries (``ldd``, which PyInstaller uses, lists the
whole tree instead, so it cannot tell which library needs which). ``dynamic_symbol_data``: the
bytes of an exported data symbol (ICU's data package). Little-endian x86-64/arm64 only.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

_SHT_DYNAMIC = 6
_SHT_DYNSYM = 11
_DT_NULL = 0
_DT_NEEDED = 1

# (name, type, flags, addr, offset, size, link, info, addralign, entsize)
Section = tuple[int, int, int, int, int, int, int, int, int, int]


class ElfError(ValueError):
    """Not a 64-bit little-endian ELF file, or not the data asked for."""


def _sections(blob: bytes, name: str) -> list[Section]:
    if blob[:4] != b"\x7fELF" or len(blob) < 64 or blob[4] != 2 or blob[5] != 1:
        raise ElfError(f"{name}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    return [struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)]


def _string(blob: bytes, at: int) -> str:
    return blob[at : blob.index(b"\0", at)].decode("utf-8", "replace")


def needed_libraries(path: Path | str) -> list[str]:
    """The sonames ``path`` itself links to (its ``DT_NEEDED`` entries), in order."""
    blob = Path(path).read_bytes()
    sections = _sections(blob, Path(path).name)
    needed: list[str] = []
    for section in sections:
        if section[1] != _SHT_DYNAMIC:
            continue
        strings = sections[section[6]][4]
        for at in range(section[4], section[4] + section[5], 16):
            tag, value = struct.unpack_from("<qQ", blob, at)
            if tag == _DT_NULL:
                break
            if tag == _DT_NEEDED:
                needed.append(_string(blob, strings + value))
    return needed


def dynamic_symbol_data(path: Path | str, wanted: Callable[[str], bool]) -> tuple[str, bytes]:
    """(name, bytes) of the first exported data symbol of ``path`` whose name is ``wanted``."""
    blob = Path(path).read_bytes()
    sections = _sections(blob, Path(path).name)
    for section in sections:
        if section[1] != _SHT_DYNSYM:
            continue
        strings = sections[section[6]][4]
        for at in range(section[4], section[4] + section[5], section[9]):
            name_at, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", blob, at)
            name = _string(blob, strings + name_at)
            if size and 0 < shndx < len(sections) and wanted(name):
                holder = sections[shndx]
                offset = holder[4] + value - holder[3]
                return name, blob[offset : offset + size]
    raise ElfError(f"{Path(path).name}: no such exported symbol")
