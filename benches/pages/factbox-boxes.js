// The factbox side of the browser benchmark: `?n=N` boxes from the demo file, cycling
// through its boxes, drawn at once (not lazily, as Chart.js draws everything); records
// when the last one is ready in window.__bench.
(function () {
  const ids = ['tiet-kiem', 'cong-dich-vu-cong', 'xep-hang-asean', 'thay-doi-xep-hang', 'co-cau-tiet-kiem',
    'dich-vu-tich-hop', 'tai-khoan', 'muc-do-4', 'covid-19', 'co-so-du-lieu', 'van-ban-dien-tu'];
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') || 1);
  // ?lazy=1: as a newsroom page is (charts draw near the viewport); ready means the boxes
  // on the first screen are drawn (the others hold their room and wait to come near).
  const lazy = params.get('lazy') === '1';
  const main = document.getElementById('main');
  for (let i = 0; i < n; i++) {
    const el = document.createElement('div');
    el.setAttribute('data-factbox', `/data/egov-vn.json#${ids[i % ids.length]}`);
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
