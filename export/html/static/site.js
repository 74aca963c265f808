/* rasd pages: network, side panel, search and filters.
 * Every string from the graph is put in the page with textContent (never innerHTML),
 * so article text cannot inject markup.  Works from file:// with no network access. */
(function () {
  'use strict';

  var root = document.body.getAttribute('data-root') || '';
  var onOverview = document.body.getAttribute('data-page') === 'overview';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function readJSON(id) {
    var s = document.getElementById(id);
    return s ? JSON.parse(s.textContent) : null;
  }

  /* Arabic search normalisation: no diacritics or tatweel, one alef, ya, ha. */
  function normalize(s) {
    return String(s)
      .normalize('NFC')
      .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
      .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }
  window.rasdNormalize = normalize;

  var R = window.RASD || { groups: {}, classes: {}, rels: {}, options: {}, optionsLarge: {},
    communityColors: [], shardLen: 1 };
  var data = readJSON('page-data');
  /* a page's own script (e.g. overview.js, loaded before this one) may set hooks:
     node(visNode, n, i, data), options(opts, data), network(network, nodes, edges, data),
     click(params) -> handled, keep(i) -> false hides node i, filtering() -> active */
  var hooks = window.rasdHooks || {};
  var network = null;
  var nodesDS = null;
  var visNodes = [];

  /* compact page data -> vis-network nodes and edges (styles come from site-data.js) */
  function classOf(cls) { return R.classes[cls] || [cls, cls]; }
  function groupOf(cls) { return classOf(cls)[0]; }

  function toVisNode(n, i) {
    var g = R.groups[groupOf(n[1])] || { shape: 'dot', color: '#999999' };
    var v = { id: i, label: n[0], shape: g.shape, color: g.color, size: n[2], x: n[3], y: n[4],
      title: n[1] === 'Claim' ? n[0] : n[0] + ' — ' + classOf(n[1])[1] };
    if (n.length > 5) v.value = n[5];
    if (hooks.node) hooks.node(v, n, i, data);
    return v;
  }

  function toVisEdge(e, i) {
    var r = R.rels[e[2]] || [e[2], e[2]];
    return { id: i, from: e[0], to: e[1], label: r[0], title: r[1] + ' — ' + r[0], width: e[3],
      arrows: 'to' };
  }

  /* legends that pages leave to the script (entity and article pages): one line per group */
  var SHAPE_CHAR = { dot: '●', square: '■', triangle: '▲', triangleDown: '▼', diamond: '◆',
    star: '★', hexagon: '⬢' };
  document.querySelectorAll('ul[data-legend]').forEach(function (ul) {
    Object.keys(R.groups).forEach(function (k) {
      if (k === 'Claim') return;
      var g = R.groups[k];
      var li = el('li');
      var sw = el('span', 'shape', SHAPE_CHAR[g.shape] || '●');
      sw.style.color = g.color;
      sw.setAttribute('aria-hidden', 'true');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(' ' + g.ar + ' '));
      li.appendChild(el('bdi', 'note', g.en));
      ul.appendChild(li);
    });
  });

  /* ---------- side panel ---------- */
  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');

  function snippetNode(ev) {
    var p = el('p', 'snippet');
    p.setAttribute('dir', 'auto');
    p.appendChild(document.createTextNode(ev[0] || ''));
    if (ev[1]) p.appendChild(el('mark', null, ev[1]));
    p.appendChild(document.createTextNode(ev[2] || ''));
    return p;
  }

  /* evidence: [pre, mark, post, article index, date?]; arts: [[path, title, date], ...] */
  function evidenceList(items, arts) {
    var ul = el('ul', 'evidence');
    (items || []).forEach(function (ev) {
      var li = el('li');
      li.appendChild(snippetNode(ev));
      var meta = el('div', 'meta');
      var art = ev[3] >= 0 && arts ? arts[ev[3]] : null;
      if (art) {
        var a = el('a', null, art[1] || '');
        a.setAttribute('href', root + art[0]);
        a.setAttribute('dir', 'auto');
        meta.appendChild(a);
      }
      var date = ev.length > 4 ? ev[4] : (art ? art[2] : '');
      if (date) {
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(el('bdi', 'date', date));
      }
      li.appendChild(meta);
      ul.appendChild(li);
    });
    return ul;
  }

  function openPanel(children) {
    if (!panel) return;
    while (panelBody.firstChild) panelBody.removeChild(panelBody.firstChild);
    children.forEach(function (c) { if (c) panelBody.appendChild(c); });
    panel.hidden = false;
  }

  function closePanel() { if (panel) panel.hidden = true; }
  var closeBtn = document.getElementById('panel-close');
  if (closeBtn) closeBtn.addEventListener('click', closePanel);

  /* entity side-panel records live in shared shards, static/e/<prefix>.js, loaded on use */
  var shards = {};
  var waiting = {};
  window.rasdShard = function (prefix, records, arts) {
    shards[prefix] = { records: records, arts: arts };
    (waiting[prefix] || []).forEach(function (f) { f(); });
    delete waiting[prefix];
  };

  function withEntity(key, then) {
    var prefix = key.slice(0, R.shardLen);
    var done = function () {
      var s = shards[prefix];
      var r = s.records[key];
      if (r) then(r, s.arts);
    };
    if (shards[prefix]) { done(); return; }
    if (waiting[prefix]) { waiting[prefix].push(done); return; }
    waiting[prefix] = [done];
    var s = document.createElement('script');
    s.src = root + 'static/e/' + prefix + '.js';
    document.head.appendChild(s);
  }

  /* info: {label, cls, text, aliases, facts, href, linkText, ev} */
  function showPanel(info, arts) {
    var out = [];
    var h = el('h2');
    h.appendChild(el('bdi', null, info.label));
    out.push(h);
    out.push(el('p', 'cls', info.cls));
    if (info.text) {
      var q = el('blockquote', null, info.text);
      q.setAttribute('dir', 'auto');
      out.push(q);
    }
    if (info.aliases && info.aliases.length) {
      out.push(el('h3', null, 'أسماء أخرى'));
      var ul = el('ul', 'aliases');
      info.aliases.forEach(function (a) {
        var li = el('li');
        li.appendChild(el('bdi', null, a));
        ul.appendChild(li);
      });
      out.push(ul);
    }
    if (info.facts && info.facts.length) {
      var dl = el('dl', 'facts');
      info.facts.forEach(function (f) {
        dl.appendChild(el('dt', null, f[0]));
        var dd = el('dd');
        dd.appendChild(el('bdi', null, f[1]));
        dl.appendChild(dd);
      });
      out.push(dl);
    }
    if (info.href) {
      var a = el('a', 'page-link', info.linkText || 'صفحة الكيان ←');
      a.setAttribute('href', info.href);
      out.push(a);
    }
    if (info.ev && info.ev.length) {
      out.push(el('h3', null, 'الأدلة'));
      out.push(evidenceList(info.ev, arts));
    }
    openPanel(out);
  }

  function showNodePanel(info) {
    if (!info) return;
    if (!info.e) {  /* a claim node: its record is in the page */
      var art = info.art >= 0 ? data.arts[info.art] : null;
      showPanel({ label: info.label, cls: info.cls, text: info.text, facts: info.facts,
        href: art ? root + art[0] : '', linkText: 'صفحة المقال ←', ev: info.ev }, data.arts);
      return;
    }
    withEntity(info.e, function (r, arts) {
      /* r: [label, class, aliases, facts, path, evidence] */
      var onPage = r[4].indexOf('article/') === 0;
      showPanel({ label: r[0], cls: r[1], aliases: r[2], facts: r[3],
        href: r[4] ? root + r[4] : '',
        linkText: onPage ? 'موضع ذكره في المقال ←' : 'صفحة الكيان ←', ev: r[5] }, arts);
      /* served by `rasd serve`, an entity named once has a page too (rendered on demand) */
      var url = root + 'entity/' + info.e + '.html';
      if (r[4].indexOf('entity/') !== 0 && /^https?:$/.test(location.protocol) && window.fetch) {
        fetch(url, { method: 'HEAD' }).then(function (res) {
          var h = panelBody.querySelector('h2');
          if (!res.ok || panel.hidden || !h || h.textContent !== r[0]) return;
          var a = el('a', 'page-link served', 'صفحة الكيان ←');
          a.setAttribute('href', url);
          var after = panelBody.querySelector('a.page-link') || panelBody.querySelector('p.cls');
          after.parentNode.insertBefore(a, after.nextSibling);
        }).catch(function () {});
      }
    });
  }

  function showEdgePanel(i) {
    var e = data.edges[i];
    var r = R.rels[e[2]] || [e[2], e[2]];
    var info = data.edgeInfo[i];
    var out = [];
    var h = el('h2');
    h.appendChild(el('bdi', null, data.nodes[e[0]][0]));
    h.appendChild(document.createTextNode(' ← ' + r[0] + ' ← '));
    h.appendChild(el('bdi', null, data.nodes[e[1]][0]));
    out.push(h);
    var en = el('p', 'cls');
    en.appendChild(el('bdi', null, r[1]));
    if (info[0]) en.appendChild(document.createTextNode(' · أدلة: ' + info[0]));
    out.push(en);
    if (info[1] && info[1].length) {
      out.push(el('h3', null, 'الأدلة'));
      out.push(evidenceList(info[1], data.arts));
    }
    openPanel(out);
  }
  window.rasdShowNode = function (id) { showNodePanel(data.info[id]); };
  /* for entity.js and platforms.js */
  window.rasdData = data;
  window.rasdEntity = withEntity;
  window.rasdShowPanel = showPanel;

  /* ---------- network ---------- */
  function initNetwork() {
    var container = document.getElementById('network');
    if (!data || !data.nodes || !container || typeof vis === 'undefined') return;
    visNodes = data.nodes.map(toVisNode);
    nodesDS = new vis.DataSet(visNodes);
    var edgesDS = new vis.DataSet(data.edges.map(toVisEdge));
    var opts = data.large ? R.optionsLarge : R.options;
    if (hooks.options) opts = hooks.options(opts, data);
    network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, opts);
    window.rasdNetwork = network;
    if (hooks.network) hooks.network(network, nodesDS, edgesDS, data);
    network.once('afterDrawing', function () {
      window.rasdReady = performance.now();
      document.body.setAttribute('data-ready', '1');
    });
    network.on('click', function (params) {
      if (hooks.click && hooks.click(params)) return;
      if (params.nodes.length) {
        showNodePanel(data.info[params.nodes[0]]);
      } else if (params.edges.length) {
        showEdgePanel(params.edges[0]);
      }
    });
  }

  /* ---------- filters: class, time, communities ---------- */
  var groupsOn = {};
  document.querySelectorAll('input[data-group]').forEach(function (box) {
    groupsOn[box.getAttribute('data-group')] = box.checked;
    box.addEventListener('change', function () {
      groupsOn[box.getAttribute('data-group')] = box.checked;
      applyFilters();
    });
  });
  var fromInput = document.getElementById('date-from');
  var toInput = document.getElementById('date-to');

  function dateBounds(d) {
    if (d.length === 4) return [d + '-00-00', d + '-99-99'];
    if (d.length === 7) return [d + '-00', d + '-99'];
    return [d, d];
  }

  function inRange(dates, from, to) {
    if (!from && !to) return true;
    if (!dates || !dates.length) return false;
    for (var i = 0; i < dates.length; i++) {
      var b = dateBounds(dates[i]);
      if ((!from || b[1] >= from) && (!to || b[0] <= to)) return true;
    }
    return false;
  }

  function applyFilters() {
    var from = fromInput ? fromInput.value : '';
    var to = toInput ? toInput.value : '';
    var shown = 0;
    if (nodesDS) {
      var updates = data.info.map(function (info, i) {
        var vis = (groupsOn[groupOf(data.nodes[i][1])] !== false) && inRange(info.d, from, to) &&
          (!hooks.keep || hooks.keep(i));
        if (vis) shown++;
        return { id: i, hidden: !vis };
      });
      nodesDS.update(updates);
      var status = document.getElementById('filter-status');
      if (status) status.textContent = (from || to || (hooks.filtering && hooks.filtering()) ||
        Object.keys(groupsOn).some(function (k) { return !groupsOn[k]; }))
        ? 'بعد التصفية: ' + shown : '';
    }
    document.querySelectorAll('tr[data-date]').forEach(function (row) {
      var d = row.getAttribute('data-date');
      row.hidden = !inRange(d ? [d] : [], from, to);
    });
  }
  window.rasdApplyFilters = applyFilters;
  [fromInput, toInput].forEach(function (inp) {
    if (inp) inp.addEventListener('change', applyFilters);
  });
  var resetBtn = document.getElementById('date-reset');
  if (resetBtn) resetBtn.addEventListener('click', function () {
    if (fromInput) fromInput.value = '';
    if (toInput) toInput.value = '';
    applyFilters();
  });

  var commBox = document.getElementById('community');
  if (commBox) commBox.addEventListener('change', function () {
    if (!nodesDS) return;
    var colors = R.communityColors;
    nodesDS.update(visNodes.map(function (n, i) {
      var k = data.info[i].k || 0;
      return { id: n.id, color: commBox.checked ? colors[k % colors.length] : n.color };
    }));
    document.body.classList.toggle('by-community', commBox.checked);
  });

  /* ---------- sortable claims tables (below the network: wired once parsed) ---------- */
  function wireSortButtons() {
  document.querySelectorAll('button[data-sort]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var table = document.getElementById(btn.getAttribute('data-table'));
      if (!table) return;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var dir = btn.getAttribute('data-sort') === 'asc' ? 1 : -1;
      rows.sort(function (a, b) {
        var da = a.getAttribute('data-date') || '';
        var db = b.getAttribute('data-date') || '';
        if (da !== db) return da < db ? -dir : dir;
        return Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wireSortButtons);
  } else {
    wireSortButtons();
  }

  /* ---------- search: the index shard of the query's first word, loaded on use ---------- */
  var search = document.getElementById('search');
  var results = document.getElementById('search-results');
  var index = null;
  var searchShards = {};
  var searchWaiting = {};

  /* the shard of a normalised word: its first letter, after al- in words of 4+ letters
     (export/html/overview.py word_key) */
  function wordKey(w) {
    if (w.indexOf('\u0627\u0644') === 0 && Array.from(w).length > 3) w = w.slice(2);
    var c = Array.from(w)[0];
    return c ? c.codePointAt(0).toString(16) : '';
  }

  window.rasdSearch = function (key, rows) {
    searchShards[key] = rows.map(function (row) {
      return { row: row, keys: [row[0]].concat(row[1]).map(normalize) };
    });
    (searchWaiting[key] || []).forEach(function (f) { f(); });
    delete searchWaiting[key];
  };

  function loadIndex(then) {
    var key = wordKey(normalize(search.value).split(' ')[0] || '');
    var done = function () {
      if (wordKey(normalize(search.value).split(' ')[0] || '') !== key) return;  /* typed on */
      index = searchShards[key] || [];
      then();
    };
    if (!key || searchShards[key]) { done(); return; }
    if (searchWaiting[key]) { searchWaiting[key].push(done); return; }
    searchWaiting[key] = [done];
    var s = document.createElement('script');
    s.src = root + 'static/search/' + key + '.js';
    s.onerror = function () { window.rasdSearch(key, []); };
    document.head.appendChild(s);
  }

  function runSearch() {
    var q = normalize(search.value);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!q) { results.hidden = true; return; }
    var exact = [];
    var partial = [];
    index.forEach(function (item) {
      var hit = 0;
      item.keys.forEach(function (k) {
        if (k === q) hit = Math.max(hit, 2);
        else if (k.indexOf(q) >= 0) hit = Math.max(hit, 1);
      });
      if (hit === 2) exact.push(item.row);
      else if (hit === 1) partial.push(item.row);
    });
    var found = exact.concat(partial).slice(0, 30);
    found.forEach(function (row) {
      var li = el('li');
      var a = el('a');
      a.appendChild(el('bdi', null, row[0]));
      a.appendChild(el('span', 'cls', ' · ' + classOf(row[3])[1]));
      if (row[2]) a.setAttribute('href', root + row[2]);
      li.appendChild(a);
      if (onOverview && network && row[4] >= 0) {
        var b = el('button', 'focus', 'في الشبكة');
        b.type = 'button';
        b.addEventListener('click', function () { focusNode(row[4]); });
        li.appendChild(b);
      }
      results.appendChild(li);
    });
    if (!found.length) results.appendChild(el('li', 'none', 'لا نتائج'));
    results.hidden = false;
    if (onOverview && network && found.length && found[0][4] >= 0) {
      network.selectNodes([found[0][4]]);
    }
  }

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNodePanel(data.info[id]);
  }

  if (search) {
    search.addEventListener('input', function () { loadIndex(runSearch); });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        var first = results.querySelector('button.focus') || results.querySelector('a');
        if (first) first.click();
      }
    });
  }

  initNetwork();
  if (!network) {
    window.rasdReady = performance.now();
    document.body.setAttribute('data-ready', '1');
  }
})();
