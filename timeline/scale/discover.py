"""Finding the inputs of a large run lazily, in a stable order.

A directory stands for its files with a known extension, sorted by name (the
same order as :func:`timeline.sources.expand_inputs`); a glob pattern (``*``,
``?``, ``[...]``, ``**``) is matched one directory level at a time. Only the
names of the directory being listed are held in memory, never the whole corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from timeline.sources import KNOWN_EXTENSIONS, STDIN

_MAGIC = frozenset("*?[")


def has_magic(text: str) -> bool:
    """True when ``text`` holds a glob wildcard."""
    return any(character in _MAGIC for character in text)


def is_pattern(argument: str) -> bool:
    """True for an argument to expand as a glob (a wildcard, and no such file)."""
    return argument != STDIN and has_magic(argument) and not os.path.lexists(argument)


def iter_inputs(arguments: Iterable[str], *, recursive: bool = False) -> Iterator[str]:
    """Yield every input the arguments stand for, lazily and in order.

    Directories yield their known-extension files sorted by name (and, with
    ``recursive``, those of sub-directories in the same walk); patterns yield
    their matches, a matched directory standing for its files (unless the pattern
    walks directories itself with ``**``); anything else is yielded as given, for
    the reader to accept or report.
    """
    for argument in arguments:
        if is_pattern(argument):
            # With ``**`` the pattern itself walks sub-directories: a matched
            # directory is not expanded again.
            walks = "**" in Path(argument).parts
            for match in expand_pattern(argument):
                if not os.path.isdir(match):
                    yield match
                elif not walks:
                    yield from iter_directory(Path(match), recursive=recursive)
        elif argument != STDIN and os.path.isdir(argument):
            yield from iter_directory(Path(argument), recursive=recursive)
        else:
            yield argument


def expand_pattern(pattern: str) -> Iterator[str]:
    """The matches of ``pattern``; the pattern itself when nothing matches.

    Passing an unmatched pattern on lets the reader report it ("no such file")
    like any other missing input, instead of it vanishing silently.
    """
    matched = False
    for match in iter_glob(pattern):
        matched = True
        yield match
    if not matched:
        yield pattern


def iter_directory(directory: Path, *, recursive: bool = False) -> Iterator[str]:
    """The known-extension files of ``directory``, sorted (depth first when recursive).

    Walking sub-directories in name order among the files gives exactly the order
    of sorting every path by its parts, as ``sorted(directory.glob("**/*"))`` does.
    """
    for name, is_dir in _listing(directory):
        path = directory / name
        if is_dir:
            if recursive:
                yield from iter_directory(path, recursive=True)
        elif Path(name).suffix.lower() in KNOWN_EXTENSIONS and path.is_file():
            yield str(path)


def _listing(directory: Path) -> list[tuple[str, bool]]:
    try:
        with os.scandir(directory) as scan:
            return sorted((entry.name, entry.is_dir()) for entry in scan)
    except OSError:
        return []


def iter_glob(pattern: str) -> Iterator[str]:
    """Paths matching ``pattern``, sorted at each directory level, found lazily.

    Like the shell, wildcards do not match names starting with a dot unless the
    pattern part does; ``**`` matches any number of directories.
    """
    parts = Path(pattern).parts
    if parts and parts[-1] == "**":
        parts = (*parts, "*")
    fixed = 0
    while fixed < len(parts) and not has_magic(parts[fixed]):
        fixed += 1
    base = Path(*parts[:fixed]) if fixed else Path(".")
    for found in _match(base, list(parts[fixed:])):
        yield str(found)


def _match(base: Path, parts: list[str]) -> Iterator[Path]:
    if not parts:
        if os.path.lexists(base):
            yield base
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from _match(base, rest)
        for name, is_dir in _listing(base):
            if is_dir and not name.startswith("."):
                yield from _match(base / name, parts)
    elif not has_magic(head):
        yield from _match(base / head, rest)
    else:
        for name, is_dir in _listing(base):
            if name.startswith(".") and not head.startswith("."):
                continue
            if not fnmatchcase(name, head):
                continue
            if not rest:
                yield base / name
            elif is_dir:
                yield from _match(base / name, rest)
