// The Chart.js side of the browser benchmark: the same boxes as factbox draws, from the
// same JSON file fetched once, as comparable Chart.js charts (animations off, tooltips
// on), with the title, subtitle and source as HTML text. Key-figure boxes are HTML only,
// as in factbox. `?n=N` sets the number of boxes; the page records when the last one is
// drawn in window.__bench.
(async function () {
  const n = Number(new URLSearchParams(location.search).get('n') || 1);
  const doc = await (await fetch('/data/egov-vn.json')).json();
  const boxes = doc.boxes;
  const main = document.getElementById('main');
  const fmt = new Intl.NumberFormat('vi-VN');
  const palette = ['#1d4e89', '#0a9396', '#e66100', '#1b7837', '#ad1457', '#4a6fa5'];
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  const charts = [];
  for (let i = 0; i < n; i++) {
    const b = boxes[i % boxes.length];
    const fig = document.createElement('figure');
    fig.className = 'box';
    const h = document.createElement('p'); h.className = 'title'; h.textContent = b.title; fig.append(h);
    if (b.subtitle) { const s = document.createElement('p'); s.textContent = b.subtitle; fig.append(s); }
    let config = null;
    const label = (v) => fmt.format(v) + (b.unit ? ' ' + b.unit : '');
    if (b.kind === 'figures') {
      for (const f of b.figures) {
        const p = document.createElement('p');
        p.innerHTML = '<strong></strong> <span></span>';
        p.firstChild.textContent = (f.qualifier ? f.qualifier + ' ' : '') + fmt.format(f.value) + ' ' + (f.unit || '');
        p.lastChild.textContent = f.label;
        fig.append(p);
      }
    } else if (b.kind === 'bar') {
      config = { type: 'bar', data: { labels: b.bars.map((x) => x.label),
        datasets: [{ data: b.bars.map((x) => x.value), backgroundColor: b.bars.map((x) => (b.highlight || []).includes(x.label) ? '#b42318' : '#7b8694') }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => label(c.raw) } } } } };
    } else if (b.kind === 'rank-change') {
      config = { type: 'bar', data: { labels: b.items.map((x) => x.label),
        datasets: [{ data: b.items.map((x) => [x.from, x.to]), backgroundColor: '#1d4e89' }] },
      options: { indexAxis: 'y', scales: { x: { reverse: true } }, plugins: { legend: { display: false } } } };
    } else if (b.kind === 'line') {
      const dates = [...new Set(b.series.flatMap((s) => s.points.map((p) => p.date)))].sort();
      config = { type: 'line', data: { labels: dates, datasets: b.series.map((s, k) => ({ label: s.name,
        data: dates.map((d) => { const p = s.points.find((q) => q.date === d); return p ? p.value : null; }),
        borderColor: palette[k % 6], spanGaps: true })) },
      options: { plugins: { tooltip: { callbacks: { label: (c) => label(c.raw) } } } } };
    } else if (b.kind === 'share') {
      config = { type: 'doughnut', data: { labels: b.parts.map((x) => x.label),
        datasets: [{ data: b.parts.map((x) => x.value), backgroundColor: palette }] } };
    } else if (b.kind === 'progress') {
      config = { type: 'bar', data: { labels: [b.label], datasets: [{ data: [b.value], backgroundColor: '#b42318' }] },
        options: { indexAxis: 'y', scales: { x: { min: 0, max: b.max || 100 } }, plugins: { legend: { display: false } } } };
    }
    if (config) {
      const holder = document.createElement('div');
      holder.className = 'chart';
      const canvas = document.createElement('canvas');
      holder.append(canvas);
      fig.append(holder);
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false }, config.options || {});
      config.options.plugins = Object.assign({}, config.options.plugins, { benchTip: {} });
      fig.__chart = { canvas, config };
    }
    const src = document.createElement('p'); src.className = 'src';
    src.textContent = 'Nguồn: ' + (typeof b.source === 'string' ? b.source : (b.source || {}).text || '');
    fig.append(src);
    main.append(fig);
  }
  // Tooltip timing: when a draw shows a new tooltip, note the time.
  Chart.register({ id: 'benchTip', afterDraw(chart) {
    const active = chart.tooltip && chart.tooltip.getActiveElements();
    const key = active && active.length ? active.map((a) => a.index).join() : '';
    if (key && key !== chart.__tipKey) window.__bench.tips.push(performance.now());
    chart.__tipKey = key;
  } });
  for (const fig of main.children) {
    if (fig.__chart) charts.push(new Chart(fig.__chart.canvas, fig.__chart.config));
  }
  window.__bench.ready = performance.now();
})();
