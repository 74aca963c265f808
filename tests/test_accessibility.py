"""An accessibility check of every page type in a real headless Chromium.

The checker is axe-core (Deque, MPL-2.0), the ``axe.min.js`` that the PyPI package
``axe-playwright-python`` bundles (read from the installed package, put into the page as an
inline script: no network).  It runs the WCAG 2.0/2.1 A and AA rules and axe's best
practices, among them: landmarks (``landmark-one-main``, ``region``), a label on every form
control and button (``label``, ``button-name``), ``html-has-lang``/``html-lang-valid``,
text alternatives of images and SVG (``image-alt``, ``svg-img-alt``, ``role-img-alt``),
``heading-order`` and ``color-contrast`` (4.5:1 for text, from the computed styles).  What
axe does not check is checked here: ``lang="ar" dir="rtl"`` on the page, a banner
(``<header>``) holding the site's ``<nav>``, one ``<main>``, a first heading ``<h1>`` and no
heading level skipped.

Each page type (overview, claims, platforms, entity, article) is checked in the hand-made
fixture site and in the seeds build, as loaded and with its interactive parts open (side
panel, search results).  Skips without Chromium or Playwright or the package, except under
``CI``: then it fails (as ``test_browser.py`` does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from test_browser import DAESH, Tab, browser, data, site  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@cache
def axe_source() -> str:
    """axe-core's script, from the installed ``axe-playwright-python`` package."""
    try:
        from importlib.resources import files

        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError, ModuleNotFoundError):
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python (axe-core) is not installed")
        pytest.skip("axe-playwright-python (axe-core) is not installed: pip install -e '.[dev]'")


@pytest.fixture
def tab(browser) -> Iterator[Tab]:  # noqa: F811
    t = Tab(browser)
    yield t
    t.close()


STRUCTURE = """() => {
    const out = [];
    const html = document.documentElement;
    if (html.lang !== 'ar' || html.dir !== 'rtl') {
        out.push(`html lang=${html.lang} dir=${html.dir}`);
    }
    const banner = document.querySelectorAll('body > header');
    if (banner.length !== 1 || !banner[0].querySelector('nav')) out.push('no header with a nav');
    if (document.querySelectorAll('main').length !== 1) out.push('not exactly one main');
    const levels = Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4'))
        .filter(h => h.offsetParent !== null || getComputedStyle(h).display !== 'none')
        .map(h => Number(h.tagName[1]));
    if (levels[0] !== 1) out.push(`first heading is h${levels[0]}`);
    for (let i = 1; i < levels.length; i++) {
        if (levels[i] > levels[i - 1] + 1) out.push(`h${levels[i - 1]} then h${levels[i]}`);
    }
    return out;
}"""


def check(tab: Tab, what: str) -> None:
    """Run axe and the structural checks on the page as it is now; fail with every finding."""
    tab.page.add_script_tag(content=axe_source())
    found = tab.page.evaluate(
        """async (tags) => {
            // preload: false — axe would fetch the stylesheets again (an XHR, refused on file://)
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations'], preload: false});
            return r.violations.map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 4)
                .map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '')
                .split('\\n').slice(1, 2).join('').trim()).join(' | '));
        }""",
        TAGS,
    )
    found += tab.page.evaluate(STRUCTURE)
    assert not found, f"{what}:\n" + "\n".join(found)


def _pages(root: Path, entity: str | None = None) -> list[tuple[str, Path]]:
    ents = sorted((root / "entity").glob("*.html"))
    arts = sorted((root / "article").glob("*.html"))
    return [
        ("overview", root / "index.html"),
        ("claims", root / "claims.html"),
        ("platforms", root / "platforms.html"),
        ("entity", root / "entity" / entity if entity else ents[0]),
        ("article", arts[0]),
    ]


def test_fixture_pages_pass(site: Path, data, tab: Tab) -> None:  # noqa: F811
    for kind, path in _pages(site, f"{data.entities[DAESH].file}.html"):
        tab.open(path)
        check(tab, f"{kind} {path.name}")
        tab.check_clean()


def test_seeds_pages_pass(seeds_build: Path, tab: Tab) -> None:
    for kind, path in _pages(seeds_build):
        tab.open(path)
        check(tab, f"{kind} {path.name} (seeds)")
        tab.check_clean()


def test_open_panels_and_search_pass(site: Path, data, tab: Tab) -> None:  # noqa: F811
    tab.open(site / "entity" / f"{data.entities[DAESH].file}.html")
    tab.click_node(data.entities[DAESH].label)  # side panel of an entity, neighbours added
    tab.page.wait_for_selector("#panel:not([hidden])")
    tab.page.wait_for_function("document.body.dataset.expanded === '1'")
    check(tab, "entity page, side panel open")
    tab.page.fill("#search", "داعش")
    tab.page.wait_for_selector("#search-results:not([hidden]) li")
    check(tab, "entity page, search results open")
    tab.open(site / "platforms.html")
    tab.page.click("button[data-cell='0']")
    tab.page.wait_for_selector("#panel:not([hidden])")
    check(tab, "platforms, evidence panel open")
    tab.open(site / "index.html")
    tab.click_node(data.entities[DAESH].label)
    tab.page.wait_for_selector("#panel:not([hidden])")
    check(tab, "overview, side panel open")
    tab.check_clean()


def test_the_checker_finds_what_it_should(site: Path, tab: Tab) -> None:  # noqa: F811
    """The check fails on a page with the faults it is meant to catch."""
    tab.open(site / "platforms.html")
    tab.page.evaluate(
        """() => {
            document.documentElement.setAttribute('dir', 'ltr');
            document.querySelector('#search').removeAttribute('aria-label');
            document.querySelector('#search').removeAttribute('placeholder');
            document.querySelector('button[data-cell]').textContent = '';
            document.querySelector('button[data-cell]').removeAttribute('aria-label');
            const h = document.createElement('h4'); h.textContent = 'x';
            document.querySelector('main').appendChild(h);
            const p = document.createElement('p'); p.textContent = 'رمادي باهت';
            p.style.color = '#cccccc'; document.querySelector('main').appendChild(p);
        }"""
    )
    with pytest.raises(AssertionError) as err:
        check(tab, "broken on purpose")
    text = str(err.value)
    for rule in ("label", "button-name", "heading-order", "color-contrast", "dir=ltr"):
        assert rule in text, (rule, text)
