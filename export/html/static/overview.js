/* rasd overview (index.html): community discs, labels where they fit, aggregated edges
 * between communities, the time bar and the platform filter.  Loaded before site.js, it
 * only sets window.rasdHooks; site.js builds the network and calls them.  Everything from
 * the graph goes into the page with textContent (never innerHTML). */
(function () {
  'use strict';

  var R = window.RASD || { communityColors: [], rels: {} };
  var TINY = 0.01;  /* a label this small (network units) is not drawn by vis-network */
  var data = null;
  var network = null;
  var nodesDS = null;
  var step = 0;
  var hovered = null;
  var keepSet = null;  /* platform filter: node ids kept, or null */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function relName(key) { return (R.rels[key] || [key, key])[0]; }
  function fmt(n) { return String(n); }  /* digits as in the rest of the page */

  /* ---------- labels: the zoom step decides which are drawn (export/html/layout.py) ---------- */
  function fontAt(px, s) {
    var L = data.layout;
    return px / (L.s0 * Math.pow(L.steps[s], L.shrink));
  }
  function fontOf(i, s) {
    var info = data.info[i];
    return info.l <= s || i === hovered ? fontAt(info.f, s) : TINY;
  }
  function stepOf(scale) {
    var L = data.layout;
    var s = 0;
    for (var k = 0; k < L.steps.length; k++) if (scale >= L.s0 * L.steps[k] * 0.999) s = k;
    return s;
  }
  function setStep(s) {
    if (s === step) return;
    var old = step;
    step = s;
    var updates = [];
    data.info.forEach(function (info, i) {
      if (fontOf(i, s) !== fontOf(i, old) || info.l <= s) updates.push({ id: i, font: { size: fontOf(i, s) } });
    });
    nodesDS.update(updates);
  }
  function hover(i) {
    var was = hovered;
    hovered = i;
    var updates = [];
    if (was !== null && was !== undefined) updates.push({ id: was, font: { size: fontOf(was, step) } });
    if (i !== null) updates.push({ id: i, font: { size: fontOf(i, step) } });
    if (updates.length) nodesDS.update(updates);
  }

  /* ---------- aggregated edges between communities ---------- */
  function aggTitle(a) {
    var kinds = Object.keys(a[3]).map(function (k) { return relName(k) + ': ' + fmt(a[3][k]); });
    return fmt(a[2]) + ' علاقة بين مجموعتي «' + data.nodes[a[0]][0] + '» و«' + data.nodes[a[1]][0] +
      '»\n' + kinds.join('، ');
  }
  function aggEdge(a, j) {
    return { id: 'a' + j, from: a[0], to: a[1], label: fmt(a[2]), title: aggTitle(a),
      width: 2 + Math.min(8, Math.sqrt(a[2])), dashes: [10, 8], arrows: '',
      color: { color: 'rgba(80,90,130,0.35)', highlight: '#3d4a7a', hover: '#3d4a7a' },
      font: { size: 13, color: '#3d4a7a', strokeWidth: 4, align: 'middle' } };
  }
  function showAggPanel(j) {
    var a = data.agg[j];
    var panel = document.getElementById('panel');
    var body = document.getElementById('panel-body');
    if (!panel || !body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var h = el('h2');
    h.appendChild(document.createTextNode('بين مجموعتي '));
    h.appendChild(el('bdi', null, data.nodes[a[0]][0]));
    h.appendChild(document.createTextNode(' و'));
    h.appendChild(el('bdi', null, data.nodes[a[1]][0]));
    body.appendChild(h);
    body.appendChild(el('p', 'cls', fmt(a[2]) + ' علاقة مجمّعة في هذا الخط'));
    var kinds = el('ul', 'agg-kinds');
    Object.keys(a[3]).forEach(function (k) {
      var li = el('li');
      li.appendChild(el('bdi', null, relName(k)));
      li.appendChild(document.createTextNode(': ' + fmt(a[3][k])));
      kinds.appendChild(li);
    });
    body.appendChild(kinds);
    body.appendChild(el('h3', null, 'أقوى العلاقات'));
    var pairs = el('ul', 'agg-pairs');
    a[4].forEach(function (p) {
      var li = el('li');
      [p[0], p[1]].forEach(function (id, n) {
        var b = el('button', 'link');
        b.type = 'button';
        b.appendChild(el('bdi', null, data.nodes[id][0]));
        b.addEventListener('click', function () {
          network.selectNodes([id]);
          network.focus(id, { scale: Math.max(network.getScale(), data.layout.s0 * 2), animation: false });
          if (window.rasdShowNode) window.rasdShowNode(id);
        });
        li.appendChild(b);
        if (n === 0) li.appendChild(document.createTextNode(' ← ' + relName(p[2]) + ' ← '));
      });
      if (p[3] > 1) li.appendChild(el('span', 'note', ' (' + fmt(p[3]) + ')'));
      pairs.appendChild(li);
    });
    body.appendChild(pairs);
    panel.hidden = false;
  }

  /* ---------- community discs, drawn under the network ---------- */
  function drawGroups(ctx) {
    var scale = network.getScale();
    var colors = R.communityColors || [];
    ctx.save();
    ctx.lineWidth = 1.5 / scale;
    ctx.font = (data.captionPx / scale) + "px 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif";
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    var nodes = network.body.nodes;
    data.groups.forEach(function (g) {
      /* a disc whose members are all filtered out is not drawn */
      if (!g[8].some(function (id) { return nodes[id] && !nodes[id].options.hidden; })) return;
      var color = g[0] >= 0 ? colors[g[0] % colors.length] || '#888888' : '#888888';
      ctx.beginPath();
      ctx.arc(g[1], g[2], g[3], 0, 2 * Math.PI);
      ctx.globalAlpha = 0.06;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 0.35;
      ctx.strokeStyle = color;
      ctx.stroke();
      if (g[7] > step) return;  /* the caption does not fit at this zoom (layout.caption_levels) */
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#3b4450';
      ctx.fillText(g[6], g[1], g[2] - g[3] - 2 / scale);
    });
    ctx.restore();
  }

  /* the initial view: the box of the community discs (layout.fit_scale), not only nodes */
  function fitBox() {
    var b = data.layout.box;
    var c = document.getElementById('network');
    if (!b || !c || !c.clientWidth) return;
    var scale = Math.min(c.clientWidth / (b[2] - b[0]), c.clientHeight / (b[3] - b[1]));
    network.moveTo({ position: { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2 }, scale: scale });
    setStep(stepOf(scale));
  }

  /* ---------- platform filter ---------- */
  function wirePlatforms() {
    var select = document.getElementById('platform-filter');
    if (!select) return;
    var byId = {};
    (data.platforms || []).forEach(function (p) { byId[p[0]] = p; });
    select.addEventListener('change', function () {
      var p = byId[select.value];
      if (!p) {
        keepSet = null;
      } else {
        keepSet = {};
        keepSet[p[0]] = true;
        p[1].forEach(function (id) { keepSet[id] = true; });
      }
      if (window.rasdApplyFilters) window.rasdApplyFilters();
    });
  }

  /* ---------- time bar: claims and events by month, right to left ---------- */
  var bins = [];
  var sel = null;  /* [first, last] bin indices, time order */
  var cursor = 0;
  var drag = null;
  var bar = null;
  var fromInput = null;
  var toInput = null;

  function lastDay(ym) {
    var y = +ym.slice(0, 4);
    var m = +ym.slice(5, 7);
    var d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return ym + '-' + (d < 10 ? '0' : '') + d;
  }
  function shiftMonth(ym, by) {
    var y = +ym.slice(0, 4);
    var m = +ym.slice(5, 7) - 1 + by;
    y += Math.floor(m / 12);
    m = ((m % 12) + 12) % 12 + 1;
    return (y < 1000 ? ('000' + y).slice(-4) : String(y)) + '-' + (m < 10 ? '0' : '') + m;
  }
  function makeBins(b) {
    var out = [];
    if (!b || !b.months || !b.months.length) return out;
    var first = b.months[0];
    var last = b.months[b.months.length - 1];
    if (b.before[0] + b.before[1] > 0) {
      out.push({ label: 'قبل ' + first, claims: b.before[0], events: b.before[1], from: '',
        to: lastDay(shiftMonth(first, -1)) });
    }
    b.months.forEach(function (m, i) {
      out.push({ label: m, claims: b.claims[i], events: b.events[i], from: m + '-01', to: lastDay(m) });
    });
    if (b.after[0] + b.after[1] > 0) {
      out.push({ label: 'بعد ' + last, claims: b.after[0], events: b.after[1],
        from: shiftMonth(last, 1) + '-01', to: '' });
    }
    return out;
  }
  function iso(text) { return '\u2066' + text + '\u2069'; }  /* a date stays left-to-right */
  function describe(i) {
    var b = bins[i];
    return iso(b.label) + ': ' + fmt(b.claims) + ' تصريحًا، ' + fmt(b.events) + ' حدثًا';
  }

  var W = 1000;
  var H = 58;
  var BASE = 42;
  function xOf(i) { return W - (i + 1) * (W / bins.length); }  /* earliest at the right */
  function indexAt(clientX) {
    var r = bar.getBoundingClientRect();
    var x = (clientX - r.left) / r.width * W;
    var i = Math.floor((W - x) / (W / bins.length));
    return Math.max(0, Math.min(bins.length - 1, i));
  }

  function drawBar() {
    var box = slider;
    while (box.firstChild) box.removeChild(box.firstChild);
    bar = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none',
      'aria-hidden': 'true', focusable: 'false' });
    var top = 1;
    bins.forEach(function (b) { top = Math.max(top, b.claims + b.events); });
    var bw = W / bins.length;
    var unit = (BASE - 4) / Math.sqrt(top);
    bins.forEach(function (b, i) {
      var g = svg('g', { 'class': 'bin' + (sel && i >= sel[0] && i <= sel[1] ? ' on' : '') +
        (sel && (i < sel[0] || i > sel[1]) ? ' off' : '') + (i === cursor ? ' cursor' : '') });
      var total = b.claims + b.events;
      var h = total ? Math.max(2, Math.sqrt(total) * unit) : 0;
      var he = total ? h * b.events / total : 0;
      var x = xOf(i) + bw * 0.1;
      var w = Math.max(1, bw * 0.8);
      g.appendChild(svg('rect', { x: xOf(i), y: 0, width: bw, height: H, 'class': 'hit' }));
      if (h - he > 0) g.appendChild(svg('rect', { x: x, y: BASE - h, width: w, height: h - he, 'class': 'claims' }));
      if (he > 0) g.appendChild(svg('rect', { x: x, y: BASE - he, width: w, height: he, 'class': 'events' }));
      var t = svg('title');
      t.textContent = describe(i);
      g.appendChild(t);
      bar.appendChild(g);
    });
    bar.appendChild(svg('line', { x1: 0, x2: W, y1: BASE, y2: BASE, 'class': 'axis' }));
    /* ticks: every month when there are few, else the years; and the overflow bins */
    var every = Math.max(1, Math.ceil(bins.length / 12));
    var lastYear = '';
    bins.forEach(function (b, i) {
      var text = '';
      if (!b.from) text = 'قبل';
      else if (!b.to) text = 'بعد';
      else if (bins.length <= 24) text = b.label;
      else if (b.from.slice(0, 4) !== lastYear && (i % every === 0 || b.from.slice(5, 7) === '01')) {
        text = b.from.slice(0, 4);
      }
      if (b.from) lastYear = b.from.slice(0, 4);
      if (!text) return;
      var x = Math.min(Math.max(xOf(i) + bw / 2, 22), W - 22);  /* whole text at the ends */
      var t = svg('text', { x: x, y: H - 3, 'class': 'tick' });
      t.textContent = text;
      bar.appendChild(t);
    });
    box.appendChild(bar);
    bar.addEventListener('pointerdown', function (e) {
      drag = indexAt(e.clientX);
      cursor = drag;
      sel = [drag, drag];
      bar.setPointerCapture(e.pointerId);
      drawSel();
    });
    bar.addEventListener('pointermove', function (e) {
      if (drag === null) return;
      var i = indexAt(e.clientX);
      cursor = i;
      sel = [Math.min(drag, i), Math.max(drag, i)];
      drawSel();
    });
    bar.addEventListener('pointerup', function () {
      if (drag === null) return;
      drag = null;
      apply();
    });
  }

  function drawSel() {
    if (!bar) return;
    var groups = bar.querySelectorAll('g.bin');
    for (var i = 0; i < groups.length; i++) {
      var cls = 'bin';
      if (sel) cls += i >= sel[0] && i <= sel[1] ? ' on' : ' off';
      if (i === cursor && document.activeElement === slider) cls += ' cursor';
      groups[i].setAttribute('class', cls);
    }
    var text = sel ? 'الفترة المختارة: ' + (sel[0] === sel[1] ? iso(bins[sel[0]].label)
      : iso(bins[sel[0]].label) + ' – ' + iso(bins[sel[1]].label)) + ' (' + fmt(total(sel, 'claims')) +
      ' تصريحًا، ' + fmt(total(sel, 'events')) + ' حدثًا)' : 'كل الفترات';
    status.textContent = text;
    slider.setAttribute('aria-valuenow', String(cursor));
    slider.setAttribute('aria-valuetext', describe(cursor) + (sel ? ' · ' + text : ''));
  }
  function total(range, key) {
    var n = 0;
    for (var i = range[0]; i <= range[1]; i++) n += bins[i][key];
    return n;
  }

  function apply() {
    if (!fromInput || !toInput) return;
    fromInput.value = sel ? bins[sel[0]].from : '';
    toInput.value = sel ? bins[sel[1]].to : '';
    fromInput.dispatchEvent(new Event('change'));
    drawSel();
  }

  /* the date inputs (and their reset button) may change the period too */
  function fromInputs() {
    var from = fromInput.value;
    var to = toInput.value;
    if (!from && !to) { sel = null; drawSel(); return; }
    var a = -1;
    var b = -1;
    bins.forEach(function (bin, i) {
      var lo = bin.from || '0000';
      var hi = bin.to || '9999';
      if ((!from || hi >= from) && (!to || lo <= to)) { if (a < 0) a = i; b = i; }
    });
    sel = a < 0 ? null : [a, b];
    drawSel();
  }

  var slider = null;
  var status = null;
  function wireTimeBar() {
    var box = document.getElementById('timebar');
    if (!box) return;
    bins = makeBins(data.bins);
    fromInput = document.getElementById('date-from');
    toInput = document.getElementById('date-to');
    if (!bins.length) {
      box.appendChild(el('p', 'note', 'لا تواريخ بالشهر في هذا الأرشيف.'));
      return;
    }
    slider = el('div', 'timebar-slider');
    slider.tabIndex = 0;
    slider.setAttribute('role', 'slider');
    slider.setAttribute('aria-label', 'شريط الزمن: اختيار فترة لتصفية الشبكة');
    slider.setAttribute('aria-describedby', 'timebar-help');
    slider.setAttribute('aria-valuemin', '0');
    slider.setAttribute('aria-valuemax', String(bins.length - 1));
    box.appendChild(slider);
    var line = el('div', 'timebar-line');
    status = el('p', 'note timebar-status');
    status.id = 'timebar-status';
    status.setAttribute('aria-live', 'polite');
    line.appendChild(status);
    box.appendChild(line);
    drawBar();
    var legend = el('p', 'note timebar-legend');
    var c = el('span', 'key claims', '■');
    c.setAttribute('aria-hidden', 'true');
    legend.appendChild(c);
    legend.appendChild(document.createTextNode(' تصريحات  '));
    var e = el('span', 'key events', '■');
    e.setAttribute('aria-hidden', 'true');
    legend.appendChild(e);
    legend.appendChild(document.createTextNode(' أحداث'));
    var extra = [];
    var b = data.bins;
    if (b.year[0] + b.year[1]) extra.push(fmt(b.year[0] + b.year[1]) + ' بتاريخ سنة فقط');
    if (b.undated[0] + b.undated[1]) extra.push(fmt(b.undated[0] + b.undated[1]) + ' بلا تاريخ');
    if (extra.length) legend.appendChild(document.createTextNode(' · ' + extra.join('، ')));
    line.appendChild(legend);
    cursor = bins.length - 1;
    slider.addEventListener('keydown', function (ev) {
      var k = ev.key;
      var moves = { ArrowLeft: 1, ArrowRight: -1, ArrowUp: 1, ArrowDown: -1 };  /* RTL: left is later */
      if (k in moves || k === 'Home' || k === 'End') {
        var next = k === 'Home' ? 0 : k === 'End' ? bins.length - 1 : cursor + moves[k];
        next = Math.max(0, Math.min(bins.length - 1, next));
        if (ev.shiftKey) {
          var anchor = sel ? (cursor === sel[0] ? sel[1] : sel[0]) : cursor;
          sel = [Math.min(anchor, next), Math.max(anchor, next)];
          cursor = next;
          apply();
        } else {
          cursor = next;
          drawSel();
        }
        ev.preventDefault();
      } else if (k === 'Enter' || k === ' ') {
        sel = [cursor, cursor];
        apply();
        ev.preventDefault();
      } else if (k === 'Escape') {
        sel = null;
        apply();
        ev.preventDefault();
      }
    });
    slider.addEventListener('focus', drawSel);
    slider.addEventListener('blur', drawSel);
    [fromInput, toInput].forEach(function (inp) {
      if (inp) inp.addEventListener('change', fromInputs);
    });
    var reset = document.getElementById('date-reset');
    if (reset) reset.addEventListener('click', function () { sel = null; drawSel(); });
    drawSel();
  }

  window.rasdHooks = {
    node: function (v, n, i, d) {
      data = d;
      v.font = { size: fontOf(i, 0) };
    },
    options: function (opts) {
      var o = JSON.parse(JSON.stringify(opts));
      if (o.nodes && o.nodes.scaling) o.nodes.scaling.label = { enabled: false, drawThreshold: 5, maxVisible: 40 };
      /* relation names show on hover (title): drawn on every edge they hide the labels */
      o.edges = o.edges || {};
      o.edges.font = Object.assign({}, o.edges.font || {}, { size: TINY });
      return o;
    },
    network: function (net, nodes, edges, d) {
      data = d;
      network = net;
      nodesDS = nodes;
      edges.add((d.agg || []).map(aggEdge));
      fitBox();
      net.on('resize', fitBox);
      net.on('zoom', function () { setStep(stepOf(net.getScale())); });
      /* focus() and moveTo() (search, panels) change the scale without a zoom event */
      net.on('afterDrawing', function () { setStep(stepOf(net.getScale())); });
      net.on('hoverNode', function (p) { hover(p.node); });
      net.on('blurNode', function () { hover(null); });
      net.on('beforeDrawing', drawGroups);
      wirePlatforms();
      wireTimeBar();
      window.rasdOverview = { bins: function () { return bins; }, step: function () { return step; } };
    },
    click: function (params) {
      if (!params.nodes.length && params.edges.length && String(params.edges[0]).charAt(0) === 'a') {
        showAggPanel(+String(params.edges[0]).slice(1));
        return true;
      }
      return false;
    },
    keep: function (i) { return !keepSet || !!keepSet[i]; },
    filtering: function () { return !!keepSet; }
  };
})();
