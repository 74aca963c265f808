/* rasd platforms page: a click on a cell (actor × platform) opens the side panel with the
 * kinds of link and their evidence sentences.  Text only; works from file://. */
(function () {
  'use strict';
  var script = document.getElementById('platform-data');
  if (!script || !window.rasdShowPanel) return;
  var data = JSON.parse(script.textContent);
  /* cells: [[actor, platform, [[kind ar, kind en, evidence count, evidence], ...]], ...] */
  function show(i) {
    var c = data.cells[i];
    if (!c) return;
    var ev = [];
    var facts = c[2].map(function (k) {
      ev = ev.concat(k[3]);
      return [k[0], 'أدلة: ' + k[2]];
    });
    window.rasdShowPanel({ label: c[0] + ' — ' + c[1], cls: c[2].map(function (k) { return k[1]; })
      .join(' · '), facts: facts, ev: ev }, data.arts);
  }
  document.querySelectorAll('button[data-cell]').forEach(function (b) {
    b.addEventListener('click', function () { show(Number(b.getAttribute('data-cell'))); });
  });
})();
