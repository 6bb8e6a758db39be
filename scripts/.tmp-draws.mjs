import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = '/work/tmp/ab';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((req, res) => {
  let p = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(4194, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.addInitScript(() => {
  const log = (globalThis.drawLog = []);
  const progs = new Map();
  const P = WebGL2RenderingContext.prototype;
  let cur = null;
  const use = P.useProgram;
  P.useProgram = function (p) { cur = p; if (p && !progs.has(p)) { const sh = this.getAttachedShaders(p).map((x) => this.getShaderSource(x)).join('\n'); const m = /#define SHADER_TYPE (\w+)/.exec(sh); const d = [...sh.matchAll(/#define (USE_\w+|OPAQUE|FLAT_SHADED|DOUBLE_SIDED|FLIP_SIDED)/g)].map((x) => x[1]); progs.set(p, progs.size + ':' + (m ? m[1] : '?') + '[' + [...new Set(d)].join(',') + ']'); } return use.call(this, p); };
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
    const f = P[name];
    P[name] = function (...a) {
      if (log.length < 200 && !document.documentElement.dataset.firstFrame) {
        const g = this;
        log.push([name.replace('draw', ''), progs.get(cur), g.isEnabled(g.BLEND) ? 'blend' : '-', g.isEnabled(g.CULL_FACE) ? (g.getParameter(g.CULL_FACE_MODE) === g.BACK ? 'cullB' : 'cullF') : 'nocull', g.getParameter(g.DEPTH_WRITEMASK) ? 'dw' : 'nodw', g.isEnabled(g.DEPTH_TEST) ? 'dt' : 'nodt', g.isEnabled(g.POLYGON_OFFSET_FILL) ? 'po' : '', a[1]].join(' '));
      }
      return f.apply(this, a);
    };
  }
});
await page.goto(`http://127.0.0.1:4194/${process.argv[2]}`);
await page.waitForFunction(() => document.documentElement.dataset.firstFrame === 'true' || globalThis.benchBaseline?.firstFrameAt != null);
const log = await page.evaluate(() => globalThis.drawLog);
const counts = {};
for (const l of log) { const k = l.split(' ').slice(0, 7).join(' '); counts[k] = (counts[k] ?? 0) + 1; }
console.log(log.length, 'draws'); console.log(Object.entries(counts).map(([k, v]) => `${v} x ${k}`).join('\n'));
await browser.close(); server.close();
