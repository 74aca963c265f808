"""Entity page timelines, the platform view and on-demand entity pages, without a browser
(the browser side is tests/test_workbench_browser.py)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from conftest import page_fixture_graph
from hypothesis import given
from hypothesis import strategies as st

from bench.site_data import read_site_data
from rasd.export.html.entity_page import UNDATED, month_label, timeline
from rasd.export.html.ondemand import EntityPages
from rasd.export.html.panels import Site
from rasd.export.html.store import read_index, store_from_graph

# the module (the package's name `platforms_page` is its function)
pp = importlib.import_module("rasd.export.html.platforms_page")

dates = st.one_of(
    st.just(""),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.integers(1900, 2100).map(str),
)


@given(st.lists(dates, max_size=40))
def test_timeline_groups_every_claim_once_newest_month_first(ds: list[str]) -> None:
    rows = [{"date": d, "i": i} for i, d in enumerate(sorted(ds, reverse=True))]
    groups = timeline(rows)
    assert sorted(r["i"] for g in groups for r in g["rows"]) == list(range(len(rows)))
    keys = [g["key"] for g in groups]
    assert len(keys) == len(set(keys))
    for g in groups:
        assert all(r["date"][:7] == g["key"] for r in g["rows"])
        assert g["label"] == month_label(g["key"])
    if "" in keys:  # undated claims come last, in a group of their own
        assert keys[-1] == "" and groups[-1]["label"] == UNDATED
    dated = [k for k in keys if k]
    # newest first; a year-only date after the months of its year
    assert dated == sorted(dated, key=lambda k: (k[:4], len(k) == 7, k), reverse=True)


@pytest.fixture(scope="module")
def site() -> Site:
    return Site(read_index(store_from_graph(page_fixture_graph())))


def test_platform_links_are_every_relation_with_a_platform(site: Site) -> None:
    data = read_site_data(page_fixture_graph())
    m = pp.platform_links(site)
    expected = set()
    for s, _p, o in data.relations:
        groups = (data.entities[s].group, data.entities[o].group)
        if "Platform" in groups:
            expected.add((s, o) if groups[1] == "Platform" else (o, s))
    assert set(m.cells) == expected and expected
    for (actor, plat), links in m.cells.items():
        assert site.entities[plat].group == "Platform"
        for x in links:
            assert x.triple[0 if x.outgoing else 2] == actor
            assert x.count == len(data.evidence.get(x.triple, []))


def test_websites_and_accounts_are_columns_of_the_platform_view() -> None:
    """Extracted from real sentences: a ministry's website, a handle on Twitter and a page;
    each is a column, with the actor operating it (or the account's own platform) in a cell."""
    from rasd.extract.pipeline import extract_article
    from rasd.extract.reader import parse_record
    from rasd.extract.resolve import resolve
    from rasd.graph.build import build_dataset, merged_graph

    texts = (
        "وجاء في البيان المنشور على الموقع الرسمي لوزارة الداخلية أن الحادث وقع فجر أمس.",
        "ونشرت وزارة الداخلية قائمة بالمعرفات ومنها المعرف ( جنون الاستشهاد) على تويتر.",
    )
    exs = [extract_article(parse_record({"content": t}, f"t{i}")) for i, t in enumerate(texts)]
    site = Site(read_index(store_from_graph(merged_graph(build_dataset(exs, resolve(exs))))))
    m = pp.platform_links(site)
    by_label = {
        (site.entities[a].label, site.entities[p].label): [
            x.predicate.rsplit("#", 1)[-1] for x in links
        ]
        for (a, p), links in m.cells.items()
    }
    assert "operates" in by_label[("وزارة الداخلية", "الموقع الرسمي لوزارة الداخلية")]
    assert "onPlatform" in by_label[("جنون الاستشهاد", "تويتر")]
    html = pp.platforms_page(site)
    assert "الموقع الرسمي لوزارة الداخلية" in html and "· موقع إلكتروني" in html


def test_platform_view_is_bounded(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    full = pp.platforms_page(site)
    assert full.count("data-cell=") == len(pp.platform_links(site).cells)
    monkeypatch.setattr(pp, "MAX_PLATFORMS", 1)
    monkeypatch.setattr(pp, "MAX_ACTORS", 1)
    small = pp.platforms_page(site)
    assert small.count('<th scope="col">') == 2  # the actor column and one platform
    assert small.count('<th scope="row">') == 1
    assert "معروض <bdi>1</bdi> من <bdi>3</bdi> منصة" in small
    assert small == pp.platforms_page(site)  # deterministic


def test_on_demand_pages_equal_the_static_ones(fixture_site: Path) -> None:
    pages = EntityPages(store_from_graph(page_fixture_graph()))
    on_disk = sorted((fixture_site / "entity").glob("*.html"))
    assert on_disk
    for path in on_disk:
        assert pages.render(path.stem) == path.read_text(encoding="utf-8"), path.name
    others = [n for n in pages.by_name if not (fixture_site / "entity" / f"{n}.html").exists()]
    assert others
    for name in others:
        html = pages.render(name)
        assert html is not None and 'dir="rtl"' in html
        assert "<script>alert(1)" not in html  # the injection fixture stays inert
    assert pages.render("0" * 16) is None and pages.render("../../etc/passwd") is None


def test_co_mentioned_of_an_entity_named_in_one_article_is_that_article(
    fixture_site: Path,
) -> None:
    data = read_site_data(page_fixture_graph())
    pages = {p.stem for p in (fixture_site / "entity").glob("*.html")}
    single = [e for i, e in data.entities.items() if e.file in pages and
              len(data.articles_by_entity.get(i, [])) == 1]  # fmt: skip
    many = [e for i, e in data.entities.items() if e.file in pages and
            len(data.articles_by_entity.get(i, [])) > 1]  # fmt: skip
    assert single and many
    for e in single:
        html = (fixture_site / "entity" / f"{e.file}.html").read_text(encoding="utf-8")
        art = data.articles[data.articles_by_entity[e.iri][0]]
        assert '<ol class="ranked">' not in html
        assert f'هي كيانات <a href="../article/{art.file}.html#e-{e.file}"' in html
    for e in many:
        html = (fixture_site / "entity" / f"{e.file}.html").read_text(encoding="utf-8")
        assert '<ol class="ranked">' in html
