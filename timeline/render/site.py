"""A static site of timelines: one page per input, an index, one shared plotly.js.

``build_site`` takes timelines already built (the CLI runs the pipeline) and writes
them with relative links only, so the folder works from disk or any static host.
The output folder is replaced only once the whole site has been written beside it.
``load_site_config`` reads ``site.yaml``, the site source naming inputs and titles.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import plotly.offline
import yaml
from markupsafe import Markup

from timeline.model import Timeline
from timeline.render.page import _environment, _span, _static, plotly_js, render_page

CONFIG_NAMES = ("site.yaml", "site.yml")


class SiteError(ValueError):
    """A site config or output problem, described in one line."""


@dataclass(frozen=True)
class SiteEntry:
    """One page of the site: its timeline, the title it is listed under, its file name."""

    title: str
    timeline: Timeline
    slug: str = ""
    source: str = ""


@dataclass(frozen=True)
class SiteInput:
    """One input named by the site config (paths resolved against the config's folder)."""

    path: Path
    title: str
    slug: str
    reference_date: date | None = None


@dataclass(frozen=True)
class SiteConfig:
    """The parsed ``site.yaml``."""

    title: str
    description: str
    inputs: tuple[SiteInput, ...]


@dataclass(frozen=True)
class IndexRow:
    """One line of the index page."""

    href: str
    title: str
    span: str
    events: int
    sources: int


def slugify(text: str) -> str:
    """A file-name-safe slug: ASCII letters, digits and dashes ("timeline" if empty)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or "timeline"


def build_site(
    entries: Sequence[SiteEntry],
    out_dir: str | os.PathLike[str],
    *,
    title: str = "Timelines",
    description: str = "",
) -> Path:
    """Write one page per entry, ``index.html`` and one plotly.js into ``out_dir``.

    The site is built in a temporary folder beside ``out_dir`` and swapped in by
    rename, so an interrupted build leaves the previous site intact. Returns the
    output path.
    """
    out = Path(out_dir)
    parent = out.parent if str(out.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=parent))
    try:
        _write_site(entries, staging, title=title, description=description)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def plotly_asset_name() -> str:
    """The shared plotly.js file name (versioned, so caches stay right)."""
    return f"plotly-{plotly.offline.get_plotlyjs_version()}.min.js"


def _write_site(
    entries: Sequence[SiteEntry], folder: Path, *, title: str, description: str
) -> None:
    asset = plotly_asset_name()
    (folder / asset).write_text(plotly_js(), encoding="utf-8")
    rows: list[IndexRow] = []
    used: set[str] = {"index"}
    for entry in entries:
        slug = _unique(slugify(entry.slug or entry.title), used)
        page = render_page(
            _retitled(entry.timeline, entry.title),
            plotlyjs=asset,
            home_url="index.html",
        )
        (folder / f"{slug}.html").write_text(page, encoding="utf-8")
        rows.append(
            IndexRow(
                href=f"{slug}.html",
                title=entry.title,
                span=_span(entry.timeline.events),
                events=len(entry.timeline.events),
                sources=len(entry.timeline.documents),
            )
        )
    index = _environment().get_template("index.html.j2")
    html = index.render(
        title=title,
        description=description or f"{len(rows)} timelines",
        rows=rows,
        css=Markup(_static("timeline.css")),  # our own file, not user text
    )
    (folder / "index.html").write_text(html, encoding="utf-8")


def _retitled(timeline: Timeline, title: str) -> Timeline:
    if timeline.title == title:
        return timeline
    return Timeline(timeline.documents, timeline.events, title, timeline.failures)


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate = f"{slug}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` where ``out`` is, keeping ``out`` whole until the last moment."""
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out}: exists and is not a folder")
    os.chmod(staging, 0o755)
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


# --- the site source ------------------------------------------------------------------


def load_site_config(path: str | os.PathLike[str]) -> SiteConfig:
    """Read ``site.yaml`` (or the one in folder ``path``) into a :class:`SiteConfig`.

    The file holds ``title``, optional ``description``, and ``inputs``: a list of
    ``{path, title, slug?, reference_date?}`` with paths relative to the file.
    """
    file = Path(path)
    if file.is_dir():
        found = [file / name for name in CONFIG_NAMES if (file / name).is_file()]
        if not found:
            raise SiteError(f"{file}: no site.yaml in this folder")
        file = found[0]
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise SiteError(f"{file}: cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SiteError(f"{file}:{where} invalid YAML") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("inputs"), list) or not raw["inputs"]:
        raise SiteError(f"{file}: needs a non-empty 'inputs' list")
    inputs = tuple(_input(file, i, item) for i, item in enumerate(raw["inputs"], 1))
    return SiteConfig(
        title=str(raw.get("title") or "Timelines"),
        description=str(raw.get("description") or ""),
        inputs=inputs,
    )


def _input(file: Path, number: int, item: object) -> SiteInput:
    if not isinstance(item, dict) or not item.get("path"):
        raise SiteError(f"{file}: input {number} needs a 'path'")
    # normpath, not resolve(): a symlinked example keeps the name it is listed under.
    path = Path(os.path.normpath(file.parent.absolute() / str(item["path"])))
    title = str(item.get("title") or path.stem)
    ref = item.get("reference_date")
    if ref is not None and not isinstance(ref, date):
        try:
            ref = date.fromisoformat(str(ref))
        except ValueError:
            raise SiteError(
                f"{file}: input {number}: reference_date {ref!r} is not YYYY-MM-DD"
            ) from None
    return SiteInput(
        path=path, title=title, slug=slugify(str(item.get("slug") or title)), reference_date=ref
    )
