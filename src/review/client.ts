/**
 * The review page's script and style, inlined into index.html (the page must work from file://,
 * where nothing can be fetched). Plain browser JavaScript, kept as text: it runs in the browser,
 * not in Node. It reads the JSON embedded in the page, draws every record's boxes over its page,
 * fills the side list and the review panel, and links them both ways.
 */

export const REVIEW_STYLE = String.raw`
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.35 system-ui, sans-serif; color: #222; display: flex; height: 100vh; overflow: hidden; }
#side { width: 380px; display: flex; flex-direction: column; border-right: 1px solid #ccc; background: #fafafa; }
#side h1 { font-size: 14px; margin: 8px 10px 4px; }
#legend { margin: 0 10px 6px; }
#legend span { display: inline-block; margin: 2px 6px 2px 0; padding: 0 4px; border: 2px solid; border-radius: 3px; font-size: 11px; }
#review { max-height: 38vh; overflow: auto; border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; }
#review h2, #records-head h2 { font-size: 12px; margin: 6px 10px; text-transform: uppercase; color: #555; }
.item { padding: 4px 10px; cursor: pointer; border-left: 4px solid transparent; }
.item:hover { background: #eef; }
.item.on { background: #dde4ff; border-left-color: #2447d6; }
.item .t { font-size: 10px; text-transform: uppercase; color: #a33; margin-right: 4px; }
#records-head { display: flex; align-items: center; }
#search { flex: 1; margin: 4px 10px; padding: 4px 6px; }
#list { flex: 1; overflow: auto; }
.rec .k { font-size: 10px; color: #666; margin-right: 4px; }
#main { flex: 1; overflow: auto; background: #888; padding: 12px; position: relative; }
#back { position: fixed; right: 24px; top: 12px; z-index: 10; display: none; padding: 4px 10px; }
/* Pages and list entries out of view are not laid out or painted until scrolled near (fast open). */
.page { position: relative; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px #0006; content-visibility: auto; }
.page img { position: absolute; inset: 0; width: 100%; height: 100%; }
.page .no { position: absolute; left: -2px; top: -2px; background: #333; color: #fff; font-size: 11px; padding: 1px 5px; }
.box { position: absolute; border: 1.5px solid; cursor: pointer; }
.k-paragraph { border-color: #1f6fd1; }
.k-heading { border-color: #8e2bc7; background: #8e2bc710; }
.k-footnote { border-color: #198a3c; }
.k-block { border-color: #e07b00; }
.k-table { border-color: #d1202a; border-width: 2px; }
.k-cell { border: 0.5px solid #e0506088; }
.k-mark { border-color: #198a3c; background: #198a3c30; }
.box.sel { outline: 3px solid #ffcc00; background: #ffcc0033; z-index: 3; }
.box.flag { outline: 3px solid #ff0066; background: #ff006633; z-index: 4; }
.fn { position: absolute; transform: translate(50%, -60%); background: #198a3c; color: #fff; font-size: 10px; border-radius: 8px; padding: 0 4px; cursor: pointer; z-index: 5; }
`;

