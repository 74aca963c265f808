"""One page per entity mentioned at least twice (``entity/<sha1>.html``): ego network,
names, relations, "what X said" and "who said what about X" as timelines, the entities
named in the same articles, the articles that name it, and its evidence as CSV.

The timelines run newest first, grouped by month (a year-only date after the months of its
year; undated claims in a last group of their own): an analyst opening an entity asks first
what is being said now, the other claim lists of the site open newest first too, and the
month headings let the history read downwards.  Past :data:`MAX_ROWS` claims the newest are
shown and the page says how many there are.

``rasd serve`` renders the page of any other entity on demand with the same function
(:mod:`export.html.ondemand`)."""

from __future__ import annotations

import heapq
from typing import Any

import networkx as nx
from markupsafe import Markup, escape

from rasd.export.html.analytics import radial_positions
from rasd.export.html.model import Claim
from rasd.export.html.netdata import node
from rasd.export.html.panels import (
    PANEL_EV,
    REL_STYLE,
    Refs,
    Site,
    edge_candidates,
    entity_info,
    select_edges,
    vis_edges,
)
from rasd.export.html.render import (
    UNRESOLVED,
    ent_html,
    entities_html,
    esc,
    evidence_html,
    external_link,
    fact,
    legend_js,
    network,
    page,
)
from rasd.export.html.safe import script_json
from rasd.export.html.styles import CLAIM_ABOUT, CLASS_AR

MAX_NEIGHBOURS = 40
MAX_ROWS = 100  # claims by / about, relations
MAX_EVIDENCE = 2  # per relation on the page
MAX_ARTICLES = 50
MAX_COMENTIONED = 20
MAX_EXPAND = 8  # neighbours per entity in its side-panel record (expand-on-click)
UNDATED = "بلا تاريخ"
MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

ROOT = "../"


def claim_rows(
    site: Site, claims: list[Claim], root: str = ROOT, here: str | None = None
) -> list[dict[str, Any]]:
    """Table rows for claims, newest first (ties by IRI)."""
    rows = []
    for c in sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True):
        rows.append(
            {
                "date": c.date or "",
                "authors": [x for x in (site.link(a, root, here) for a in c.authors) if x],
                "about": [x for x in (site.link(a, root, here) for a in c.about) if x],
                "text": c.text,
                "cue": c.cue,
                "kind": {"direct": "مباشر", "reported": "منقول"}.get(c.kind, c.kind),
                "article": site.article_ref(c.article, root),
            }
        )
    return rows


def neighbours(g: nx.Graph, iri: str, rank: dict[str, int]) -> list[str]:
    """Neighbours of ``iri``, strongest tie first (then overall importance, then IRI)."""
    if iri not in g:
        return []
    adj = g[iri]
    return sorted(adj, key=lambda n: (-adj[n].get("weight", 1.0), rank.get(n, 0), n))


#: The first neighbours of an entity (:func:`neighbours`, at most :data:`MAX_NEIGHBOURS`)
#: and how many it has: all that its page, its digest and its side-panel record use.
Near = tuple[list[str], int]


def nearest(g: nx.Graph, iri: str, rank: dict[str, int]) -> Near:
    """``(neighbours(g, iri, rank)[:MAX_NEIGHBOURS], number of neighbours)``, without
    sorting every neighbour of a hub (``heapq.nsmallest`` gives what ``sorted(...)[:n]``
    gives, ties in the same order).

    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("a", "c"), ("a", "d")])
    >>> nearest(g, "a", {"d": 0, "c": 1}), nearest(g, "x", {})
    ((['b', 'd', 'c'], 3), ([], 0))
    """
    if iri not in g:
        return [], 0
    adj = g[iri]
    key = lambda n: (-adj[n].get("weight", 1.0), rank.get(n, 0), n)  # noqa: E731
    if len(adj) <= MAX_NEIGHBOURS:
        return sorted(adj, key=key), len(adj)
    return heapq.nsmallest(MAX_NEIGHBOURS, adj, key=key), len(adj)


def _relations(site: Site, iri: str) -> list[dict[str, Any]]:
    rows = []
    for s, p, o in site.idx.relations_by_entity.get(iri, ()):
        style = REL_STYLE[p]
        other = o if s == iri else s
        link = site.link(other, ROOT)
        if link is None:
            continue
        n_ev = len(site.idx.evidence.get((s, p, o), ()))
        rows.append(
            {
                "outgoing": s == iri,
                "ar": style.ar,
                "en": style.en,
                "other": link,
                "count": n_ev,
                "sort": (-n_ev, style.key, link["label"], other),
                "ev": [
                    site.evidence_item(
                        site.span(e.article, e.sentence, e.start, e.end), e.article, ROOT
                    )
                    for e in site.top_evidence((s, p, o), MAX_EVIDENCE)
                ],
            }
        )
    rows.sort(key=lambda r: r["sort"])
    for r in rows:
        del r["sort"]
    return rows


def _articles(site: Site, iri: str) -> list[dict[str, str]]:
    """The most recent articles naming the entity, linked to the span that names it; the
    first ones with the sentence around it."""
    ent = site.entities[iri]
    out = []
    for i, a in enumerate(site.idx.articles_by_entity.get(iri, ())[:MAX_ARTICLES]):
        snip = site.firsts.get((iri, a)) if i < PANEL_EV else None
        item = site.evidence_item(snip or ("", "", ""), a, ROOT)
        item["href"] += f"#e-{ent.file}"
        out.append(item)
    return out


def month_label(key: str) -> str:
    """Heading of a timeline group: ``YYYY-MM`` as an Arabic month and year.

    >>> month_label("2017-10"), month_label("2017"), month_label("")
    ('أكتوبر 2017', '2017', 'بلا تاريخ')
    """
    if not key:
        return UNDATED
    if len(key) >= 7 and key[5:7].isdigit() and 1 <= int(key[5:7]) <= 12:
        return f"{MONTHS_AR[int(key[5:7]) - 1]} {key[:4]}"
    return key[:4]


def timeline(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim rows (:func:`claim_rows`, newest first) grouped by month, newest month first;
    claims with no date in a last group of their own.  A year-only date is its own group,
    after that year's months.

    >>> [(g["key"], len(g["rows"])) for g in timeline(
    ...     [{"date": "2017-10-06"}, {"date": "2017-10-01"}, {"date": "2017"}, {"date": ""}])]
    [('2017-10', 2), ('2017', 1), ('', 1)]
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["date"][:7], []).append(r)
    keys = sorted((k for k in groups if k), key=lambda k: (k[:4], len(k) == 7, k), reverse=True)
    if "" in groups:
        keys.append("")
    return [{"key": k, "label": month_label(k), "rows": groups[k]} for k in keys]


def top_co_mentioned(site: Site, shared: dict[str, int], n: int = MAX_COMENTIONED) -> list[str]:
    """The ``n`` entities of ``shared`` (entity → articles shared with some entity) that its
    page lists: most shared articles first, then the more mentioned entity, label and IRI."""
    cands = list(shared)
    if len(cands) > n:  # only those sharing at least as many articles as the n-th
        cut = heapq.nlargest(n, shared.values())[-1]
        cands = [o for o in cands if shared[o] >= cut]
    tie = site.tie_key  # (-mentions, label, IRI) of each entity
    return sorted(cands, key=lambda o: (-shared[o], tie[o]))[:n]


def co_mentioned(
    site: Site, iri: str, shared: dict[str, int], n: int = MAX_COMENTIONED
) -> list[dict[str, Any]]:
    """The entities named in the most articles that also name ``iri`` (``shared``, from
    :meth:`Site.co_mentions`; ties: the more mentioned entity, then label and IRI), with
    the number of articles they share."""
    out = []
    for other in top_co_mentioned(site, shared, n):
        link = site.link(other, ROOT)
        if link is not None:
            out.append({**link, "n": shared[other]})
    return out


