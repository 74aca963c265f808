/* rasd entity page: expand the ego network on click, and the evidence list as CSV.
 * Loaded after site.js (which draws the network and exposes rasdData, rasdEntity).
 * Strings from the graph go into the page as text only.  Works from file://. */
(function () {
  'use strict';

  /* ---------- CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read Arabic) ---------- */

  /* A cell that a spreadsheet would read as a formula (= + - @, or a tab or CR that some
     programs skip before one) gets a leading apostrophe: CSV injection stays text. */
  function csvCell(value) {
    var s = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    if (/[",\r\n]/.test(s) || s !== s.trim()) s = '"' + s.replace(/"/g, '""') + '"';
    return s;
  }

  function toCsv(rows) {
    return '\ufeff' + rows.map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') +
      '\r\n';
  }
  window.rasdCsv = toCsv;

  var HEADER = ['kind', 'subject', 'relation', 'object', 'date', 'article', 'article_file',
    'text'];
  var siteRoot = document.body.getAttribute('data-root') || '';

  function sitePath(a) {
    var h = a ? a.getAttribute('href') || '' : '';
    return h.indexOf(siteRoot) === 0 ? h.slice(siteRoot.length) : h;
  }

  /* The page's evidence rows, read from the page itself: each claim, relation and article
     item carries its kind, subject, relation and object (data-kind, -s, -r, -o); the date,
     article and quoted text are the ones shown. */
  function evidenceRows() {
    var rows = [HEADER];
    document.querySelectorAll('li[data-kind]').forEach(function (li) {
      var k = [li.getAttribute('data-kind'), li.getAttribute('data-s'),
        li.getAttribute('data-r'), li.getAttribute('data-o')];
      var q = li.querySelector(':scope > q');
      if (q) {  /* a claim */
        var link = li.querySelector(':scope > .meta a');
        rows.push(k.concat([li.getAttribute('data-date') || '', link ? link.textContent : '',
          sitePath(link), q.textContent]));
        return;
      }
      /* quoted sentences (p.snippet), each followed by its article (div.meta) */
      var items = [];
      var cur = null;
      Array.prototype.forEach.call(li.children, function (c) {
        if (c.classList.contains('snippet')) {
          cur = { text: c.textContent, meta: null };
          items.push(cur);
        } else if (c.classList.contains('meta')) {
          if (!cur || cur.meta) { cur = { text: '', meta: null }; items.push(cur); }
          cur.meta = c;
        }
      });
      if (!items.length) items.push({ text: '', meta: null });
      items.forEach(function (it) {
        var a = it.meta ? it.meta.querySelector('a') : null;
        var d = it.meta ? it.meta.querySelector('.date') : null;
        rows.push(k.concat([d ? d.textContent : '', a ? a.textContent : '', sitePath(a),
          it.text]));
      });
    });
    return rows;
  }
  window.rasdEvidenceRows = evidenceRows;

  var button = document.getElementById('csv-export');
  if (button) {
    button.addEventListener('click', function () {
      var blob = new Blob([toCsv(evidenceRows())], { type: 'text/csv;charset=utf-8' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = button.getAttribute('data-name') || 'rasd-evidence.csv';
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
  }

  /* ---------- expand-on-click ---------- */
  var net = window.rasdNetwork;
  var data = window.rasdData;
  if (!net || !data || !window.rasdEntity) return;
  var nodes = net.body.data.nodes;
  var edges = net.body.data.edges;
  var R = window.RASD || { groups: {}, classes: {}, rels: {} };
  var status = document.getElementById('expand-status');
  var byKey = {};  /* page name -> node id */
  data.info.forEach(function (info, i) { if (info.e) byKey[info.e] = i; });
  var edgeKeys = {};
  data.edges.forEach(function (e) { edgeKeys[e[0] + '|' + e[1] + '|' + e[2]] = true; });
  var expanded = {};
  var centre = { x: data.nodes[0][3], y: data.nodes[0][4] };

  function group(cls) {
    var c = R.classes[cls] || [cls, cls];
    return [R.groups[c[0]] || { shape: 'dot', color: '#999999' }, c[1]];
  }

  /* near: [[page name, label, class, relation key, 1 if the clicked node is the source,
             evidence count], ...] (export/html/entity_page.py expansion) */
  function expand(id, near) {
    var pos = net.getPositions([id])[id];
    var angle = Math.atan2(pos.y - centre.y, pos.x - centre.x);
    if (pos.x === centre.x && pos.y === centre.y) angle = 0;
    var fresh = near.filter(function (n) { return byKey[n[0]] === undefined; });
    var added = 0;
    var spread = Math.min(Math.PI * 0.9, 0.35 * Math.max(fresh.length - 1, 1));
    near.forEach(function (n) {
      var other = byKey[n[0]];
      if (other === undefined) {
        var k = fresh.indexOf(n);
        var a = angle + (fresh.length > 1 ? spread * (k / (fresh.length - 1) - 0.5) : 0);
        var g = group(n[2]);
        other = data.nodes.length;
        data.nodes.push([n[1], n[2], 12, Math.round(pos.x + 170 * Math.cos(a)),
          Math.round(pos.y + 170 * Math.sin(a))]);
        data.info.push({ e: n[0] });
        byKey[n[0]] = other;
        nodes.add({ id: other, label: n[1], shape: g[0].shape, color: g[0].color, size: 12,
          x: data.nodes[other][3], y: data.nodes[other][4], title: n[1] + ' — ' + g[1] });
        added++;
      }
      var from = n[4] ? id : other;
      var to = n[4] ? other : id;
      var key = from + '|' + to + '|' + n[3];
      if (edgeKeys[key] || edgeKeys[to + '|' + from + '|' + n[3]]) return;
      edgeKeys[key] = true;
      var r = R.rels[n[3]] || [n[3], n[3]];
      var eid = data.edges.length;
      data.edges.push([from, to, n[3], 1]);
      data.edgeInfo.push([n[5], []]);
      edges.add({ id: eid, from: from, to: to, label: r[0], title: r[1] + ' — ' + r[0],
        width: 1, arrows: 'to', dashes: true });
    });
    if (status) status.textContent = added ? 'أضيف ' + added + ' من جيران «' + data.nodes[id][0] + '».' : '';
    document.body.setAttribute('data-expanded', String(Object.keys(expanded).length));
  }

  net.on('click', function (params) {
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    var info = data.info[id];
    if (!info || !info.e || expanded[id]) return;
    expanded[id] = true;
    window.rasdEntity(info.e, function (r) { expand(id, r[6] || []); });
  });
})();
