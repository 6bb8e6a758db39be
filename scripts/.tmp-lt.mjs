// A/B start-up: node ab.mjs <rounds> name=url-path ... (served from /work/tmp/ab on 4191); round-robin, rotating order.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = '/work/tmp/ab';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(4191, '127.0.0.1');
const rounds = Number(process.argv[2]);
const variants = process.argv.slice(3).map((a) => { const [name, path] = a.split('='); return { name, path, runs: [] }; });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
function observe() {
  globalThis.benchStartup = { longTasks: [], firstFrameAt: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.benchStartup.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => { const d = document.documentElement?.dataset; if (d?.firstFrame === 'true' || d?.sceneReady === 'true') globalThis.benchStartup.firstFrameAt ??= performance.now(); })
    .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene-ready', 'data-first-frame'] });
}
async function one(v) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(observe);
  await page.goto(`http://127.0.0.1:4191/${v.path}`);
  await page.waitForFunction(() => (globalThis.benchStartup.firstFrameAt ?? globalThis.benchBaseline?.firstFrameAt) != null);
  await page.waitForFunction(() => performance.now() >= 5000);
  const r = await page.evaluate(() => ({ lt: globalThis.benchStartup.longTasks.map(([s,d])=>Math.round(s)+"+"+Math.round(d)).join(" "), ff: globalThis.benchStartup.firstFrameAt ?? globalThis.benchBaseline?.firstFrameAt,
    tbt: globalThis.benchStartup.longTasks.reduce((a, [, d]) => a + Math.max(0, d - 50), 0),
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rmo:')).map((m) => [m.name.slice(4), Math.round(m.startTime)])) }));
  await page.close();
  console.log(v.name, Math.round(r.ff), 'tbt', Math.round(r.tbt), JSON.stringify(r.marks).slice(0,200), '\n   LT', r.lt);
  return r;
}
for (const v of variants) await one(v);
for (let i = 0; i < rounds; i++) {
  const order = variants.map((_, k) => variants[(k + i) % variants.length]);
  for (const v of order) v.runs.push(await one(v));
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = variants[0];
for (const v of variants) {
  const ratios = v.runs.map((r, i) => r.ff / base.runs[i].ff);
  const marks = Object.fromEntries(Object.keys(v.runs[0].marks).map((k) => [k, med(v.runs.map((r) => r.marks[k] ?? NaN))]));
  console.log(`${v.name.padEnd(10)} ff ${med(v.runs.map((r) => r.ff)).toFixed(0)} paired/${base.name} ${med(ratios).toFixed(3)} tbt ${med(v.runs.map((r) => r.tbt)).toFixed(0)} ${JSON.stringify(marks)}`);
}
await browser.close(); server.close();
