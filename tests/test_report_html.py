"""The HTML report: one self-contained file with tables and inline SVG charts, drawn by a browser.

The browser test renders the seed report in headless Chromium (Debian's ``chromium`` package) to a
PNG and to a DOM, and is skipped with a message where Chromium is not installed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from feasibility.api import check
from feasibility.report import render
from feasibility.verdict import Assessment

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next(
    (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None
)


@pytest.fixture(scope="module")
def seed() -> Assessment:
    return check(ROOT / "examples" / "seed-scenario.yaml")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_html_is_self_contained(seed: Assessment, lang: str) -> None:
    html = render(seed, "html", lang)
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    for remote in ("<script", "<link", "<img", "<iframe", "@import", "url(", 'src="'):
        assert remote not in html, f"remote or scripted asset: {remote}"
    assert html.count("<svg") == 2
    assert html.count("<table") == html.count("</table>") >= 5
    assert "@media print" in html
    assert "```" not in html and "**" not in html, "markdown left unconverted"


def test_html_memory_bars_match_the_builds(seed: Assessment) -> None:
    """One bar per build, each with four parts and a budget line."""
    html = render(seed, "html", "en")
    memory_svg = html[html.index("<svg") : html.index("</svg>")]
    builds = [b for r in seed.recommendations for b in r.builds]
    assert memory_svg.count('class="budget"') == len(builds) + 1  # plus the legend's
    assert memory_svg.count("<rect") == 4 * len(builds) + 4  # plus the legend's swatches
    for r in seed.recommendations:
        for b in r.builds:
            assert f"{r.model} · {b.quantization} · {b.runtime}" in memory_svg


def test_html_is_deterministic(seed: Assessment) -> None:
    again = check(ROOT / "examples" / "seed-scenario.yaml")
    assert render(seed, "html", "ko") == render(again, "html", "ko")


def _png_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) image data of a PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, width, height, data = 8, 0, 0, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    return width, height, zlib.decompress(data)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium): the HTML report was "
    "not drawn in a browser",
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_html_renders_in_chromium(seed: Assessment, lang: str, tmp_path: Path) -> None:
    page = tmp_path / f"seed.{lang}.html"
    page.write_text(render(seed, "html", lang), encoding="utf-8")
    shot = tmp_path / "seed.png"
    _chromium("--window-size=1000,3000", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), "Chromium wrote no screenshot"
    width, height, raw = _png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 3000)
    # A blank page decompresses to a handful of byte values (white, and the row filter bytes).
    assert len(set(raw)) > 100, "the rendered page is blank"
    dom = _chromium("--dump-dom", page.as_uri()).stdout
    builds = sum(len(r.builds) for r in seed.recommendations)
    assert dom.count("<table") >= 5, "tables missing from the rendered page"
    assert dom.count("<svg") == 2, "charts missing from the rendered page"
    assert dom.count('class="budget"') == builds + 1
