"""One page per article (``article/<article-id>.html``): text with spans, entities, claims."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rasd.export.html.analytics import radial_positions
from rasd.export.html.entity_page import claim_rows
from rasd.export.html.highlight import Span, highlight
from rasd.export.html.model import DateMention
from rasd.export.html.netdata import node
from rasd.export.html.panels import (
    REL_STYLE,
    Refs,
    Site,
    edge_candidates,
    entity_info,
    select_edges,
    vis_edges,
)
from rasd.export.html.render import (
    claims_table,
    ent_html,
    esc,
    evidence_html,
    external_link,
    fact,
    legend_js,
    network,
    page,
)
from rasd.export.html.safe import script_json, snippet
from rasd.export.html.store import ArticleDetail, ArticleMeta
from rasd.export.html.styles import CLASS_AR, GROUP_BY_KEY, GROUPS

ROOT = "../"
MAX_NODES = 80


def _spans(site: Site, art: ArticleMeta, detail: ArticleDetail) -> list[Span]:
    spans = []
    anchored: set[str] = set()
    for m in detail.mentions:
        ent = site.entities[m.entity]
        anchor = ""
        if m.entity not in anchored and 0 <= m.start < m.end <= len(detail.body):
            anchored.add(m.entity)
            anchor = f"e-{ent.file}"
        spans.append(
            Span(
                m.start,
                m.end,
                "m",
                ent.group,
                site.href(m.entity, ROOT, art.file),
                f"{ent.label} — {CLASS_AR.get(ent.cls, ent.cls)}",
                anchor,
            )
        )
    for c in site.idx.claims_by_article.get(art.iri, ()):
        spans.append(Span(c.start, c.end, "c"))
    for d in detail.dates:
        spans.append(Span(d.start, d.end, "d"))
    return spans


def article_page(site: Site, art: ArticleMeta, detail: ArticleDetail) -> str:
    """HTML of one article page."""
    ents = site.entities
    here = art.file
    counts = Counter(m.entity for m in detail.mentions)
    for e in detail.named:
        if e in ents:
            counts.setdefault(e, 0)
    by_count = sorted(counts, key=lambda e: (-counts[e], ents[e].label, e))
    ring = sorted(by_count[:MAX_NODES], key=lambda e: (ents[e].group, ents[e].label, e))
    ids = {e: i for i, e in enumerate(ring)}
    pos = radial_positions(None, [ring], step=220.0)
    nodes = [
        node(ents[e].label, ents[e].cls, 10.0 + 3.0 * min(counts[e], 10), *pos[e]) for e in ring
    ]
    info = [entity_info(site, e) for e in ring]
    claims = site.idx.claims_by_article.get(art.iri, [])
    evidence = site.idx.evidence_by_article.get(art.iri, [])
    refs = Refs(site)
    cands = edge_candidates(
        site,
        ids,
        refs,
        relations={(e.subject, e.predicate, e.object) for e in evidence},
        claims=claims,
        local=(art.iri, detail),
    )
    edges, edge_info = vis_edges(select_edges(cands, 4 * MAX_NODES), ids)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
    }
    groups: dict[str, list[dict[str, object]]] = {}
    for e in by_count:
        link = site.link(e, ROOT, here)
        if link:
            groups.setdefault(ents[e].group, []).append({**link, "count": counts[e]})
    entity_groups = [{"ar": g.ar, "members": groups[g.key]} for g in GROUPS if g.key in groups]
    relations = []
    for ev in sorted(evidence, key=lambda e: (e.start, e.end, e.predicate, e.subject, e.object)):
        s, o = site.link(ev.subject, ROOT, here), site.link(ev.object, ROOT, here)
        if s is None or o is None:
            continue
        style = REL_STYLE[ev.predicate]
        sent = detail.sentences.get(ev.sentence or "")
        snip = snippet(detail.body, sent, ev.start, ev.end)
        relations.append(
            {
                "subject": s,
                "object": o,
                "ar": style.ar,
                "en": style.en,
                "ev": {"pre": snip[0], "mark": snip[1], "post": snip[2], "href": "", "date": ""},
            }
        )
    view = {
        "headline": art.headline,
        "date": art.date,
        "publisher": site.link(art.publisher, ROOT, here) if art.publisher else None,
        "author": art.author,
        "url": art.url if art.url and art.url.startswith(("http://", "https://")) else None,
        "source_file": art.source_file,
        "iri": art.iri,
    }
    return page(
        art.headline,
        ROOT,
        "article",
        article_main(
            root=ROOT,
            data=script_json(payload),
            a=view,
            groups=[g for g in GROUPS if g.key in GROUP_BY_KEY],
            entity_groups=entity_groups,
            body=highlight(detail.body, _spans(site, art, detail)),
            claims=claim_rows(site, claims, ROOT, here),
            relations=relations,
            dates=detail.dates,
        ),
    )


def article_main(
    *,
    root: str,
    data: str,
    a: dict[str, Any],
    groups: list,
    entity_groups: list[dict[str, Any]],
    body: str,
    claims: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    dates: list[DateMention],
) -> str:
    """The main block of an article page (what a template would render from these values:
    every value escaped as Jinja's autoescaping does, :func:`export.html.render.esc`)."""
    rows = [  # each optional, one line each
        fact("تاريخ النشر", esc(a["date"]), "date") if a["date"] else "",
        fact("الناشر", ent_html(a["publisher"])) if a["publisher"] else "",
        fact("الكاتب", f"<bdi>{esc(a['author'])}</bdi>") if a["author"] else "",
        fact("الرابط", external_link(a["url"])) if a["url"] else "",
        fact("الملف", f"<bdi>{esc(a['source_file'])}</bdi>") if a["source_file"] else "",
        fact("المعرّف", f'<bdi class="note">{esc(a["iri"])}</bdi>'),
    ]
    out = [
        f'\n<h1 dir="auto">{esc(a["headline"])}</h1>\n<dl class="facts">\n  ',
        "\n  ".join(rows),
        "\n</dl>\n\n<h2>الكيانات</h2>\n",
    ]
    for g in entity_groups:
        members = "، ".join(
            f'{ent_html(e)} <span class="note">(<bdi>{esc(e["count"])}</bdi>)</span>'
            for e in g["members"]
        )
        out.append(f"\n<p><strong>{esc(g['ar'])}:</strong> {members}</p>\n")
    if not entity_groups:
        out.append('<p class="note">لا كيانات.</p>')
    swatches = "".join(f'<span class="swatch m-{esc(g.key)}"></span> {esc(g.ar)} ' for g in groups)
    out.append(
        "\n\n<h2>شبكة المقال</h2>\n"
        f'<div class="controls">{legend_js()}</div>\n'
        f"{network('شبكة المقال', 'small', data, root)}\n"
        "\n<h2>النص</h2>\n"
        f'<p class="note">{swatches}\n'
        '· <span class="c">تصريح</span> · <span class="d">تاريخ</span></p>\n'
        f'<div class="article-text" dir="rtl">{esc(body)}</div>\n'
        '\n<section class="lazy">\n<h2>التصريحات</h2>\n'
    )
    if claims:
        out.append(claims_table("claims", claims, False))
    else:
        out.append('<p class="note">لا تصريحات.</p>')
    out.append("\n\n<h2>العلاقات</h2>\n")
    if relations:
        out.append('\n<ul class="evidence">')
        for r in relations:
            out.append(
                f"\n<li><strong>{ent_html(r['subject'])} ← {esc(r['ar'])} ← "
                f'{ent_html(r["object"])}</strong> <span class="note">(<bdi>{esc(r["en"])}</bdi>)'
                f"</span>{evidence_html(r['ev'])}</li>"
            )
        out.append("\n</ul>\n")
    else:
        out.append('<p class="note">لا علاقات.</p>')
    out.append("\n\n<h2>التواريخ</h2>\n")
    if dates:
        out.append(
            "\n<table><thead><tr><th>النص</th><th>القيمة</th><th>هجري</th><th>ملاحظة</th></tr>"
            "</thead><tbody>"
        )
        for d in dates:
            inferred = " (محسوب)" if d.inferred else ""
            out.append(
                f'<tr><td dir="auto">{esc(d.original)}</td>'
                f'<td class="date">{esc(d.value or "")}</td>'
                f'<td class="date">{esc(d.hijri or "")}</td>'
                f"<td>{esc(d.qualifier or '')}{inferred}</td></tr>"
            )
        out.append("\n</tbody></table>\n")
    else:
        out.append('<p class="note">لا تواريخ.</p>')
    out.append("\n</section>\n")
    return "".join(out)
