/**
 * The one page of the benchmark's harness: `?run=baseline` (the bare three.js page, baseline.ts) or `?run=scale` (the
 * app's scene on generated scenarios, scale.ts). Each is loaded on its own, so the baseline never parses the app.
 */
const run = new URLSearchParams(location.search).get('run');
document.title = `Ring Minus One benchmark: ${run ?? 'none'}`;
if (run === 'baseline') void import('./baseline');
else if (run === 'scale') void import('./scale');
else throw new Error(`page.html?run=baseline or ?run=scale, not ${JSON.stringify(run)}`);
