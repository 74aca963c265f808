"""Jinja environment (templates are package data next to this module) and file writing."""

from __future__ import annotations

import shutil
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

try:  # markupsafe's own escaping of a str (C), without building a Markup per value
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its speedups

    def _escape_inner(s: str) -> str:
        return str(escape(s))


HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VIS_VERSION = "vis-9.1.2"


def esc(value: Any) -> str:
    """``value`` as Jinja's autoescaping writes it (``markupsafe.escape``): markup as it is,
    any other value as its ``str`` with ``& < > ' "`` escaped.  The hand-written pages
    (:func:`page`) escape each value with this, once, where Jinja built a ``Markup`` per
    use.

    >>> esc('<a href="x">'), esc(3), esc(None), str(esc(Markup("<b>")))
    ('&lt;a href=&#34;x&#34;&gt;', '3', 'None', '<b>')
    """
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


def ent_html(e: dict[str, str]) -> str:
    """:func:`ent` as a plain string (for the hand-written pages)."""
    if e["href"]:
        return f'<a href="{_escape_inner(e["href"])}"><bdi>{_escape_inner(e["label"])}</bdi></a>'
    return f"<bdi>{_escape_inner(e['label'])}</bdi>"


def ent(e: dict[str, str]) -> Markup:
    """An entity link (``label``, ``href``; plain text when ``href`` is empty), escaped.

    A Python function rather than a Jinja macro: pages call it tens of thousands of times.

    >>> str(ent({"label": "<داعش>", "href": "a.html"}))
    '<a href="a.html"><bdi>&lt;داعش&gt;</bdi></a>'
    """
    return Markup(ent_html(e))


def evidence_html(ev: dict[str, str]) -> str:
    """An evidence snippet (``pre``/``mark``/``post``) and its article link and date."""
    out = []
    if ev["pre"] or ev["mark"] or ev["post"]:
        mark = f"<mark>{esc(ev['mark'])}</mark>" if ev["mark"] else ""
        text = f"{esc(ev['pre'])}{mark}{esc(ev['post'])}"
        out.append(f'<p class="snippet" dir="auto">{text}</p>')
    if ev.get("href") or ev.get("date"):
        link = (
            f'<a href="{esc(ev["href"])}" dir="auto">{esc(ev["title"])}</a>'
            if ev.get("href")
            else ""
        )
        date = f' · <bdi class="date">{esc(ev["date"])}</bdi>' if ev.get("date") else ""
        out.append(f'<div class="meta">{link}{date}</div>')
    return "\n".join(out)


def fact(label: str, value: str, cls: str = "") -> str:
    """One row of a page's facts list (``<dl class="facts">``, the article and entity pages):
    ``label`` the term, ``value`` its description as HTML (escaped by the caller), ``cls`` the
    description's class.

    >>> fact("التاريخ", "2015-07-21", "date")
    '<dt>التاريخ</dt><dd class="date">2015-07-21</dd>'
    """
    c = f' class="{cls}"' if cls else ""
    return f"<dt>{label}</dt><dd{c}>{value}</dd>"


def external_link(url: str) -> str:
    """A link to a page outside the site (an article's URL, an entity's ``sameAs``), escaped,
    shown as its address.

    >>> external_link("https://x.org/?a=1&b=2")
    '<a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer"><bdi>https://x.org/?a=1&amp;b=2</bdi></a>'
    """
    u = esc(url)
    return f'<a href="{u}" rel="noopener noreferrer"><bdi>{u}</bdi></a>'


def legend_js() -> Markup:
    """The legend's list, filled by ``site.js`` from the page's network."""
    return Markup(_LEGEND_JS)


_LEGEND_JS = '<ul class="legend" data-legend aria-label="مفتاح الألوان"></ul>'


def network(label: str, cls: str, data: Markup, root: str) -> Markup:
    """A network's container, its data (:func:`export.html.safe.script_json`) and the
    scripts that draw it (the network is drawn as soon as its container is parsed; the rest
    of the page follows)."""
    css = f' class="{esc(cls)}"' if cls else ""
    r = esc(root)
    return Markup(
        f'<div id="network"{css} role="img" aria-label="{esc(label)}"></div>\n'
        f'<script id="page-data" type="application/json">{esc(data)}</script>\n'
        f'<script src="{r}static/site-data.js"></script>\n'
        f'<script src="{r}static/vis-network.min.js"></script>\n'
        f'<script src="{r}static/site.js"></script>'
    )


def entities_html(links: list[dict[str, str]], none: str = "") -> str:
    """Entity links (:func:`ent_html`) separated by «، » (``none`` when there are none)."""
    return "، ".join(map(ent_html, links)) if links else none


UNRESOLVED = '<span class="note unresolved">لم يُحدَّد القائل</span>'


