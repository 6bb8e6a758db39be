// node trace.mjs <variant-path> <runs>: Chromium trace of start-up; prints per-thread slices (>=2 ms) up to first-frame + 60.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = '/work/tmp/ab';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(4193, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const [path, runs] = [process.argv[2], Number(process.argv[3] ?? 1)];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel', 'gpu', 'cc', 'viz', 'disabled-by-default-v8.compile'] });
  await page.goto(`http://127.0.0.1:4193/${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.firstFrame === 'true' || globalThis.benchBaseline?.firstFrameAt != null);
  await page.waitForTimeout(1500);
  const buf = await browser.stopTracing();
  await page.close();
  const ev = JSON.parse(buf.toString()).traceEvents;
  writeFileSync(`/work/tmp/trace-${i}.json`, buf);
  const threads = {};
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') threads[`${e.pid}:${e.tid}`] = e.args.name;
  const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming' )?.ts ?? ev.find((e) => e.name === 'TracingStartedInBrowser')?.ts;
  const marks = ev.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('rmo:'));
  const t0 = ev.find((e) => e.name === 'navigationStart')?.ts;
  console.log('run', i, 'marks', marks.map((m) => `${m.name.slice(4)}=${((m.ts - t0) / 1000).toFixed(0)}`).join(' '));
  const ff = marks.find((m) => m.name === 'rmo:first-frame');
  const end = ff ? ff.ts + 150000 : t0 + 400000;
  const rows = ev.filter((e) => e.ph === 'X' && e.dur >= 1500 && e.ts >= t0 - 5000 && e.ts <= end)
    .filter((e) => !['ThreadControllerImpl::RunTask', 'RunTask'].includes(e.name) || e.dur > 20000);
  rows.sort((a, b) => a.ts - b.ts);
  for (const e of rows) {
    const th = threads[`${e.pid}:${e.tid}`] ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|Compositor|V8|ThreadPool|CrGpuMain|VizCompositor|DedicatedWorker/.test(th)) continue;
    const extra = e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop().slice(0, 20) : e.args?.data?.functionName ? ' ' + e.args.data.functionName : '';
    console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${th.slice(0, 22).padEnd(22)} ${e.name}${extra}`);
  }
}
await browser.close(); server.close();
