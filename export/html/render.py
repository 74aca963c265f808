"""Jinja environment (templates are package data next to this module) and file writing."""

from __future__ import annotations

import shutil
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VIS_VERSION = "vis-9.1.2"


def ent(e: dict[str, str]) -> Markup:
    """An entity link (``label``, ``href``; plain text when ``href`` is empty), escaped.

    A Python function rather than a Jinja macro: pages call it tens of thousands of times.

    >>> str(ent({"label": "<داعش>", "href": "a.html"}))
    '<a href="a.html"><bdi>&lt;داعش&gt;</bdi></a>'
    """
    if e["href"]:
        return Markup(f'<a href="{escape(e["href"])}"><bdi>{escape(e["label"])}</bdi></a>')
    return Markup(f"<bdi>{escape(e['label'])}</bdi>")


def evidence(ev: dict[str, str]) -> Markup:
    """An evidence snippet (``pre``/``mark``/``post``) and its article link and date."""
    out = []
    if ev["pre"] or ev["mark"] or ev["post"]:
        mark = f"<mark>{escape(ev['mark'])}</mark>" if ev["mark"] else ""
        text = f"{escape(ev['pre'])}{mark}{escape(ev['post'])}"
        out.append(f'<p class="snippet" dir="auto">{text}</p>')
    if ev.get("href") or ev.get("date"):
        link = (
            f'<a href="{escape(ev["href"])}" dir="auto">{escape(ev["title"])}</a>'
            if ev.get("href")
            else ""
        )
        date = f' · <bdi class="date">{escape(ev["date"])}</bdi>' if ev.get("date") else ""
        out.append(f'<div class="meta">{link}{date}</div>')
    return Markup("\n".join(out))


@cache
def environment() -> Environment:
    """The Jinja environment: autoescaping on for every template; ``ent`` and ``evidence``
    are global functions."""
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
    env.globals.update(ent=ent, evidence=evidence)
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
