"""Entity pages rendered on demand (``rasd serve``), with the code of the static site.

The static site writes ``entity/<name>.html`` only for entities mentioned at least
``MIN_MENTIONS`` times.  :class:`EntityPages` reads the same entity-level index
(:func:`export.html.store.read_index`), computes the same network analytics and the same
snippet plan as :func:`export.html.write_site_from_store`, and renders any entity's page
with :func:`export.html.entity_page.entity_page`: for an entity that has a static page,
the result is byte-identical to the file.  The page name is derived from the IRI
(:func:`export.html.model.file_stem`), so the IRI is found by that name in the index.

Only the articles the page quotes are read (the first articles naming the entity, the
most recent evidence of its relations, the most recent claims of each pair it is in), and
their snippets are dropped after each page, so that serving many pages does not grow the
process.  One page at a time is rendered (a lock): the :class:`Site` it uses is shared.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import defaultdict

import pyoxigraph as ox

from rasd.export.html.analytics import importance, rank_nodes, undirected_weighted
from rasd.export.html.claims_page import network_claims
from rasd.export.html.entity_page import entity_page
from rasd.export.html.model import Claim
from rasd.export.html.panels import EDGE_EV, PANEL_EV, Site
from rasd.export.html.store import MIN_MENTIONS, read_article, read_index

__all__ = ["PAGE_NAME", "EntityPages"]

log = logging.getLogger(__name__)

#: An entity page's name: the first 16 hex digits of the SHA-1 of its IRI.
PAGE_NAME = re.compile(r"^[0-9a-f]{16}$")


class EntityPages:
    """Every entity page of the graph in ``store``, rendered when asked for."""

    def __init__(self, store: ox.Store, *, min_mentions: int = MIN_MENTIONS) -> None:
        from rasd.export.html import site_network  # the package imports this module's users

        t = time.process_time()
        self.store = store
        index = read_index(store, min_mentions=min_mentions)
        self.site = Site(index)
        self.g = undirected_weighted(site_network(index))
        score = importance(self.g)
        labels = {iri: e.label for iri, e in index.entities.items()}
        self.rank = {iri: i for i, iri in enumerate(rank_nodes(self.g, score, labels))}
        self.site.plan(network_claims(self.site))
        self.by_name = {e.file: iri for iri, e in index.entities.items()}
        self._lock = threading.Lock()
        self.seconds = time.process_time() - t
        log.info("entity pages: %d entities, ready in %.1f s CPU", len(self.by_name), self.seconds)

    def iri(self, name: str) -> str | None:
        """The IRI of the entity whose page is ``entity/<name>.html`` (None if none)."""
        return self.by_name.get(name) if PAGE_NAME.match(name) else None

    def quoted_articles(self, iri: str) -> list[str]:
        """The articles whose text the entity's page quotes."""
        site, idx = self.site, self.site.idx
        out = set(idx.articles_by_entity.get(iri, ())[:PANEL_EV])
        for key in idx.relations_by_entity.get(iri, ()):
            out.update(e.article for e in site.top_evidence(key) if e.article)
        claims: dict[str, Claim] = {c.iri: c for c in idx.claims_by_author.get(iri, ())}
        claims.update({c.iri: c for c in idx.claims_about.get(iri, ())})
        pairs: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in claims.values():
            for a in c.authors:
                for b in c.about:
                    pairs[(a, b)].append(c)
        for items in pairs.values():
            items.sort(key=lambda c: (c.date or "", c.iri), reverse=True)
            out.update(c.article for c in items[:EDGE_EV] if c.article)
        return sorted(a for a in out if a in site.articles)

    def render(self, name: str) -> str | None:
        """HTML of ``entity/<name>.html``, or None when no entity has that page name."""
        iri = self.iri(name)
        if iri is None:
            return None
        site = self.site
        with self._lock:
            site.firsts, site.spans = {}, {}
            for article in self.quoted_articles(iri):
                site.collect(article, read_article(self.store, article, site.entities), keep=True)
            html = entity_page(site, self.g, iri, self.rank)
            site.firsts, site.spans = {}, {}
        return html