def expansion(
    site: Site, g: nx.Graph, iri: str, rank: dict[str, int], near: Near | None = None
) -> list[list]:
    """What clicking ``iri`` in an ego network adds: its :data:`MAX_EXPAND` strongest
    neighbours as ``[page name, label, class, relation key, 1 when iri is the source,
    evidence count]`` (the relation with most evidence between them, else a claim);
    ``near``: :func:`nearest` of ``iri``, when known."""
    best: dict[str, tuple[int, str, str, str]] = {}
    for s, p, o in site.idx.relations_by_entity.get(iri, ()):
        other = o if s == iri else s
        n_ev = len(site.idx.evidence.get((s, p, o), ()))
        cand = (n_ev, REL_STYLE[p].key, s, o)
        if other not in best or (-cand[0], cand[1]) < (-best[other][0], best[other][1]):
            best[other] = cand
    out = []
    if near is None:
        near = nearest(g, iri, rank)
    for other in near[0][:MAX_EXPAND]:
        ent = site.entities[other]
        if other in best:
            n_ev, key, s, _o = best[other]
            out.append([ent.file, ent.label, ent.cls, key, int(s == iri), n_ev])
        else:
            said = len(site.pair_claims.get((iri, other), ()))
            heard = len(site.pair_claims.get((other, iri), ()))
            out.append(
                [
                    ent.file,
                    ent.label,
                    ent.cls,
                    CLAIM_ABOUT.key,
                    int(said >= heard),
                    max(said, heard),
                ]
            )
    return out


def _names(links: list[dict[str, str]]) -> str:
    return "، ".join(x["label"] for x in links)


def csv_attrs(kind: str, subject: str, relation: str, obj: str) -> Markup:
    """The CSV key of an evidence item as HTML attributes (``data-kind``, ``-s``, ``-r``,
    ``-o``), escaped.

    >>> str(csv_attrs("mention", "<داعش>", "ذُكر في", ""))
    'data-kind="mention" data-s="&lt;داعش&gt;" data-r="ذُكر في" data-o=""'
    """
    return Markup(
        f'data-kind="{escape(kind)}" data-s="{escape(subject)}" data-r="{escape(relation)}"'
        f' data-o="{escape(obj)}"'
    )


def csv_keys(
    label: str,
    by: list[dict[str, Any]],
    about: list[dict[str, Any]],
    relations: list[dict[str, Any]],
) -> int:
    """Add to each claim and relation row its CSV key ``csv`` (:func:`csv_attrs`: kind,
    subject, relation, object; the date, article and quoted text are read from the page
    itself by ``entity.js``, so that the page does not carry them twice); returns the number
    of CSV rows of these items (one per claim, one per quoted sentence of a relation)."""
    n = 0
    for kind, claims in (("claim_by", by), ("claim_about", about)):
        for c in claims:
            c["csv"] = csv_attrs(kind, _names(c["authors"]), c["cue"] or "قال", _names(c["about"]))
            n += 1
    for r in relations:
        subj, obj = (label, r["other"]["label"]) if r["outgoing"] else (r["other"]["label"], label)
        r["csv"] = csv_attrs("relation", subj, f"{r['ar']} ({r['en']})", obj)
        n += max(1, len(r["ev"]))
    return n


