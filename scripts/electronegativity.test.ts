// The security gate must fail on each insecure variant planted in a copy of the app. Each variant runs the real
// gate (scripts/electronegativity.mjs) as a child process on its own temp copy, all at once: electronegativity
// spends most of its time waiting for the network it does not have here.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../electron/csp';

const projectDir = path.resolve(import.meta.dirname, '..');
const gateScript = path.join(projectDir, 'scripts', 'electronegativity.mjs');
const run = promisify(execFile);

type Plant = (dir: string) => Promise<void>;

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const at = path.join(dir, file);
  const before = await readFile(at, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the plant did not change ${file}`);
  await writeFile(at, after);
}

const WIDE_OPEN_CSP = "default-src *; script-src * 'unsafe-inline' 'unsafe-eval'; object-src *";
const HTML = 'dist/renderer/index.html';

/** Each variant and the check that must name it in the gate's output. */
const variants: [string, Plant, RegExp][] = [
  [
    'sandbox off',
    (d) => edit(d, 'electron/mainWindow.ts', (t) => t.replace('sandbox: true', 'sandbox: false')),
    /WINDOW_OPTIONS electron\/mainWindow\.ts:\d+.*sandbox must be the literal true, found false/,
  ],
  [
    'context isolation off',
    (d) => edit(d, 'electron/mainWindow.ts', (t) => t.replace('contextIsolation: true', 'contextIsolation: false')),
    /WINDOW_OPTIONS electron\/mainWindow\.ts:\d+.*contextIsolation must be the literal true/,
  ],
  [
    'node integration on',
    (d) => edit(d, 'electron/mainWindow.ts', (t) => t.replace('nodeIntegration: false', 'nodeIntegration: true')),
    /WINDOW_OPTIONS electron\/mainWindow\.ts:\d+.*nodeIntegration must be the literal false, found true/,
  ],
  [
    'a second window without the options',
    (d) =>
      writeFile(
        path.join(d, 'electron/audienceWindow.ts'),
        "import { BrowserWindow } from 'electron';\nexport const open = () => new BrowserWindow({ show: false });\n",
      ),
    /WINDOW_OPTIONS electron\/audienceWindow\.ts:2.*no webPreferences/,
  ],
  [
    'a window with node integration in an .mts file',
    (d) =>
      writeFile(
        path.join(d, 'electron/extra.mts'),
        'export const open = (Ctor) =>\n  new Ctor.BrowserWindow({ webPreferences: { nodeIntegration: true } });\n',
      ),
    /WINDOW_OPTIONS electron\/extra\.mts:2.*nodeIntegration/,
  ],
  [
    'a window without options in a .js file',
    (d) => writeFile(path.join(d, 'electron/legacy.js'), 'module.exports = (W) => new W.BrowserWindow();\n'),
    /WINDOW_OPTIONS electron\/legacy\.js:1.*created without options/,
  ],
  [
    'a wide-open CSP',
    (d) => edit(d, HTML, (t) => t.replace(PRODUCTION_CSP, WIDE_OPEN_CSP)),
    /CSP_GLOBAL_CHECK dist\/renderer\/index\.html:5/,
  ],
  [
    'an eng-disable comment',
    (d) =>
      edit(d, 'electron/mainWindow.ts', (t) =>
        t.replace('sandbox: true,', 'sandbox: true, // eng-disable SANDBOX_JS_CHECK'),
      ),
    /ENG_DISABLE electron\/mainWindow\.ts:\d+/,
  ],
  ['the renderer not built', (d) => rm(path.join(d, HTML)), /NOT_BUILT dist\/renderer\/index\.html.*npm run build/],
  [
    'a documented false positive whose line moved',
    (d) => edit(d, 'electron/externalLinks.ts', (t) => `// a new first line\n${t}`),
    /stale false positive: OPEN_EXTERNAL_JS_CHECK electron\/externalLinks\.ts:10/,
  ],
];

let root: string;
let results: Map<string, { code: number; output: string }>;

/** A copy of what the gate scans: the electron/ sources and the built page (made from the template, as Vite does). */
async function copyApp(dir: string): Promise<void> {
  await cp(path.join(projectDir, 'electron'), path.join(dir, 'electron'), {
    recursive: true,
    filter: (from) => !/\.test\.[cm]?[jt]s$/.test(from),
  });
  const template = await readFile(path.join(projectDir, 'renderer', 'index.html'), 'utf8');
  await mkdir(path.join(dir, path.dirname(HTML)), { recursive: true });
  await writeFile(path.join(dir, HTML), template.replace('%CSP%', PRODUCTION_CSP));
}

async function gate(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [gateScript, '--project', dir], { cwd: projectDir });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rmo-gate-'));
  const cases: [string, Plant | null][] = [
    ['unchanged', null],
    ...variants.map(([name, plant]) => [name, plant] as [string, Plant]),
  ];
  const ran = await Promise.all(
    cases.map(async ([name, plant], i) => {
      const dir = path.join(root, String(i));
      await copyApp(dir);
      await plant?.(dir);
      return [name, await gate(dir)] as const;
    }),
  );
  results = new Map(ran);
}, 180_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the security gate', () => {
  it('passes the app as it is', () => {
    const result = results.get('unchanged');
    expect(result?.output).toMatch(/security gate: no blocking findings/);
    expect(result?.code).toBe(0);
  });

  it.each(variants)('fails on %s', (name, _plant, finding) => {
    const result = results.get(name);
    expect(result?.code).toBe(1);
    expect(result?.output).toMatch(finding);
  });
});
