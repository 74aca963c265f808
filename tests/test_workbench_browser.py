"""The entity page (timelines, co-mentions, expand-on-click, CSV) and the platform view in a
real headless Chromium, checked against an independent reading of the fixture graph
(``bench/site_data.py``).  Screenshots: ``tests/artifacts/entity-*.png``, ``platforms*.png``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import ARTIFACTS, DAESH, Tab, browser, data, site  # noqa: F401  (fixtures)

from rasd.export.html.styles import RELATIONS

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(browser) -> Iterator[Tab]:  # noqa: F811
    t = Tab(browser)
    yield t
    t.close()


def _page(site: Path, data, iri: str) -> Path:  # noqa: F811
    return site / "entity" / f"{data.entities[iri].file}.html"


def test_timelines_are_grouped_by_month_newest_first(site: Path, data, tab: Tab) -> None:  # noqa: F811
    tab.open(_page(site, data, DAESH))
    about = tab.page.eval_on_selector_all(
        "#timeline-about li", "els => els.map(e => e.getAttribute('data-date'))"
    )
    expected = sorted((c.date or "" for c in data.claims_about[DAESH]), reverse=True)
    assert about == expected  # every claim about Daesh, newest first
    months = tab.page.eval_on_selector_all(
        "#timeline-about h3.month", "els => els.map(e => e.firstChild.textContent.trim())"
    )
    assert months == ["مارس 2018", "أكتوبر 2017", "يناير 2017"]
    said = tab.page.inner_text("#said-by + p")
    assert said == "لا تصريحات."  # Daesh says nothing in the fixture
    tab.shot("entity-daesh.png", full_page=True)
    tab.check_clean()


def test_co_mentioned_entities_ranked_by_shared_articles(site: Path, data, tab: Tab) -> None:  # noqa: F811
    tab.open(_page(site, data, DAESH))
    shown = tab.page.eval_on_selector_all(
        "ol.ranked li",
        "els => els.map(e => [e.querySelector('bdi').textContent,"
        " Number(e.querySelector('bdi.n').textContent)])",
    )
    mine = set(data.articles_by_entity[DAESH])
    expected = {}
    for iri, arts in data.articles_by_entity.items():
        if iri != DAESH and mine & set(arts):
            expected[data.entities[iri].label] = len(mine & set(arts))
    assert len(expected) <= 20 and sorted(map(tuple, shown)) == sorted(expected.items())
    counts = [n for _label, n in shown]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    tab.check_clean()


def test_clicking_a_node_adds_its_neighbours(site: Path, data, tab: Tab) -> None:  # noqa: F811
    tab.open(_page(site, data, DAESH))
    before = set(tab.page.evaluate("window.rasdNetwork.body.data.nodes.get().map(n => n.label)"))
    # a node of the ring whose neighbours are not all drawn yet (read from its shard)
    target = tab.page.evaluate(
        """async () => {
            const d = window.rasdData;
            const shown = new Set(d.info.map(i => i.e));
            for (let i = 1; i < d.info.length; i++) {
                const r = await new Promise(res => window.rasdEntity(d.info[i].e, res));
                const fresh = (r[6] || []).filter(n => !shown.has(n[0])).map(n => n[1]);
                if (fresh.length) return {label: d.nodes[i][0], fresh: fresh};
            }
            return null;
        }"""
    )
    assert target is not None, "no ring node has neighbours outside the ego network"
    tab.click_node(target["label"])
    tab.page.wait_for_selector("#panel:not([hidden])")
    tab.page.wait_for_function("document.body.dataset.expanded === '1'")
    after = set(tab.page.evaluate("window.rasdNetwork.body.data.nodes.get().map(n => n.label)"))
    assert after - before == set(target["fresh"])
    status = tab.page.inner_text("#expand-status")
    assert f"أضيف {len(target['fresh'])}" in status
    # an added node is a real node: clicking it opens its own side panel
    tab.click_node(target["fresh"][0])
    tab.page.wait_for_function(
        "(l) => document.querySelector('#panel h2').textContent === l", arg=target["fresh"][0]
    )
    tab.page.evaluate("window.rasdNetwork.fit({animation: false})")
    tab.shot("entity-expanded.png")
    tab.check_clean()


def _csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_evidence_downloads_as_csv(site: Path, data, tab: Tab, tmp_path: Path) -> None:  # noqa: F811
    page = _page(site, data, DAESH)
    tab.open(page)
    with tab.page.expect_download() as info:
        tab.page.click("#csv-export")
    download = info.value
    assert download.suggested_filename == f"rasd-{data.entities[DAESH].file}.csv"
    target = tmp_path / "ev.csv"
    download.save_as(target)
    rows = _csv(target.read_text(encoding="utf-8"))
    assert rows[0] == ["kind", "subject", "relation", "object", "date", "article",
                       "article_file", "text"]  # fmt: skip
    announced = tab.page.inner_text("#csv-export + .note bdi")
    assert len(rows) - 1 == int(announced)
    kinds = [r[0] for r in rows[1:]]
    assert kinds.count("claim_about") == len(data.claims_about[DAESH])
    assert kinds.count("mention") == len(data.articles_by_entity[DAESH])
    about = [r for r in rows if r[0] == "claim_about"]
    assert sorted((r[4], r[7]) for r in about) == sorted(
        (c.date or "", c.text) for c in data.claims_about[DAESH]
    )
    rel = [r for r in rows if r[0] == "relation"]
    assert {(r[1], r[3]) for r in rel} == {
        (data.entities[s].label, data.entities[o].label)
        for s, _p, o in data.relations_by_entity[DAESH]
        if s in data.entities and o in data.entities
    }
    for r in rows[1:]:
        # article files relative to the site (a mention: the span that names it)
        assert r[6] == "" or (site / r[6].split("#")[0]).is_file(), r
    texts = {r[7] for r in rows}
    assert "القضاء على داعش على أرض المعركة لن يكون كافياً" in texts
    # CSV injection: a cell a spreadsheet would run as a formula starts with a quote
    cells = ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\t=1", 'قال، "نعم"', "عادي"]
    out = _csv(tab.page.evaluate("(c) => window.rasdCsv([c])", cells))
    assert out == [["'=HYPERLINK(\"x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\t=1", "قال، \"نعم\"",
                    "عادي"]]  # fmt: skip
    tab.check_clean()


def test_platform_view_counts_and_evidence(site: Path, data, tab: Tab) -> None:  # noqa: F811
    tab.open(site / "platforms.html")
    cells = tab.page.eval_on_selector_all(
        "button[data-cell]",
        "els => els.map(b => [b.getAttribute('aria-label'),"
        " Array.from(b.querySelectorAll('.kind')).map(k => [k.title,"
        " Number(k.querySelector('.n').textContent)])])",
    )
    en = {str(p): s.en for p, s in RELATIONS.items()}
    expected: dict[str, set] = {}
    for s, p, o in data.relations:
        if p not in en:
            continue
        cs, co = data.entities[s].group, data.entities[o].group
        if "Platform" not in (cs, co):
            continue
        if co == "Platform":
            actor, plat, kind = s, o, en[p]
        else:
            actor, plat, kind = o, s, f"by the platform: {en[p]}"
        key = f"أدلة: {data.entities[actor].label} — {data.entities[plat].label}"
        expected.setdefault(key, set()).add((kind, len(data.evidence.get((s, p, o), []))))
    assert {k: set(map(tuple, v)) for k, v in cells} == expected
    assert len(cells) >= 3
    tab.shot("platforms.png", full_page=True)
    # a cell opens the side panel with the kinds of link and the evidence sentences
    tab.page.click("button[data-cell='0']")
    tab.page.wait_for_selector("#panel:not([hidden])")
    facts = tab.page.eval_on_selector_all("#panel dt", "els => els.map(e => e.textContent)")
    record = json.loads(tab.page.locator("#platform-data").text_content())["cells"][0]
    assert facts == [k[0] for k in record[2]] and len(facts) >= 1
    assert tab.page.inner_text("#panel h2") == f"{record[0]} — {record[1]}"
    assert tab.page.locator("#panel ul.evidence li mark").count() >= 1
    assert tab.page.locator("#panel ul.evidence a[href^='article/']").count() >= 1
    tab.shot("platforms-panel.png")
    tab.check_clean()


def test_seeds_entity_and_platform_pages(seeds_build: Path, tab: Tab) -> None:
    """The seeds build: the platform view and the page of the most connected entity load
    clean; screenshots for a look."""
    tab.open(seeds_build / "platforms.html")
    n_cells = tab.page.locator("button[data-cell]").count()
    assert n_cells >= 3
    tab.shot("platforms-seeds.png", full_page=True)
    tab.page.click("button[data-cell='0']")
    tab.page.wait_for_selector("#panel:not([hidden]) ul.evidence li")
    tab.check_clean()
    pages = sorted((seeds_build / "entity").glob("*.html"), key=lambda p: -p.stat().st_size)
    tab.open(pages[0])
    assert tab.page.locator("ol.ranked li").count() >= 5
    assert tab.page.locator(".timeline li").count() >= 1
    tab.shot("entity-seeds.png", full_page=True)
    tab.check_clean()


def test_served_entity_named_once_gets_a_page_link(seeds_build: Path, browser) -> None:  # noqa: F811
    """Under `rasd serve`, the side panel of an entity with no static page also links to
    its page, which the server renders on demand; offline the panel does not (the other
    tests: file:// pages never ask)."""
    from test_serve import Server

    on_disk = {p.stem for p in (seeds_build / "entity").glob("*.html")}
    server = Server(seeds_build)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ar")
    outside: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(server.url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        biggest = max((seeds_build / "entity").glob("*.html"), key=lambda p: p.stat().st_size)
        page.goto(f"{server.url}entity/{biggest.name}")
        page.wait_for_function("document.body.dataset.ready === '1'")
        infos = page.evaluate("window.rasdData.info.map(i => i.e)")
        i, name = next((i, e) for i, e in enumerate(infos) if e not in on_disk)
        page.evaluate("(i) => window.rasdShowNode(i)", i)
        link = page.locator("#panel a.page-link.served")
        link.wait_for()
        assert link.get_attribute("href") == f"../entity/{name}.html"
        label = page.inner_text("#panel h2")
        link.click()
        page.wait_for_function("document.body.dataset.ready === '1'")
        assert page.url == f"{server.url}entity/{name}.html"
        assert page.inner_text("h1 bdi") == label
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "entity-served-on-demand.png"))
        assert not outside and not errors, (outside, errors)
    finally:
        context.close()
        assert server.stop()[0] == 0