def entity_page(
    site: Site, g: nx.Graph, iri: str, rank: dict[str, int], near: Near | None = None
) -> str:
    """HTML of one entity page (``near``: :func:`nearest` of ``iri``, when known)."""
    ent = site.entities[iri]
    shown_near, n_near = near if near is not None else nearest(g, iri, rank)
    ents = site.entities
    ring = sorted(shown_near, key=lambda n: (ents[n].group, ents[n].label, n))
    order = [iri, *ring]
    ids = {n: i for i, n in enumerate(order)}
    pos = radial_positions(iri, [ring])
    nodes = [node(ents[n].label, ents[n].cls, 28.0 if n == iri else 14.0, *pos[n]) for n in order]
    info = [entity_info(site, n) for n in order]
    claims = {c.iri: c for c in site.idx.claims_by_author.get(iri, ())}
    claims.update({c.iri: c for c in site.idx.claims_about.get(iri, ())})
    refs = Refs(site)
    cands = edge_candidates(
        site,
        ids,
        refs,
        relations=site.idx.relations_by_entity.get(iri, ()),
        claims=[claims[k] for k in sorted(claims)],
    )
    edges, edge_info = vis_edges(select_edges(cands, 3 * MAX_NEIGHBOURS), ids)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "info": info,
        "edgeInfo": edge_info,
        "arts": refs.table,
    }
    by = site.idx.claims_by_author.get(iri, [])
    about = site.idx.claims_about.get(iri, [])
    relations = _relations(site, iri)
    n_articles = len(site.idx.articles_by_entity.get(iri, ()))
    view = {
        "label": ent.label,
        "file": ent.file,
        "cls_ar": CLASS_AR.get(ent.cls, ent.cls),
        "aliases": ent.aliases,
        "latin": ent.latin,
        "job_titles": ent.job_titles,
        "start_date": ent.start_date,
        "location": site.link(ent.location, ROOT) if ent.location else None,
        "same_as": [u for u in ent.same_as if u.startswith(("http://", "https://"))],
        "iri": ent.iri,
        "n_articles": n_articles,
        "n_mentions": ent.mentions,
        "rank": rank.get(iri, len(rank)) + 1,
        "n_entities": len(site.entities),
        "degree": g.degree(iri) if iri in g else 0,
    }
    by_rows = claim_rows(site, by[:MAX_ROWS] if len(by) <= MAX_ROWS else _newest(by))
    about_rows = claim_rows(site, about[:MAX_ROWS] if len(about) <= MAX_ROWS else _newest(about))
    mentions = _articles(site, iri)
    shown_relations = relations[:MAX_ROWS]
    shared = site.co_mentions(iri)
    n_csv = csv_keys(ent.label, by_rows, about_rows, shown_relations) + len(mentions)
    return page(
        ent.label,
        ROOT,
        "entity",
        entity_main(
            root=ROOT,
            data=script_json(payload),
            e=view,
            ego_shown=len(shown_near),
            ego_total=n_near,
            relations=shown_relations,
            n_relations=len(relations),
            claims_by=timeline(by_rows),
            n_claims_by_shown=len(by_rows),
            n_claims_by=len(by),
            claims_about=timeline(about_rows),
            n_claims_about_shown=len(about_rows),
            n_claims_about=len(about),
            # named in one article: the entities named with it are that article's (linked)
            co_mentioned=co_mentioned(site, iri, shared) if n_articles > 1 else [],
            n_co_mentioned=len(shared),
            mention_csv=csv_attrs("mention", ent.label, "ذُكر في", ""),
            co_article=mentions[0] if n_articles == 1 and mentions else None,
            mentions=mentions,
            n_evidence=n_csv,
        ),
    )


def _timeline(id: str, groups: list[dict[str, Any]], show_authors: bool) -> str:
    """A timeline of claim rows grouped by month (:func:`timeline`)."""
    out = [f'<div class="timeline" id="timeline-{esc(id)}">']
    for g in groups:
        rows = g["rows"]
        out.append(
            f'\n<h3 class="month">{esc(g["label"])} <span class="note">(<bdi>{len(rows)}</bdi>)'
            '</span></h3>\n<ol class="timeline">'
        )
        for r in rows:
            date = esc(r["date"])
            out.append(f'\n<li data-date="{date}" {esc(r["csv"])}>')
            if r["date"]:
                out.append(f'<span class="date">{date}</span> ')
            if show_authors:
                out.append(f'<span class="who">{entities_html(r["authors"], UNRESOLVED)}:</span> ')
            out.append(f'<q dir="auto">{esc(r["text"])}</q>')
            if r["cue"]:
                kind = f"، {esc(r['kind'])}" if r["kind"] else ""
                out.append(f' <span class="note">({esc(r["cue"])}{kind})</span>')
            if r["about"] and not show_authors:
                out.append(f' <span class="note">عن</span> {entities_html(r["about"])}')
            a = r["article"]
            if a["href"]:
                out.append(
                    f'<div class="meta"><a href="{esc(a["href"])}" dir="auto">'
                    f"{esc(a['title'])}</a></div>"
                )
            out.append("\n</li>")
        out.append("\n</ol>")
    out.append("\n</div>")
    return "".join(out)


