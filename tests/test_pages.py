"""The HTML site (export.html.write_site), checked without a browser."""

from __future__ import annotations

import html
import json
import os
import re
import threading
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import page_fixture_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]

from bench.site_data import read_site_data  # noqa: E402
from bench.synthetic_graph import synthetic_graph  # noqa: E402
from rasd.export.html import write_site, write_site_from_store  # noqa: E402
from rasd.export.html.highlight import Span, highlight  # noqa: E402
from rasd.export.html.safe import script_json  # noqa: E402
from rasd.graph.vocab import RASD, SCHEMA  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
INJECTIONS = ("<img src=x", "</script><script>")
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


fixture_graph = page_fixture_graph


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


class StrictParser(HTMLParser):
    """Fails on unbalanced tags; records resource URLs and the <html> attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.resources: list[tuple[str, str, str]] = []
        self.html_attrs: dict[str, str | None] = {}
        self.anchors: list[tuple[dict[str, str | None], str]] = []
        self._anchor: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        for attr in ("src", "href"):
            if a.get(attr) is not None and tag in {"script", "link", "img", "iframe", "source"}:
                self.resources.append((tag, attr, a[attr] or ""))
        if tag == "a":
            self._anchor, self._text = a, []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in {"circle", "rect", "polygon"}:
            self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            self.anchors.append((self._anchor, "".join(self._text)))
            self._anchor = None
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._text.append(data)


def parse(path: Path) -> StrictParser:
    p = StrictParser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert m, f"no page data in {path}"
    return json.loads(m.group(1))


def mention_counts(g: Graph) -> Counter:
    """Spans naming each entity plus articles it published (an independent rdflib count)."""
    counts: Counter = Counter(str(o) for o in g.objects(None, RASD.refersTo))
    counts.update(str(o) for o in g.objects(None, SCHEMA.publisher))
    return counts


def search_rows(site: Path, key: str = "*") -> list[list]:
    """Rows of the search index shards (``key``: one shard's name)."""
    rows = []
    for path in sorted((site / "static" / "search").glob(f"{key}.js")):
        text = path.read_text("utf-8")
        m = re.fullmatch(r'rasdSearch\("([0-9a-f]+)",(.*)\);\n', text, re.S)
        assert m and m.group(1) == path.stem, path
        rows += json.loads(m.group(2))
    return rows


def test_search_shards_hold_every_name_under_each_word(site: Path) -> None:
    from rasd.export.html.overview import normalize, word_key

    data = read_site_data(fixture_graph())
    daesh = data.entities["https://w3id.org/rasd/id/dAEc"]
    names = [daesh.label, *daesh.aliases, daesh.latin]
    keys = {word_key(w) for n in names for w in normalize(n).split(" ")}
    assert {"د", "i"} <= keys  # داعش, الدولة (after ال), ISIS
    for key in keys:
        rows = search_rows(site, f"{ord(key):x}")
        assert [r for r in rows if r[0] == daesh.label], key


def test_site_layout(site: Path) -> None:
    data = read_site_data(fixture_graph())
    assert (site / "index.html").is_file()
    assert (site / "claims.html").is_file()
    for art in data.articles.values():
        assert (site / "article" / f"{art.file}.html").is_file()
    names = sorted(p.name for p in (site / "entity").glob("*.html"))
    counts = mention_counts(fixture_graph())
    expected = sorted(f"{e.file}.html" for e in data.entities.values() if counts[e.iri] >= 2)
    assert names == expected
    assert 0 < len(names) < len(data.entities)  # the fixture has entities named once
    assert all(re.fullmatch(r"[0-9a-f]{16}\.html", n) for n in names)  # case-insensitive-safe
    for name in ("vis-network.min.js", "site.js", "site.css", "site-data.js"):
        assert (site / "static" / name).is_file()
    rows = search_rows(site)
    assert {r[0] for r in rows} == {e.label for e in data.entities.values()}  # every entity
    shards = sorted((site / "static" / "e").glob("*.js"))
    keys = {k for p in shards for k in re.findall(r'"([0-9a-f]{16})":\[', p.read_text("utf-8"))}
    assert keys == {e.file for e in data.entities.values()}  # every entity has a panel record


def test_every_page_parses_rtl_and_offline(site: Path) -> None:
    all_pages = pages(site)
    assert len(all_pages) > 10
    for path in all_pages:
        p = parse(path)
        assert not p.errors, (path, p.errors[:5])
        assert not p.stack, (path, p.stack)
        assert p.html_attrs.get("lang") == "ar" and p.html_attrs.get("dir") == "rtl", path
        assert '<meta charset="utf-8">' in path.read_text(encoding="utf-8")
        for tag, _attr, url in p.resources:
            assert not url.lower().startswith(("http://", "https://", "//")), (path, tag, url)
            target = (path.parent / url).resolve()
            assert target.is_file(), (path, url)
    for css in (site / "static").glob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8"))
        assert "@import" not in css.read_text(encoding="utf-8")


def test_injection_never_unescaped(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.is_file():
            raw = path.read_bytes().decode("utf-8")
            for bad in INJECTIONS:
                assert bad not in raw, (path, bad)
            assert 'href="javascript:' not in raw.lower(), path
    # ...but the text is there, escaped, on the article page
    data = read_site_data(fixture_graph())
    art = next(a for a in data.articles.values() if "onerror" in a.headline)
    text = (site / "article" / f"{art.file}.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text
    labels = [n[0] for n in page_data(site / "article" / f"{art.file}.html")["nodes"]]
    assert any("<img src=x onerror" in label for label in labels)  # decoded JSON: plain text


def test_script_json_escapes() -> None:
    s = str(script_json({"x": "</script><b>&\u2028\u2029 داعش"}))
    assert "<" not in s and ">" not in s and "&" not in s
    assert "\u2028" not in s and "\u2029" not in s
    assert "داعش" in s  # UTF-8, not \\uXXXX
    assert json.loads(s) == {"x": "</script><b>&\u2028\u2029 داعش"}


def test_highlight_escapes_and_nests() -> None:
    body = "قال <b>داعش</b> شيئا"
    out = str(
        highlight(
            body,
            [Span(4, 15, "m", "Organization", "e.html", 'x"<'), Span(0, 15, "c"), Span(3, 99, "m")],
        )
    )
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert 'title="x&quot;&lt;"' in out
    assert out.count('class="c"') >= 1


def test_mentions_highlight_their_surface(site: Path) -> None:
    g = fixture_graph()
    data = read_site_data(g)
    for art in data.articles.values():
        p = parse(site / "article" / f"{art.file}.html")
        marked = [text for attrs, text in p.anchors if (attrs.get("class") or "").startswith("m ")]
        surfaces = [m.surface for m in data.mentions_by_article.get(art.iri, [])]
        assert sorted(marked) == sorted(surfaces), art.headline


def test_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_site(fixture_graph(), a)
    write_site(fixture_graph(), b)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_works_from_any_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    index = write_site(fixture_graph(), Path("out"))
    assert (tmp_path / index).is_file()


def test_overview_shows_all_entities_under_cap(site: Path) -> None:
    data = read_site_data(fixture_graph())
    payload = page_data(site / "index.html")
    assert len(payload["nodes"]) == len(data.entities)
    assert len(payload["info"]) == len(data.entities)
    text = (site / "index.html").read_text(encoding="utf-8")
    assert f"<bdi>{len(data.entities)}</bdi> من <bdi>{len(data.entities)}</bdi>" in text


def test_overview_capped(tmp_path: Path) -> None:
    g = synthetic_graph(1000, 2500, n_articles=40, n_claims=60)
    data = read_site_data(g)
    assert len(data.entities) == 1000
    write_site(g, tmp_path, max_overview_nodes=400)
    payload = page_data(tmp_path / "index.html")
    assert len(payload["nodes"]) == 400
    assert len(payload["edges"]) <= 3 * 400
    assert "<bdi>400</bdi> من <bdi>1000</bdi>" in (tmp_path / "index.html").read_text("utf-8")
    counts = mention_counts(g)
    with_page = sum(1 for e in data.entities.values() if counts[e.iri] >= 2)
    assert 0 < with_page < 1000
    assert len(list((tmp_path / "entity").glob("*.html"))) == with_page
    ids = {e[0] for e in payload["edges"]} | {e[1] for e in payload["edges"]}
    assert ids <= set(range(400))


def test_claims_page_lists_every_claim(site: Path) -> None:
    data = read_site_data(fixture_graph())
    text = (site / "claims.html").read_text(encoding="utf-8")
    assert text.count("<tr data-date=") == len(data.claims)
    assert "القضاء على داعش على أرض المعركة لن يكون كافياً" in text


def test_entity_page_content(site: Path) -> None:
    data = read_site_data(fixture_graph())
    daesh = data.entities["https://w3id.org/rasd/id/dAEc"]
    text = (site / "entity" / f"{daesh.file}.html").read_text(encoding="utf-8")
    assert "تنظيم الدولة" in text and "ISIS" in text  # aliases
    assert "يستخدم منصة" in text  # usesPlatform, in Arabic
    assert "<mark>واستخدم تنظيم داعش</mark>" in text  # evidence span marked
    votel = next(e for e in data.entities.values() if e.label == "جوزف فوتل")
    vtext = (site / "entity" / f"{votel.file}.html").read_text(encoding="utf-8")
    assert "قائد القيادة الأميركية الوسطى" in vtext  # job title
    assert "ما قاله" in vtext and "لن يكون كافياً" in vtext  # the "what X said" timeline


# ---------------------------------------------------------------- the store path


def named_graph_store(g: Graph) -> ox.Store:
    """The triples of ``g`` in the archive layout: one named graph per article (what the
    article yields: its own triples and the nodes ``rasd:inArticle``/``schema:appearance``
    it), everything else in the entities graph; the default graph empty."""
    arts = {a: str(g.value(a, SCHEMA.identifier)) for a in g.subjects(RDF.type, SCHEMA.NewsArticle)}
    ds = Dataset()
    for s, p, o in g:
        home = s if s in arts else g.value(s, RASD.inArticle) or g.value(s, SCHEMA.appearance)
        name = arts.get(home, "entities")
        ds.graph(URIRef(f"https://w3id.org/rasd/graph/{name}")).add((s, p, o))
    store = ox.Store()
    store.load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_store_with_named_graphs_gives_the_same_site(site: Path, tmp_path: Path) -> None:
    store = named_graph_store(fixture_graph())
    graphs = {str(n.value) for n in store.named_graphs()}
    assert "https://w3id.org/rasd/graph/entities" in graphs and len(graphs) == 5
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    index = write_site_from_store(store, tmp_path / "s")
    assert index == tmp_path / "s" / "index.html"
    a, b = files(site), files(tmp_path / "s")
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], name


def test_store_deterministic_and_stale_files_removed(tmp_path: Path) -> None:
    out = tmp_path / "s"
    write_site_from_store(named_graph_store(fixture_graph()), out)
    first = files(out)
    (out / "entity" / "0123456789abcdef.html").write_text("stale", encoding="utf-8")
    (out / "static" / "e" / "z.js").write_text("stale", encoding="utf-8")
    write_site_from_store(named_graph_store(fixture_graph()), out)
    assert files(out) == first


def test_entities_named_once_link_to_their_span(site: Path) -> None:
    g = fixture_graph()
    data = read_site_data(g)
    counts = mention_counts(g)
    facebook = next(e for e in data.entities.values() if e.label == "فيسبوك")
    assert counts[facebook.iri] == 1
    assert not (site / "entity" / f"{facebook.file}.html").exists()
    (art,) = {m.article for m in data.mentions_by_entity[facebook.iri]}
    target = f"article/{data.articles[art].file}.html#e-{facebook.file}"
    # the search index links to the span naming it...
    rows = search_rows(site, f"{ord('ف'):x}")
    assert [r[2] for r in rows if r[0] == "فيسبوك"] == [target]
    # ...which is marked in the article, once, where the first mention starts
    page = (site / "article" / f"{data.articles[art].file}.html").read_text("utf-8")
    assert page.count(f'id="e-{facebook.file}"') == 1
    first = min(m.start for m in data.mentions_by_entity[facebook.iri])
    body = data.articles[art].body
    after = page.split(f'id="e-{facebook.file}"></span>', 1)[1]
    assert re.sub(r"<[^>]+>", "", after).startswith(body[first : first + 5])
    # every link to it on the site goes there (no link to a page that does not exist)
    for path in pages(site):
        for attrs, _ in parse(path).anchors:
            href = attrs.get("href") or ""
            assert f"entity/{facebook.file}.html" not in href, path
    # its side-panel record is in its shard, with the same link
    shard = next((site / "static" / "e").glob(f"{facebook.file[:1]}.js"))
    assert f'"{facebook.file}":["فيسبوك"' in shard.read_text("utf-8")
    assert target in shard.read_text("utf-8")


def test_min_mentions_one_gives_every_named_entity_a_page(tmp_path: Path) -> None:
    g = fixture_graph()
    data = read_site_data(g)
    counts = mention_counts(g)
    write_site(g, tmp_path, min_mentions=1)
    names = {p.stem for p in (tmp_path / "entity").glob("*.html")}
    assert names == {e.file for e in data.entities.values() if counts[e.iri] >= 1}


def test_every_page_link_resolves(site: Path) -> None:
    for path in pages(site):
        for attrs, _ in parse(path).anchors:
            href = attrs.get("href") or ""
            if not href or href.startswith(("http://", "https://")):
                continue
            file, _, frag = href.partition("#")
            target = (path.parent / file).resolve() if file else path
            assert target.is_file(), (path, href)
            if frag:
                assert f'id="{frag}"' in target.read_text("utf-8"), (path, href)


def test_workers_on_a_store_directory_give_the_same_site(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rasd.export.html as pages

    path = tmp_path / "store"
    disk = ox.Store(str(path))
    disk.extend(named_graph_store(fixture_graph()).quads_for_pattern(None, None, None, None))
    disk.flush()
    del disk
    monkeypatch.setattr(pages, "BATCH", 1)  # several batches: the forked path
    monkeypatch.setattr(pages, "WRITER_TASKS", 1)  # each writer replaced after one batch
    monkeypatch.setattr(pages, "FEW_ENTITY_PAGES", 1)  # entity pages and shards forked too
    forked = []  # the jobs' functions of each ForkedMap made
    real = pages.ForkedMap
    monkeypatch.setattr(
        pages,
        "ForkedMap",
        lambda fn, jobs, *a: forked.append({f for f, _ in jobs}) or real(fn, jobs, *a),
    )
    stats: dict[str, float] = {}
    write_site_from_store(path, tmp_path / "s", workers=2, stats=stats)
    assert stats["read_articles"] > 0 and stats["entity_pages"] > 0
    assert {pages._write_entities, pages._write_shards} in forked
    a, b = files(site), files(tmp_path / "s")
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], name
    # fewer entity pages to write than FEW_ENTITY_PAGES: they and the shards are written by
    # the builder (no writer forked for them), the same files
    monkeypatch.setattr(pages, "FEW_ENTITY_PAGES", 10**9)
    forked.clear()
    write_site_from_store(path, tmp_path / "s2", workers=2)
    assert forked == [{pages._write_articles}]
    assert files(tmp_path / "s2") == a


WORDS = st.sampled_from(["قال", "داعش", "<b>", "&", "فوتل", "إن", "\"x'", "تويتر"])


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(WORDS, min_size=1, max_size=12),
    raw=st.lists(
        st.tuples(st.integers(-3, 80), st.integers(0, 20), st.sampled_from("mcd"), st.booleans()),
        max_size=8,
    ),
)
def test_highlight_keeps_the_text_and_marks_each_anchor_once(words, raw) -> None:
    body = " ".join(words)
    spans = [
        Span(
            s, s + n, kind, "Person", f"e{i}.html" if kind == "m" else "", "t", f"a{i}" if a else ""
        )
        for i, (s, n, kind, a) in enumerate(raw)
    ]
    out = str(highlight(body, spans))
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == body  # nothing lost, nothing added
    for i, sp in enumerate(spans):
        valid = 0 <= sp.start < sp.end <= len(body)
        assert out.count(f'id="a{i}"') == (1 if valid and sp.anchor else 0)
    assert "<b>" not in out.replace("<bdi>", "")


def test_a_claim_without_a_speaker_says_so(tmp_path: Path) -> None:
    """A claim left without a speaker (rasd:speakerStatus "unresolved") is listed with
    "speaker not identified", never under somebody's name."""
    from rdflib import Literal, URIRef

    from rasd.graph.vocab import RASD, SCHEMA

    g = fixture_graph()
    claim = URIRef("https://w3id.org/rasd/claim/unresolved/0-9")
    article = next(g.subjects(None, SCHEMA.NewsArticle))
    g.add((claim, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SCHEMA.Claim))
    g.add((claim, SCHEMA.text, Literal("تصريح لا يعرف قائله", lang="ar")))
    g.add((claim, SCHEMA.appearance, article))
    g.add((claim, RASD.speakerStatus, Literal("unresolved")))
    write_site(g, tmp_path)
    html = (tmp_path / "claims.html").read_text(encoding="utf-8")
    row = html[html.index("تصريح لا يعرف قائله") - 400 : html.index("تصريح لا يعرف قائله")]
    assert "لم يُحدَّد القائل" in row


def test_an_article_read_from_its_quads_equals_the_store_answer() -> None:
    from rasd.export.html.store import read_article, read_article_quads, read_index

    store = named_graph_store(fixture_graph())
    index = read_index(store)
    assert index.articles
    for iri in index.articles:
        name = ox.NamedNode(f"https://w3id.org/rasd/graph/{iri.rsplit('/', 1)[-1]}")
        quads = list(store.quads_for_pattern(None, None, None, name))
        own = ox.Store()  # the article's cached N-Quads, as the build's page writer has them
        own.extend(quads)
        expected = read_article(own, iri, index.entities)
        assert expected.mentions and expected.body
        assert read_article_quads(quads, iri, index.entities) == expected
        assert read_article_quads(quads + quads, iri, index.entities) == expected
        # a blank node: the caller reads through a store
        blank = ox.Quad(ox.BlankNode("b1"), quads[0].predicate, quads[0].object, name)
        assert read_article_quads([blank, *quads], iri, index.entities) is None


def test_a_graph_part_read_from_its_quads_equals_the_store_part() -> None:
    from rasd.export.html.store import assemble_index, read_index, read_part_quads, read_parts

    store = named_graph_store(fixture_graph())
    index = read_index(store)
    parts = read_parts(store)
    articles = [g for g in parts if g.rsplit("/", 1)[-1] != "entities" and parts[g].articles]
    assert len(articles) == len(index.articles) > 1
    assert any(parts[g].claims for g in articles) and any(parts[g].statements for g in articles)
    mine = dict(parts)
    for g in articles:
        name = ox.NamedNode(g)
        quads = list(store.quads_for_pattern(None, None, None, name))
        part = read_part_quads(quads, g)
        assert part is not None and part.canonical() == parts[g].canonical()
        assert read_part_quads(quads + quads, g).canonical() == parts[g].canonical()
        mine[g] = part
        # a blank node, or a quad of another graph: the caller reads the store
        blank = ox.Quad(ox.BlankNode("b1"), quads[0].predicate, quads[0].object, name)
        assert read_part_quads([blank, *quads], g) is None
        other = ox.Quad(quads[0].subject, quads[0].predicate, quads[0].object, ox.NamedNode("x:g"))
        assert read_part_quads([*quads, other], g) is None
    assert assemble_index(index.entities, mine.values()) == index


def test_an_article_read_from_its_nquads_text_equals_the_parsed_quads() -> None:
    from rdflib import Literal

    from rasd.export.html.store import (
        read_article_nquads,
        read_article_quads,
        read_index,
        read_part_nquads,
        read_part_quads,
    )

    g = fixture_graph()
    article = next(g.subjects(None, SCHEMA.NewsArticle))
    # escapes in a literal (quote, backslash, newline, tab) are decoded as the parser does
    g.add((article, SCHEMA.headline, Literal('عنوان "ثان"\\ \n\tآخر', lang="ar")))
    store = named_graph_store(g)
    index = read_index(store)
    checked, escaped = 0, False
    for iri in index.articles:
        graph = f"https://w3id.org/rasd/graph/{iri.rsplit('/', 1)[-1]}"
        quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        part = read_part_nquads(data, graph)
        expected = read_part_quads(quads, graph)
        assert part is not None and part.canonical() == expected.canonical()
        assert part.articles == expected.articles and part.counts == expected.counts
        heads = [h for a in part.articles.values() for h in a.get("headline", ())]
        escaped = escaped or 'عنوان "ثان"\\ \n\tآخر' in heads
        detail = read_article_nquads(data, graph, iri, index.entities)
        assert detail == read_article_quads(quads, iri, index.entities)
        assert detail.mentions and detail.body
        checked += 1
        # what the text path does not read (a blank node, another graph) is parsed instead
        blank = ox.Quad(
            ox.BlankNode("b1"), quads[0].predicate, quads[0].object, quads[0].graph_name
        )
        other = ox.Quad(quads[0].subject, quads[0].predicate, quads[0].object, ox.NamedNode("x:g"))
        for odd in (blank, other):
            data = ox.serialize([*quads, odd], format=ox.RdfFormat.N_QUADS)
            assert read_part_nquads(data, graph) is None
            assert read_article_nquads(data, graph, iri, index.entities) == read_article_quads(
                [*quads, odd], iri, index.entities
            )
        # lines written by hand: a blank node as object, IRIs written with an escape (the
        # escaped predicate is schema:mentions, the escaped subject a mention of the article),
        # and a literal whose text looks like those (read as text: the same values)
        plain = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        g_, art = f"<{graph}>", f"<{iri}>"
        mention = next(
            q.subject.value
            for q in quads
            if q.predicate.value == "https://w3id.org/rasd/ns#refersTo"
        )
        escaped_mention = mention.replace("#", "\\u0023").replace("/mention/", "/mention\\u002F")
        for line in (
            f"{art} <x:p> _:b2 {g_} .",
            f"{art} <https://schema.org/mention\\u0073> <x:E> {g_} .",
            f"<{escaped_mention}> <x:p> <x:o> {g_} .",
            f"{art} <x:p> <x:\\u0061> {g_} .",
            f'{art} <https://schema.org/headline> "_: << \\u0061 \\U00000062"@ar {g_} .',
        ):
            data = plain + line.encode("utf-8") + b"\n"
            parsed = list(ox.parse(data, ox.RdfFormat.N_QUADS))
            expected = read_part_quads(parsed, graph)
            part = read_part_nquads(data, graph)
            assert (part is None) == (expected is None), line
            if part is not None:
                assert part.canonical() == expected.canonical(), line
                assert part.articles == expected.articles, line
            got = read_article_nquads(data, graph, iri, index.entities)
            assert got == read_article_quads(parsed, iri, index.entities), line
    assert checked == len(index.articles) > 1
    assert escaped


def _die(_arg: object) -> None:
    os._exit(3)  # a process killed mid-task (as the kernel's OOM killer would)


def test_a_dead_process_beside_the_page_writer_is_an_error_not_a_wait() -> None:
    """The forked Louvain process of the page stage dying makes ``result()`` raise at once;
    a ``multiprocessing.Pool`` would wait for it forever."""
    from concurrent.futures.process import BrokenProcessPool

    from rasd.export.html.forked import Beside

    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(Beside(_die, None, 2).result())
        except BaseException as exc:  # recorded for the assertion below
            outcome.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "result() still waiting for a dead process"
    assert len(outcome) == 1 and isinstance(outcome[0], BrokenProcessPool)
    assert Beside(len, "abc", 2).result() == 3 and Beside(len, "abc", 1).result() == 3


def _pid_of(job: int) -> tuple[int, int]:
    return job, os.getpid()


def _fail_on_three(job: int) -> int:
    if job == 3:
        raise ValueError("job three")
    return job


def _die_on_two(job: int) -> int:
    if job == 2:
        os._exit(3)
    return job


def _iterate_in_thread(it) -> list[BaseException | object]:
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(list(it))
        except BaseException as exc:  # recorded for the caller's assertions
            outcome.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "iteration still waiting"
    return outcome


def test_forked_writers_give_results_in_order_and_are_replaced_after_their_tasks() -> None:
    from rasd.export.html.forked import ForkedMap

    got = list(ForkedMap(_pid_of, range(7), workers=2, tasks_per_child=2))
    assert [job for job, _ in got] == list(range(7))
    pids = {pid for _, pid in got}
    assert os.getpid() not in pids
    assert len(pids) >= 4  # 7 jobs, each process at most 2: at least four forks
    once = list(ForkedMap(_pid_of, range(6), workers=1))
    assert len({pid for _, pid in once}) == 1  # never replaced without tasks_per_child


def test_a_forked_writer_that_raises_or_dies_is_an_error_not_a_wait() -> None:
    """A job's exception reaches the iterating thread at its turn (the results before it
    first); a writer killed mid-job (as the OOM killer would) raises BrokenProcessPool,
    where a ``multiprocessing.Pool`` would wait for its task forever."""
    from concurrent.futures.process import BrokenProcessPool

    from rasd.export.html.forked import ForkedMap

    seen: list[int] = []
    with pytest.raises(ValueError, match="job three"):
        for value in ForkedMap(_fail_on_three, range(8), workers=2, tasks_per_child=3):
            seen.append(value)
    assert seen == [0, 1, 2]
    outcome = _iterate_in_thread(ForkedMap(_die_on_two, range(6), workers=2))
    assert len(outcome) == 1 and isinstance(outcome[0], BrokenProcessPool)
    with pytest.raises(ValueError, match="at least one worker"):
        ForkedMap(abs, [1], workers=0)


def _nap(job: int) -> int:
    time.sleep(0.2)
    return job


def test_a_fork_that_fails_fails_its_job_instead_of_losing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A slot whose re-fork raises (no memory, too many open files) hands that error to the
    iterating thread at the job's turn; before the fix the job was lost and iteration waited
    for ever."""
    import rasd.export.html.forked as forked

    real, calls = forked._fork_executor, []

    def third_fails(*args):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(24, "Too many open files")
        return real(*args)

    monkeypatch.setattr(forked, "_fork_executor", third_fails)
    outcome = _iterate_in_thread(forked.ForkedMap(abs, range(8), workers=1, tasks_per_child=2))
    assert len(outcome) == 1 and isinstance(outcome[0], OSError), outcome


def test_a_closed_forked_map_stops_handing_out_jobs_and_yields_nothing() -> None:
    from rasd.export.html.forked import ForkedMap

    t = time.perf_counter()
    m = ForkedMap(_nap, range(40), workers=2)
    m.close()  # as when the builder fails before iterating: only the jobs in flight finish
    assert time.perf_counter() - t < 4  # 40 naps on 2 writers would take 4 s
    assert list(m) == []
    m = ForkedMap(_fail_on_three, range(6), workers=1)
    with pytest.raises(ValueError):
        list(m)
    assert list(m) == []  # after the failure was raised: over, not waiting
