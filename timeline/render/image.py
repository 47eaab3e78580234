"""Static images (PNG, SVG, PDF) of a timeline's chart, drawn by kaleido in Chromium.

kaleido 1.x drives a Chromium it finds itself (Debian's ``/usr/bin/chromium``, or
``BROWSER_PATH``). Without kaleido or a browser, :class:`ImageExportError` says so
in one line; nothing is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from timeline.model import Timeline
from timeline.render.figure import build_figure

FORMATS = ("png", "svg", "pdf")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class ImageExportError(RuntimeError):
    """A static image could not be made (no kaleido, no browser, bad format)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def find_browser() -> str | None:
    """The Chromium kaleido will use: ``BROWSER_PATH``, else one on ``PATH``."""
    configured = os.environ.get("BROWSER_PATH")
    if configured and Path(configured).is_file():
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def export_image(
    timeline: Timeline,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    width: int = 1200,
    height: int | None = None,
    scale: float = 1.0,
) -> Path:
    """Write the chart of ``timeline`` to ``path`` as PNG, SVG or PDF (atomically).

    ``format`` defaults to the extension of ``path``.
    """
    target = Path(path)
    fmt = (format or target.suffix.lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        raise ImageExportError(f"unknown image format {fmt!r} (use png, svg or pdf)")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise ImageExportError("image export needs kaleido: pip install -e '.[image]'") from None
    browser = find_browser()
    if browser is None:
        raise ImageExportError(
            "image export needs Chromium: install it (apt-get install chromium) or set BROWSER_PATH"
        )
    figure = build_figure(timeline)
    figure.update_layout(paper_bgcolor="white")
    env_before = os.environ.get("BROWSER_PATH")
    os.environ["BROWSER_PATH"] = browser
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".{fmt}", dir=target.parent or "."
    )
    os.close(fd)
    try:
        figure.write_image(
            tmp,
            format=fmt,
            width=width,
            height=height or figure.layout.height,
            scale=scale,
        )
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an image is a normal file
        os.replace(tmp, target)
    except ImageExportError:
        raise
    except Exception as error:  # kaleido/choreographer raise many types
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ImageExportError(f"image export failed: {message}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if env_before is None:
            os.environ.pop("BROWSER_PATH", None)
        else:
            os.environ["BROWSER_PATH"] = env_before
    return target
