"""timeline.render.site (static site) and timeline.render.image (static images)."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.render_fixtures import hostile_timeline, sample_timeline
from timeline.render import image as image_mod
from timeline.render import site as site_mod
from timeline.render.image import ImageExportError, export_image
from timeline.render.site import SiteEntry, SiteError, build_site, load_site_config, slugify

ROOT = Path(__file__).resolve().parent.parent


def _entries() -> list[SiteEntry]:
    return [
        SiteEntry("Storage & depot", sample_timeline()),
        SiteEntry("Hostile <b>corpus</b>", hostile_timeline(), slug="hostile"),
        SiteEntry("Storage & depot", sample_timeline()),  # same title: a second slug
    ]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_site_has_pages_index_and_one_plotly(tmp_path):
    out = build_site(_entries(), tmp_path / "_site", title="Examples")
    files = _files(out)
    js = [name for name in files if name.endswith(".js")]
    assert js == [site_mod.plotly_asset_name()]
    assert sorted(files) == sorted(
        ["index.html", "storage-depot.html", "hostile.html", "storage-depot-2.html", js[0]]
    )
    for name in ("storage-depot.html", "hostile.html"):
        page = files[name].decode()
        assert f'<script src="{js[0]}" charset="utf-8"></script>' in page
        assert len(files[name]) < 300_000  # plotly.js is shared, not inlined
        assert '<a href="index.html">' in page


def test_index_lists_span_and_event_count(tmp_path):
    out = build_site(_entries(), tmp_path / "_site", title="Examples")
    index = (out / "index.html").read_text()
    assert "June 2019 – April 2026" in index and "12 events" in index
    assert "Hostile &lt;b&gt;corpus&lt;/b&gt;" in index
    assert "&#34;" not in index.split("</style>")[0]  # the stylesheet is not escaped
    hrefs = re.findall(r'href="([^"]*)"', index)
    assert hrefs == ["storage-depot.html", "hostile.html", "storage-depot-2.html"]


def test_rebuild_is_byte_identical(tmp_path):
    first = _files(build_site(_entries(), tmp_path / "a"))
    second = _files(build_site(_entries(), tmp_path / "b"))
    assert first == second


def test_failed_build_keeps_previous_site(tmp_path, monkeypatch):
    out = build_site(_entries()[:1], tmp_path / "_site")
    before = _files(out)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(site_mod, "render_page", broken)
    with pytest.raises(RuntimeError):
        build_site(_entries(), out)
    assert _files(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["_site"]  # no staging left behind


def test_rebuild_replaces_whole_folder(tmp_path):
    out = build_site(_entries(), tmp_path / "_site")
    (out / "stale.html").write_text("old")
    build_site(_entries()[:1], out)
    assert not (out / "stale.html").exists() and not (out / "hostile.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Building the Panama Canal", "building-the-panama-canal"),
        ("Café ¿qué?", "cafe-que"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>", "script"),
        ("", "timeline"),
        ("東京", "timeline"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_repo_site_config_names_the_examples():
    config = load_site_config(ROOT / "site")
    assert config.title and len(config.inputs) == 3
    assert [i.slug for i in config.inputs] == ["port-strike", "panama-canal", "meeting-notes"]
    for item in config.inputs:
        assert item.path.parent == ROOT / "examples"
        assert item.path.is_file(), item.path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: x\n", "needs a non-empty 'inputs' list"),
        ("inputs: [\n", "invalid YAML"),
        ("inputs:\n  - title: no path\n", "input 1 needs a 'path'"),
        ("inputs:\n  - path: a.txt\n    reference_date: soon\n", "is not YYYY-MM-DD"),
    ],
)
def test_site_config_errors(tmp_path, text, message):
    (tmp_path / "site.yaml").write_text(text)
    with pytest.raises(SiteError, match=re.escape(message)):
        load_site_config(tmp_path)


def test_site_config_reference_date(tmp_path):
    (tmp_path / "site.yaml").write_text(
        "inputs:\n  - path: a.txt\n    reference_date: 2025-09-20\n"
    )
    (item,) = load_site_config(tmp_path / "site.yaml").inputs
    assert item.reference_date == date(2025, 9, 20) and item.title == "a"


def test_missing_config(tmp_path):
    with pytest.raises(SiteError, match="no site.yaml"):
        load_site_config(tmp_path)


# --- static images ----------------------------------------------------------------------


def test_image_without_browser_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(image_mod, "find_browser", lambda: None)
    with pytest.raises(ImageExportError, match="needs Chromium") as info:
        export_image(sample_timeline(), tmp_path / "x.png")
    assert "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_image_bad_format(tmp_path):
    with pytest.raises(ImageExportError, match="unknown image format"):
        export_image(sample_timeline(), tmp_path / "x.gif")


def _have_image_tools() -> bool:
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return image_mod.find_browser() is not None


@pytest.mark.skipif(
    not _have_image_tools() and os.environ.get("CI") != "true",
    reason="kaleido or Chromium not installed",
)
def test_svg_export(tmp_path):
    out = export_image(sample_timeline(), tmp_path / "chart.svg")
    text = out.read_text()
    assert text.startswith("<svg") and "Lawmakers passed the storage act" in text
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's 0600
    shutil.rmtree(tmp_path)
