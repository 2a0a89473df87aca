// Loaded first by both benchmark pages: records every long task (over 50 ms) from the
// start, and collects tooltip times.
window.__bench = { longtasks: [], tips: [], ready: null };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longtasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });
