// The factbox side of the browser benchmark: `?n=N` boxes from the demo file, cycling
// through its boxes, drawn at once (not lazily, as Chart.js draws everything); records
// when the last one is ready in window.__bench. Each embed names its box's kind
// (`data-factbox-kind`, as the README writes an embed); `?named=0` leaves it out, and
// the page then learns which engine to fetch from the JSON.
(function () {
  const boxes = [['tiet-kiem', 'figures'], ['cong-dich-vu-cong', 'figures'], ['xep-hang-asean', 'bar'],
    ['thay-doi-xep-hang', 'rank-change'], ['co-cau-tiet-kiem', 'share'], ['dich-vu-tich-hop', 'line'],
    ['tai-khoan', 'line'], ['muc-do-4', 'progress'], ['covid-19', 'share'], ['co-so-du-lieu', 'bar'],
    ['van-ban-dien-tu', 'figures']];
  const params = new URLSearchParams(location.search);
  const named = params.get('named') !== '0';
  const n = Number(params.get('n') || 1);
  // ?lazy=1: as a newsroom page is (charts draw near the viewport); ready means the boxes
  // on the first screen are drawn (the others hold their room and wait to come near).
  const lazy = params.get('lazy') === '1';
  const main = document.getElementById('main');
  for (let i = 0; i < n; i++) {
    const el = document.createElement('div');
    const [id, kind] = boxes[i % boxes.length];
    el.setAttribute('data-factbox', `/data/egov-vn.json#${id}`);
    if (named) el.setAttribute('data-factbox-kind', kind);
    if (!lazy) el.setAttribute('data-factbox-lazy', 'false');
    main.append(el);
  }
  const all = main.children;
  // Which boxes are on the first screen, told by an IntersectionObserver: asking each
  // element where it is would force a layout in the middle of the page's work.
  const onScreen = new Set();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) onScreen.add(e.target); else onScreen.delete(e.target);
    check();
  });
  for (const el of all) io.observe(el);
  const check = () => {
    for (const el of all) {
      const state = el.getAttribute('data-factbox-state');
      if (lazy && !onScreen.has(el)) continue;
      if (state !== 'ready') return;
    }
    if (window.__bench.ready === null) window.__bench.ready = performance.now();
    observer.disconnect();
    io.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(main, { subtree: true, attributes: true, attributeFilter: ['data-factbox-state'] });
})();
