"""The HTML site in a real headless Chromium (Debian's ``chromium`` package, via Playwright).

Skips when Chromium or Playwright is missing, except when ``CI`` is set: then it fails.
Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import page_fixture_graph

ROOT = Path(__file__).resolve().parents[1]

from bench.site_data import read_site_data  # noqa: E402

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DAESH = "https://w3id.org/rasd/id/dAEc"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def chromium_path() -> str:
    """Path of the system Chromium, or skip (fail under CI)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _unavailable("no chromium on PATH (apt-get install -y chromium fonts-noto-core)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("playwright (python) is not installed")
    return path


fixture_graph = page_fixture_graph


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


@pytest.fixture(scope="module")
def data():
    return read_site_data(fixture_graph())


@pytest.fixture(scope="module")
def browser() -> Iterator:
    exe = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Tab:
    """A page in an offline context that records errors, dialogs and outside requests."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(
            offline=True, viewport={"width": 1400, "height": 900}, locale="ar"
        )
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.body.dataset.ready === '1'", timeout=15000)

    def check_clean(self) -> None:
        assert not self.outside, f"non-file requests: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs fired: {self.dialogs}"

    def shot(self, name: str, full_page: bool = False) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)

    def node_count(self) -> int:
        return self.page.evaluate("window.rasdNetwork.body.data.nodes.length")

    def click_node(self, label: str) -> None:
        """Click, with the mouse, on the drawn node with this label."""
        point = self.page.evaluate(
            """(label) => {
                const net = window.rasdNetwork;
                const node = net.body.data.nodes.get().find(n => n.label === label);
                net.focus(node.id, {scale: 1.5, animation: false});
                const p = net.canvasToDOM(net.getPositions([node.id])[node.id]);
                const r = document.getElementById('network').getBoundingClientRect();
                return {x: r.left + p.x, y: r.top + p.y, id: node.id,
                        at: net.getNodeAt(p)};
            }""",
            label,
        )
        assert point["at"] == point["id"], "another node covers the target"
        self.page.mouse.click(point["x"], point["y"])

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    t = Tab(browser)
    yield t
    t.close()


def test_every_page_loads_offline_without_errors(site: Path, tab: Tab) -> None:
    for path in sorted(site.rglob("*.html")):
        tab.open(path)
        tab.check_clean()
        assert tab.page.evaluate("document.documentElement.dir") == "rtl", path
        if path.name != "platforms.html":  # a table, no network
            assert tab.node_count() >= 1, path


def test_overview_draws_every_entity(site: Path, data, tab: Tab) -> None:
    tab.open(site / "index.html")
    assert tab.node_count() == len(data.entities)
    drawn = tab.page.evaluate("Object.keys(window.rasdNetwork.body.nodes).length")
    assert drawn >= len(data.entities)
    tab.shot("overview.png")
    tab.check_clean()


def _search(tab: Tab, query: str) -> list[str]:
    tab.page.fill("#search", query)
    tab.page.wait_for_selector("#search-results li")
    return tab.page.eval_on_selector_all(
        "#search-results li a bdi", "els => els.map(e => e.textContent)"
    )


def test_search_by_name_and_alias(site: Path, tab: Tab) -> None:
    tab.open(site / "index.html")
    assert _search(tab, "داعش")[0] == "داعش"
    assert _search(tab, "تنظيم الدولة")[0] == "داعش"  # an alias
    assert "داعش" in _search(tab, "الدوله الاسلاميه")  # no hamza, ha for ta marbuta
    assert _search(tab, "دَاعِـش")[0] == "داعش"  # diacritics and tatweel
    assert _search(tab, "isis")[0] == "داعش"
    # the best hit is selected in the network
    selected = tab.page.evaluate("window.rasdNetwork.getSelectedNodes()")
    label = tab.page.evaluate(f"window.rasdNetwork.body.data.nodes.get({selected[0]}).label")
    assert label == "داعش"
    tab.page.click("#search-results li button.focus")
    tab.page.wait_for_selector("#panel:not([hidden])")
    tab.check_clean()


def test_search_on_entity_page_links_to_entity(site: Path, data, tab: Tab) -> None:
    votel = next(e for e in data.entities.values() if e.label == "جوزف فوتل")
    tab.open(site / "entity" / f"{data.entities[DAESH].file}.html")
    _search(tab, "فوتل")
    href = tab.page.get_attribute("#search-results li a", "href")
    assert href == f"../entity/{votel.file}.html"
    tab.check_clean()


def test_click_node_opens_evidence_panel(site: Path, tab: Tab) -> None:
    tab.open(site / "index.html")
    assert tab.page.is_hidden("#panel")
    tab.click_node("داعش")
    tab.page.wait_for_selector("#panel:not([hidden])")
    text = tab.page.inner_text("#panel")
    assert "داعش" in text and "منظمة" in text
    assert "تنظيم الدولة" in text  # alias
    assert "واستخدم تنظيم داعش ومنذ بداية تأسيسه" in text  # evidence sentence
    assert tab.page.inner_text("#panel mark")  # the span is marked
    assert tab.page.get_attribute("#panel ul.evidence a", "href").startswith("article/")
    tab.shot("overview-panel.png")
    tab.check_clean()


def test_click_edge_opens_relation_evidence(site: Path, data, tab: Tab) -> None:
    tab.open(site / "entity" / f"{data.entities[DAESH].file}.html")
    point = tab.page.evaluate(
        """() => {
            const net = window.rasdNetwork;
            const e = net.body.data.edges.get().find(e => e.label === 'يستخدم منصة');
            const pos = net.getPositions([e.from, e.to]);
            const a = pos[e.from], b = pos[e.to];
            const m = net.canvasToDOM({x: (a.x * 3 + b.x) / 4, y: (a.y * 3 + b.y) / 4});
            const r = document.getElementById('network').getBoundingClientRect();
            return {x: r.left + m.x, y: r.top + m.y};
        }"""
    )
    tab.page.mouse.click(point["x"], point["y"])
    tab.page.wait_for_selector("#panel:not([hidden])")
    text = tab.page.inner_text("#panel")
    assert "يستخدم منصة" in text and "uses platform" in text
    assert "الأدلة" in text
    tab.shot("entity-daesh.png")
    tab.check_clean()


def test_time_class_and_community_filters(site: Path, data, tab: Tab) -> None:
    tab.open(site / "index.html")
    visible = "window.rasdNetwork.body.data.nodes.get({filter: n => !n.hidden}).length"
    total = tab.page.evaluate(visible)
    tab.page.fill("#date-from", "2018-01-01")
    tab.page.dispatch_event("#date-from", "change")
    after = tab.page.evaluate(visible)
    assert 0 < after < total
    labels = tab.page.evaluate(
        "window.rasdNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.label)"
    )
    assert "داعش" in labels and "المؤتمر الدولي للسلام والأمن بالعراق" not in labels
    tab.page.click("#date-reset")
    assert tab.page.evaluate(visible) == total
    tab.page.uncheck("#g-Person")
    persons = sum(1 for e in data.entities.values() if e.group == "Person")
    assert tab.page.evaluate(visible) == total - persons
    tab.page.check("#g-Person")
    before = tab.page.evaluate("JSON.stringify(window.rasdNetwork.body.data.nodes.get(0).color)")
    tab.page.check("#community")
    after_c = tab.page.evaluate("JSON.stringify(window.rasdNetwork.body.data.nodes.get(0).color)")
    assert before != after_c
    tab.check_clean()


def test_injection_article_is_inert(site: Path, data, tab: Tab) -> None:
    art = next(a for a in data.articles.values() if "onerror" in a.headline)
    tab.open(site / "article" / f"{art.file}.html")
    assert tab.page.evaluate("document.querySelectorAll('img').length") == 0
    assert tab.page.evaluate("document.querySelectorAll('script:not([src])').length") == 1
    body = tab.page.inner_text("main")
    assert "<img src=x onerror=alert(1)>" in body
    assert "</script><script>alert(1)</script>" in body
    assert "\"quotes'" in body
    label = next(e.label for e in data.entities.values() if "onerror" in e.label)
    tab.click_node(label)
    tab.page.wait_for_selector("#panel:not([hidden])")
    assert "<img src=x onerror=alert(1)>" in tab.page.inner_text("#panel")
    tab.page.hover("#panel h2")
    tab.page.wait_for_timeout(300)
    assert tab.page.evaluate("document.querySelectorAll('img').length") == 0
    tab.shot("injection-article.png", full_page=True)
    tab.check_clean()


def test_article_page_spans(site: Path, data, tab: Tab) -> None:
    art = next(a for a in data.articles.values() if a.headline.startswith("نهاية الخلافة"))
    tab.open(site / "article" / f"{art.file}.html")
    marked = tab.page.eval_on_selector_all(
        ".article-text a.m", "els => els.map(e => e.textContent)"
    )
    assert "جوزف فوتل" in marked and "داعش" in marked
    underlined = tab.page.inner_text(".article-text")
    assert "القضاء على داعش" in underlined
    assert tab.page.eval_on_selector_all(".article-text .c", "els => els.length") >= 3
    tab.shot("article.png", full_page=True)
    tab.check_clean()


def test_claims_page_sorts_by_date(site: Path, tab: Tab) -> None:
    tab.open(site / "claims.html")
    dates = "Array.from(document.querySelectorAll('#claims tbody tr')).map(r => r.dataset.date)"
    tab.page.click("button[data-sort='asc'][data-table='claims']")
    asc = tab.page.evaluate(dates)
    assert asc == sorted(asc)
    tab.page.click("button[data-sort='desc'][data-table='claims']")
    desc = tab.page.evaluate(dates)
    assert desc == sorted(desc, reverse=True)
    tab.click_node(tab.page.evaluate("window.rasdNetwork.body.data.nodes.get(0).label"))
    tab.page.wait_for_selector("#panel:not([hidden])")
    tab.shot("claims.png")
    tab.check_clean()


def test_entity_named_once_opens_its_span(site: Path, data, tab: Tab) -> None:
    facebook = next(e for e in data.entities.values() if e.label == "فيسبوك")
    assert not (site / "entity" / f"{facebook.file}.html").exists()  # named once: no page
    tab.open(site / "index.html")
    assert "فيسبوك" in _search(tab, "فيسبوك")
    href = tab.page.get_attribute("#search-results li a", "href")
    assert href.startswith("article/") and href.endswith(f"#e-{facebook.file}")
    tab.click_node("فيسبوك")  # its side panel comes from a shared shard
    tab.page.wait_for_selector("#panel:not([hidden])")
    link = tab.page.locator("#panel a.page-link")
    assert link.inner_text() == "موضع ذكره في المقال ←"
    assert link.get_attribute("href") == href
    link.click()
    tab.page.wait_for_function("document.body.dataset.ready === '1'")
    assert tab.page.evaluate("location.hash") == f"#e-{facebook.file}"
    assert tab.page.evaluate(f"!!document.getElementById('e-{facebook.file}')")
    tab.check_clean()


def test_entity_page_legend_is_drawn(site: Path, tab: Tab) -> None:
    page = next(iter(sorted((site / "entity").glob("*.html"))))
    tab.open(page)
    items = tab.page.eval_on_selector_all("ul[data-legend] li", "els => els.length")
    assert items == 7
    assert "شخص" in tab.page.inner_text("ul[data-legend]")
    tab.check_clean()
