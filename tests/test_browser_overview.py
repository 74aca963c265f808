"""The overview (index.html) in a real headless Chromium: labels where they fit, zoom
showing more, the time bar and the platform filter filtering the network, the aggregated
edges' panel; offline, no console errors.  Screenshots: ``tests/artifacts/overview-*.png``.

Set ``RASD_BIG_SITE`` to a site folder written by this code (e.g. from a 2,000-article
build) to also check and screenshot that overview.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import test_browser
from conftest import page_fixture_graph
from test_browser import Tab

from bench.site_data import read_site_data
from rasd.export.html.layout import ZOOM_STEPS as ZOOM

pytestmark = pytest.mark.browser
browser = test_browser.browser  # the fixtures of test_browser.py: one offline Chromium
tab = test_browser.tab

VISIBLE = "window.rasdNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.label)"
LABEL_BOXES = """() => {
  const net = window.rasdNetwork, out = [];
  const c = document.getElementById('network');
  const lo = net.DOMtoCanvas({x: 0, y: 0});
  const hi = net.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id];
    if (n.options.hidden || !n.labelModule.visible()) continue;
    if (n.x < lo.x || n.x > hi.x || n.y < lo.y || n.y > hi.y) continue;  // off screen: not drawn
    const s = n.labelModule.size;
    out.push({id, label: n.options.label, l: s.left, t: s.top, w: s.width, h: s.height,
              px: n.options.font.size * net.getScale()});
  }
  return out;
}"""


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert m, f"no page data in {path}"
    return json.loads(m.group(1))


def drawn_labels(tab: Tab) -> list[dict]:
    """The labels vis-network draws now, with their boxes (canvas units), after a redraw."""
    tab.page.evaluate("window.rasdNetwork.redraw()")
    tab.page.wait_for_timeout(100)
    return tab.page.evaluate(LABEL_BOXES)


def assert_no_overlap(boxes: list[dict]) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = (
                a["l"] < b["l"] + b["w"]
                and b["l"] < a["l"] + a["w"]
                and a["t"] < b["t"] + b["h"]
                and b["t"] < a["t"] + a["h"]
            )
            assert not overlap, (a["label"], b["label"])


def check_labels(tab: Tab, name: str) -> None:
    """Labels drawn at the first view do not overlap and are readable; zooming in draws
    more of them, still without overlap."""
    first = drawn_labels(tab)
    assert first, "no label drawn"
    assert_no_overlap(first)
    assert min(b["px"] for b in first) >= 12  # readable
    payload = page_data(Path(tab.page.url.removeprefix("file://")))
    top = payload["nodes"][0][0]
    assert top in {b["label"] for b in first}  # the most important entity is named
    tab.shot(f"{name}.png")
    # zoom in with the wheel over the node whose label comes next: it gets its label
    later = [i for i, info in enumerate(payload["info"]) if 0 < info["l"] < len(ZOOM)]
    if later:
        target = min(later, key=lambda i: (payload["info"][i]["l"], i))
        need = payload["layout"]["s0"] * ZOOM[payload["info"][target]["l"]]
        for _ in range(60):
            point = tab.page.evaluate(
                """(id) => {
                    const net = window.rasdNetwork;
                    const p = net.canvasToDOM(net.getPositions([id])[id]);
                    const r = document.getElementById('network').getBoundingClientRect();
                    return {x: r.left + p.x, y: r.top + p.y, scale: net.getScale()};
                }""",
                target,
            )
            if point["scale"] >= need * 1.01:
                break
            tab.page.mouse.move(point["x"], point["y"])
            tab.page.mouse.wheel(0, -120)
            tab.page.wait_for_timeout(40)
        zoomed = drawn_labels(tab)
        assert_no_overlap(zoomed)
        assert target in {b["id"] for b in zoomed}, "zooming in does not draw the next label"
        tab.shot(f"{name}-zoom.png")


def test_labels_fit_and_zoom_shows_more(fixture_site: Path, tab: Tab) -> None:
    tab.open(fixture_site / "index.html")
    check_labels(tab, "overview-labels")
    # a scale change without a zoom event (search focus, moveTo) updates the labels too
    payload = page_data(fixture_site / "index.html")
    s0 = payload["layout"]["s0"]
    tab.page.evaluate(f"window.rasdNetwork.moveTo({{scale: {s0 * ZOOM[3] * 1.01}}})")
    tab.page.wait_for_function("window.rasdOverview.step() === 3")
    tab.page.evaluate(f"window.rasdNetwork.moveTo({{scale: {s0}}})")
    tab.page.wait_for_function("window.rasdOverview.step() === 0")
    # hovering a node whose label is not drawn draws it
    hidden = next(i for i, info in enumerate(payload["info"]) if info["l"] > 0)
    point = tab.page.evaluate(
        """(id) => {
            const net = window.rasdNetwork;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.getElementById('network').getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y, at: net.getNodeAt(p)};
        }""",
        hidden,
    )
    assert point["at"] == hidden
    assert hidden not in {b["id"] for b in drawn_labels(tab)}
    tab.page.mouse.move(point["x"], point["y"])
    tab.page.wait_for_timeout(300)
    assert hidden in {b["id"] for b in drawn_labels(tab)}
    tab.check_clean()


def test_time_bar_filters_nodes(fixture_site: Path, tab: Tab) -> None:
    tab.open(fixture_site / "index.html")
    total = len(tab.page.evaluate(VISIBLE))
    bins = tab.page.evaluate("window.rasdOverview.bins()")
    busiest = max(range(len(bins)), key=lambda i: (bins[i]["claims"], i))
    assert bins[busiest]["claims"] > 0
    # click the busiest month with the mouse
    hit = tab.page.locator("#timebar svg g.bin").nth(busiest).locator("rect.hit").bounding_box()
    tab.page.mouse.click(hit["x"] + hit["width"] / 2, hit["y"] + hit["height"] / 2)
    month = bins[busiest]["label"]
    assert tab.page.input_value("#date-from") == f"{month}-01"
    assert tab.page.input_value("#date-to").startswith(month)
    shown = tab.page.evaluate(VISIBLE)
    assert 0 < len(shown) < total
    # an independent check: the entities attested that month (articles, claims)
    data = read_site_data(page_fixture_graph())
    said = {
        data.entities[a].label
        for c in data.claims
        if (c.date or "").startswith(month)
        for a in (*c.authors, *c.about)
        if a in data.entities
    }
    assert said and said <= set(shown)
    assert month in tab.page.inner_text("#timebar-status")
    tab.shot("overview-timebar.png")
    # drag across the whole bar: every dated entity comes back
    svg = tab.page.locator("#timebar svg").bounding_box()
    y = svg["y"] + svg["height"] / 2
    tab.page.mouse.move(svg["x"] + svg["width"] - 2, y)
    tab.page.mouse.down()
    tab.page.mouse.move(svg["x"] + svg["width"] / 2, y, steps=5)
    tab.page.mouse.move(svg["x"] + 2, y, steps=5)
    tab.page.mouse.up()
    assert tab.page.input_value("#date-from") == ""  # the first bin is "before …"
    dragged = tab.page.evaluate(VISIBLE)
    assert len(dragged) >= len(shown)
    # the keyboard: Escape clears, End + Enter picks the last month
    tab.page.focus("#timebar .timebar-slider")
    tab.page.keyboard.press("Escape")
    assert len(tab.page.evaluate(VISIBLE)) == total
    assert tab.page.input_value("#date-from") == ""
    tab.page.keyboard.press("End")
    tab.page.keyboard.press("Enter")
    last = bins[-1]
    assert tab.page.input_value("#date-to") == last["to"]
    slider = tab.page.locator("#timebar .timebar-slider")
    assert slider.get_attribute("role") == "slider"
    assert slider.get_attribute("aria-valuenow") == str(len(bins) - 1)
    assert last["label"] in slider.get_attribute("aria-valuetext")
    tab.page.keyboard.press("Shift+ArrowRight")  # right-to-left: one month earlier
    assert tab.page.input_value("#date-from") == bins[-2]["from"]
    tab.page.click("#date-reset")
    assert len(tab.page.evaluate(VISIBLE)) == total
    assert tab.page.inner_text("#timebar-status") == "كل الفترات"
    tab.check_clean()


def test_platform_filter(fixture_site: Path, tab: Tab) -> None:
    data = read_site_data(page_fixture_graph())
    twitter = next(i for i, e in data.entities.items() if e.label == "تويتر")
    linked = {
        data.entities[o if s == twitter else s].label
        for s, _p, o in data.relations
        if twitter in (s, o)
    }
    assert "داعش" in linked
    tab.open(fixture_site / "index.html")
    total = len(tab.page.evaluate(VISIBLE))
    options = tab.page.eval_on_selector_all(
        "#platform-filter option", "els => els.map(e => [e.value, e.textContent])"
    )
    value = next(v for v, text in options if text.startswith("تويتر"))
    tab.page.select_option("#platform-filter", value)
    assert set(tab.page.evaluate(VISIBLE)) == linked | {"تويتر"}
    assert "بعد التصفية" in tab.page.inner_text("#filter-status")
    tab.shot("overview-platform.png")
    # with a class filter on top: no organisation left
    tab.page.uncheck("#g-Organization")
    assert "داعش" not in tab.page.evaluate(VISIBLE)
    tab.page.check("#g-Organization")
    tab.page.select_option("#platform-filter", "")
    assert len(tab.page.evaluate(VISIBLE)) == total
    tab.check_clean()


def test_aggregated_edge_opens_its_panel(fixture_site: Path, tab: Tab) -> None:
    payload = page_data(fixture_site / "index.html")
    assert payload["agg"]
    tab.open(fixture_site / "index.html")
    point = tab.page.evaluate(
        """() => {
            const net = window.rasdNetwork;
            const e = net.body.data.edges.get('a0');
            const pos = net.getPositions([e.from, e.to]);
            const a = pos[e.from], b = pos[e.to];
            const m = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            const r = document.getElementById('network').getBoundingClientRect();
            return {x: r.left + m.x, y: r.top + m.y, title: e.title, dashes: e.dashes};
        }"""
    )
    agg = payload["agg"][0]
    assert point["dashes"]
    assert point["title"].startswith(f"{agg[2]} علاقة بين مجموعتي")
    tab.page.mouse.click(point["x"], point["y"])
    tab.page.wait_for_selector("#panel:not([hidden])")
    text = tab.page.inner_text("#panel")
    assert "علاقة مجمّعة" in text
    names = [n[0] for n in payload["nodes"]]
    assert names[agg[0]] in text and names[agg[1]] in text
    pair = agg[4][0]
    assert names[pair[0]] in text and names[pair[1]] in text
    tab.shot("overview-aggregated.png")
    tab.page.click("#panel .agg-pairs button")  # a pair's entity: its own panel
    tab.page.wait_for_function(
        "document.querySelector('#panel h2') && !document.querySelector('#panel .agg-pairs')"
    )
    tab.check_clean()


def test_seeds_overview(seeds_build: Path, tab: Tab) -> None:
    """The overview of ``rasd build seeds/``: groups apart, labels that fit, the filters."""
    tab.open(seeds_build / "index.html")
    check_labels(tab, "overview-seeds")
    payload = page_data(seeds_build / "index.html")
    assert len(payload["groups"]) >= 2
    assert sum(g[5] for g in payload["groups"]) == len(payload["nodes"])
    tab.check_clean()