export const REVIEW_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var main = document.getElementById('main');
  var list = document.getElementById('list');
  var back = document.getElementById('back');
  var byKey = {};
  var boxesOf = {};
  var itemOf = {};
  var history = [];
  function key(r) { return r.kind + ' ' + r.id; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  // Pages: the image (loaded when scrolled near) and an overlay for the boxes.
  var pageEl = {};
  var pagesHtml = [];
  data.pages.forEach(function (p) {
    var width = Math.min(900, Math.round(p.w * data.zoom));
    pagesHtml.push('<div class="page" id="page-' + p.n + '" data-page="' + p.n + '" style="width:' + width + 'px;height:' + Math.round(width * p.ratio) + 'px">' +
      '<img loading="lazy" decoding="async" alt="page ' + p.n + '" src="' + esc(p.img) + '"><span class="no">' + p.n + '</span></div>');
  });
  main.insertAdjacentHTML('beforeend', pagesHtml.join(''));
  data.pages.forEach(function (p) { pageEl[p.n] = { el: document.getElementById('page-' + p.n), w: p.w, h: p.h, html: [] }; });

  // Boxes, as percentages of their page so they follow any zoom.
  data.records.forEach(function (r, i) {
    byKey[key(r)] = i;
    r.boxes.forEach(function (b, piece) {
      var pg = pageEl[b[0]];
      if (!pg) return;
      var st = 'left:' + (100 * b[1] / pg.w) + '%;top:' + (100 * b[2] / pg.h) + '%;width:' + (100 * (b[3] - b[1]) / pg.w) + '%;height:' + (100 * (b[4] - b[2]) / pg.h) + '%';
      pg.html.push('<div class="box k-' + r.kind + '" data-r="' + i + '" data-kind="' + r.kind + '" data-id="' + esc(r.id) + '" data-piece="' + piece + '" style="' + st + '"></div>');
      // Footnote marks: a badge at the mark as printed links to its note (or, when the mark has no
      // box, a badge on the record's first box), and a note's badge links back to the record
      // carrying its mark.
      if (piece === 0) {
        var links = (r.notes || []).map(function (n) { return ['footnote ' + n, n]; });
        if (r.markIn) links.push(['paragraph ' + r.markIn, '\u21a9 ' + r.markIn]);
        links.forEach(function (l, j) {
          pg.html.push('<a class="fn" data-to="' + esc(l[0]) + '" style="left:' + (100 * b[3] / pg.w) + '%;top:' + (100 * b[2] / pg.h + 1.6 * j) + '%">' + esc(l[1]) + '</a>');
        });
      }
    });
  });
  Object.keys(pageEl).forEach(function (n) { pageEl[n].el.insertAdjacentHTML('beforeend', pageEl[n].html.join('')); });
  main.querySelectorAll('.box').forEach(function (el) { (boxesOf[el.dataset.r] = boxesOf[el.dataset.r] || []).push(el); });

  // The side list, searchable.
  var rows = data.records.map(function (r, i) {
    return '<div class="item rec" data-r="' + i + '" data-kind="' + r.kind + '" data-id="' + esc(r.id) + '"><span class="k">' + esc(r.kind) + ' ' + esc(r.label) + '</span>' + esc(r.text) + '</div>';
  });
  list.innerHTML = rows.join('');
  list.querySelectorAll('.rec').forEach(function (el) { itemOf[el.dataset.r] = el; });
  var haystack = data.records.map(function (r) { return (r.kind + ' ' + r.label + ' ' + r.id + ' ' + r.text).toLowerCase(); });
  document.getElementById('search').addEventListener('input', function (e) {
    var q = e.target.value.trim().toLowerCase();
    haystack.forEach(function (h, i) { itemOf[i].style.display = !q || h.indexOf(q) >= 0 ? '' : 'none'; });
  });

  // The review panel.
  var review = document.getElementById('review-items');
  review.innerHTML = data.review.length ? data.review.map(function (it, i) {
    return '<div class="item look" data-i="' + i + '" data-type="' + it.type + '"><span class="t">' + esc(it.type) + '</span>' + esc(it.text) + '</div>';
  }).join('') : '<div class="item">nothing: every check holds</div>';

  function clear(cls) { main.querySelectorAll('.' + cls).forEach(function (el) { el.classList.remove(cls); }); }
  function remember() { history.push(main.scrollTop); back.style.display = 'block'; }
  function show(el) { if (el) el.scrollIntoView({ block: 'center' }); }
  function select(i, fromPage) {
    clear('sel');
    document.querySelectorAll('.item.on').forEach(function (el) { el.classList.remove('on'); });
    (boxesOf[i] || []).forEach(function (el) { el.classList.add('sel'); });
    if (itemOf[i]) { itemOf[i].classList.add('on'); if (fromPage) show(itemOf[i]); }
    if (!fromPage) { remember(); show((boxesOf[i] || [])[0] || (data.records[i].boxes[0] && pageEl[data.records[i].boxes[0][0]].el)); }
    document.body.dataset.selected = key(data.records[i]);
  }
  list.addEventListener('click', function (e) {
    var el = e.target.closest('.rec');
    if (el) select(Number(el.dataset.r), false);
  });
  main.addEventListener('click', function (e) {
    var fn = e.target.closest('.fn');
    if (fn) { if (byKey[fn.dataset.to] !== undefined) select(byKey[fn.dataset.to], false); return; }
    var box = e.target.closest('.box');
    if (box) select(Number(box.dataset.r), true);
  });
  review.addEventListener('click', function (e) {
    var el = e.target.closest('.look');
    if (!el) return;
    var it = data.review[Number(el.dataset.i)];
    clear('flag');
    document.querySelectorAll('.look.on').forEach(function (x) { x.classList.remove('on'); });
    el.classList.add('on');
    var first = null;
    it.records.forEach(function (k) {
      (boxesOf[byKey[k]] || []).forEach(function (b) { b.classList.add('flag'); first = first || b; });
    });
    remember();
    show(first || (it.page && pageEl[it.page] && pageEl[it.page].el));
    document.body.dataset.flagged = String(main.querySelectorAll('.box.flag').length);
  });
  // A box's tooltip is made when the pointer first rests on it (thousands of boxes open faster without).
  main.addEventListener('mouseover', function (e) {
    var box = e.target.closest('.box');
    if (box && !box.title) { var r = data.records[Number(box.dataset.r)]; box.title = r.label + ': ' + r.text; }
  });
  back.addEventListener('click', function () {
    if (history.length) main.scrollTop = history.pop();
    if (!history.length) back.style.display = 'none';
  });
  window.__ready = performance.now();
  document.body.dataset.ready = 'true';
})();
`;