_NO_CLAIMS = '<p class="note">لا تصريحات.</p>'
_NO_ENTITIES = '<p class="note">لا كيانات.</p>'


def entity_main(
    *,
    root: str,
    data: str,
    e: dict[str, Any],
    ego_shown: int,
    ego_total: int,
    relations: list[dict[str, Any]],
    n_relations: int,
    claims_by: list[dict[str, Any]],
    n_claims_by_shown: int,
    n_claims_by: int,
    claims_about: list[dict[str, Any]],
    n_claims_about_shown: int,
    n_claims_about: int,
    co_mentioned: list[dict[str, Any]],
    n_co_mentioned: int,
    mention_csv: str,
    co_article: dict[str, str] | None,
    mentions: list[dict[str, str]],
    n_evidence: int,
) -> str:
    """The main block of an entity page (what a template would render from these values:
    every value escaped as Jinja's autoescaping does, :func:`export.html.render.esc`)."""
    label = esc(e["label"])
    out = [
        f'\n<h1><bdi>{label}</bdi> <span class="note">· {esc(e["cls_ar"])}</span></h1>\n'
        '<div class="controls">\n'
        f'  <button type="button" id="csv-export" data-name="rasd-{esc(e["file"])}.csv">'
        "تنزيل الأدلة (CSV)</button>\n"
        '  <span class="note">التصريحات والعلاقات والمقالات المعروضة في هذه الصفحة: '
        f"<bdi>{esc(n_evidence)}</bdi> صفًا.</span>\n"
        "</div>\n"
    ]
    if e["aliases"]:
        items = "".join(f"<li><bdi>{esc(a)}</bdi></li>" for a in e["aliases"])
        out.append(f'<p class="sub">أسماء أخرى:</p>\n<ul class="aliases">{items}</ul>')
    rows = [  # each optional, one line each (job titles and sameAs links on one line)
        fact("بالحروف اللاتينية", f"<bdi>{esc(e['latin'])}</bdi>") if e["latin"] else "",
        "".join(fact("المنصب", f"<bdi>{esc(j)}</bdi>") for j in e["job_titles"]),
        fact("التاريخ", esc(e["start_date"]), "date") if e["start_date"] else "",
        fact("المكان", ent_html(e["location"])) if e["location"] else "",
        "".join(fact("مطابق", external_link(u)) for u in e["same_as"]),
        fact("المعرّف", f'<bdi class="note">{esc(e["iri"])}</bdi>'),
        fact(
            "مقالات",
            f"<bdi>{esc(e['n_articles'])}</bdi> · عدد الإشارات: <bdi>{esc(e['n_mentions'])}</bdi>",
        ),
        fact("عدد الروابط", f"<bdi>{esc(e['degree'])}</bdi>"),
    ]
    out.append('\n<dl class="facts">\n  ' + "\n  ".join(rows) + "\n</dl>\n")
    out.append(
        "\n"
        "<h2>الشبكة المحيطة</h2>\n"
        f'<p class="note">معروض <bdi>{esc(ego_shown)}</bdi> من <bdi>{esc(ego_total)}</bdi> '
        "كيانًا مرتبطًا. انقر على عقدة لعرض أدلتها وإضافة جيرانها إلى الشبكة، أو على علاقة "
        'لعرض أدلتها. <span id="expand-status" aria-live="polite"></span></p>\n'
        f'<div class="controls">{legend_js()}</div>\n'
        f"{network('الشبكة المحيطة', 'small', data, root)}\n"
        "\n"
        '<section class="lazy">\n'
        "<h2>العلاقات</h2>\n"
    )
    if relations:
        out.append(
            f'\n<p class="note">معروض <bdi>{len(relations)}</bdi> من '
            f"<bdi>{esc(n_relations)}</bdi>.</p>\n"
            '<ul class="evidence">'
        )
        for r in relations:
            other = ent_html(r["other"])
            ar = esc(r["ar"])
            if r["outgoing"]:
                head = f"<bdi>{label}</bdi> ← {ar} ← {other}"
            else:
                head = f"{other} ← {ar} ← <bdi>{label}</bdi>"
            count = f"، أدلة: <bdi>{esc(r['count'])}</bdi>" if r["count"] else ""
            evs = "".join(map(evidence_html, r["ev"]))
            out.append(
                f"\n<li {esc(r['csv'])}><strong>{head}</strong>\n"
                f'  <span class="note">(<bdi>{esc(r["en"])}</bdi>{count})</span>{evs}\n</li>'
            )
        out.append("\n</ul>\n")
    else:
        out.append('<p class="note">لا علاقات.</p>')
    out.append(f'\n\n<h2 id="said-by">ما قاله <bdi>{label}</bdi></h2>\n')
    if claims_by:
        out.append(
            '<p class="note">خط زمني، الأحدث أولًا. معروض '
            f"<bdi>{esc(n_claims_by_shown)}</bdi> من <bdi>{esc(n_claims_by)}</bdi>.</p>\n"
            f"{_timeline('by', claims_by, False)}"
        )
    else:
        out.append(_NO_CLAIMS)
    out.append(f'\n\n<h2 id="said-about">من قال ماذا عن <bdi>{label}</bdi></h2>\n')
    if claims_about:
        out.append(
            '<p class="note">خط زمني، الأحدث أولًا. معروض '
            f"<bdi>{esc(n_claims_about_shown)}</bdi> من <bdi>{esc(n_claims_about)}</bdi>.</p>\n"
            f"{_timeline('about', claims_about, True)}"
        )
    else:
        out.append(_NO_CLAIMS)
    out.append('\n\n<h2 id="co-mentioned">كيانات تُذكر معه</h2>\n')
    if co_mentioned:
        items = "".join(
            f'<li>{ent_html(c)} <bdi class="n">{esc(c["n"])}</bdi></li>' for c in co_mentioned
        )
        out.append(
            '<p class="note">مرتبة حسب عدد المقالات المشتركة (بجانب كل اسم). معروض '
            f"<bdi>{len(co_mentioned)}</bdi> من <bdi>{esc(n_co_mentioned)}</bdi>.</p>\n"
            f'<ol class="ranked">{items}</ol>\n'
        )
    elif co_article and n_co_mentioned:
        out.append(
            '<p class="note">يُذكر في مقال واحد: الكيانات المذكورة معه '
            f"(<bdi>{esc(n_co_mentioned)}</bdi>) هي كيانات "
            f'<a href="{esc(co_article["href"])}" dir="auto">{esc(co_article["title"])}</a>.</p>\n'
        )
    else:
        out.append(_NO_ENTITIES)
    out.append("\n\n<h2>المقالات</h2>\n")
    if mentions:
        csv = esc(mention_csv)
        items = "".join(f"<li {csv}>{evidence_html(ev)}</li>" for ev in mentions)
        out.append(
            f'<p class="note">معروض <bdi>{len(mentions)}</bdi> من '
            f"<bdi>{esc(e['n_articles'])}</bdi>.</p>\n"
            f'<ul class="evidence" id="mentions">{items}</ul>\n'
        )
    else:
        out.append('<p class="note">لا مقالات.</p>')
    out.append(f'\n</section>\n<script src="{esc(root)}static/entity.js"></script>\n')
    return "".join(out)


def _newest(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.date or "", c.iri), reverse=True)[:MAX_ROWS]