def claims_table(id: str, rows: list[dict[str, Any]], show_article: bool = True) -> Markup:
    """A sortable table of claim rows (:func:`export.html.entity_page.claim_rows`)."""
    i = esc(id)
    out = [
        '<div class="controls">\n'
        "  <span>ترتيب حسب التاريخ:</span>\n"
        f'  <button type="button" data-sort="desc" data-table="{i}">الأحدث أولًا</button>\n'
        f'  <button type="button" data-sort="asc" data-table="{i}">الأقدم أولًا</button>\n'
        "</div>\n"
        f'<table id="{i}">\n'
        "<thead><tr><th>التاريخ</th><th>القائل</th><th>التصريح</th><th>عن</th>"
        + ("<th>المقال</th>" if show_article else "")
        + "</tr></thead>\n<tbody>"
    ]
    for n, r in enumerate(rows):
        date = esc(r["date"])
        cue = ""
        if r["cue"]:
            kind = f"، {esc(r['kind'])}" if r["kind"] else ""
            cue = f' <span class="note">({esc(r["cue"])}{kind})</span>'
        article = ""
        if show_article:
            a = r["article"]
            link = (
                f'<a href="{esc(a["href"])}" dir="auto">{esc(a["title"])}</a>' if a["href"] else ""
            )
            article = f"<td>{link}</td>"
        out.append(
            f'\n<tr data-date="{date}" data-i="{n}">\n'
            f'  <td class="date">{date}</td>\n'
            f"  <td>{entities_html(r['authors'], UNRESOLVED)}</td>\n"
            f'  <td><q dir="auto">{esc(r["text"])}</q>{cue}</td>\n'
            f"  <td>{entities_html(r['about'])}</td>\n"
            f"  {article}\n</tr>"
        )
    out.append("\n</tbody>\n</table>")
    return Markup("".join(out))


@cache
def shell(root: str, page: str) -> tuple[str, str, str]:
    """``base.html`` for pages of kind ``page`` at ``root``, cut where the title and the
    main block go (rendered once a process: page writers inherit it when it was rendered
    before they were forked)."""
    child = '{% extends "base.html" %}{% block main %}{{ main }}{% endblock %}'
    text = (
        environment()
        .from_string(child)
        .render(title=Markup("\0title\0"), root=root, page=page, main=Markup("\0main\0"))
    )
    head, rest = text.split("\0title\0")
    middle, tail = rest.split("\0main\0")
    return head, middle, tail


def page(title: str, root: str, kind: str, main: str) -> str:
    """A page: ``base.html`` (its title ``title``, escaped; ``root`` and ``kind`` as its
    ``root`` and ``page``) around the HTML ``main`` of its main block, as a template
    extending ``base.html`` renders it.  For the pages written thousands of times (article
    and entity pages), whose main block is written in Python: Jinja's rendering was a
    quarter of the page stage."""
    head, middle, tail = shell(root, kind)
    return f"{head}{esc(title)}{middle}{main}{tail}"


@cache
def environment() -> Environment:
    """The Jinja environment: autoescaping on for every template; ``ent``, ``network`` and
    ``claims_table`` are global functions (the templates' share of what the article and
    entity pages call from Python)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
        # a plain dict of compiled templates, not an LRU cache behind a lock: page writers
        # are forked while this process renders, and a lock held at the fork would be held
        # for ever in the writer (the templates are few and compiled before the fork)
        cache_size=-1,
        # the templates are package data, not edited while pages are written: no check of
        # their files' modification times at each get_template (three a page, ~19k stat
        # calls at 2k articles, ~1 % of the page stage's CPU)
        auto_reload=False,
    )
    env.globals.update(ent=ent, network=network, claims_table=claims_table)
    return env


def render(template: str, **context: Any) -> str:
    """Render one template to a string."""
    return environment().get_template(template).render(**context)


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` as UTF-8 with ``\\n`` line ends (creating parent folders), unless the
    file already holds exactly these bytes: its modification time then says when it last
    changed (an incremental build rewrites only what changed).  True if written."""
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:  # not there yet
        pass
    with _open_for_writing(path) as f:
        f.write(data)
    return True


def _open_for_writing(path: Path) -> BinaryIO:
    """``path`` opened for writing, its folder made first when it is not there (and only
    then: a site's thousands of pages share a few folders)."""
    try:
        return open(path, "wb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb")


def copy_static(out_dir: Path) -> Path:
    """Copy vis-network's script (from the installed pyvis package) and the site's CSS/JS to
    ``out_dir/static``; returns that folder.  vis-network's CSS (220 kB, mostly icons for
    its editor) is not needed: ``site.css`` styles the tooltip."""
    static = out_dir / "static"
    static.mkdir(parents=True, exist_ok=True)
    vis = resources.files("pyvis") / "lib" / VIS_VERSION
    with resources.as_file(vis / "vis-network.min.js") as src:
        _copy_if_changed(Path(src), static / "vis-network.min.js")
    for name in ("site.js", "site.css", "overview.js", "entity.js", "platforms.js"):
        _copy_if_changed(STATIC / name, static / name)
    return static


def _copy_if_changed(src: Path, dst: Path) -> None:
    same_size = dst.exists() and dst.stat().st_size == src.stat().st_size
    if same_size and dst.read_bytes() == src.read_bytes():
        return
    shutil.copyfile(src, dst)
