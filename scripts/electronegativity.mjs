// Runs Doyensec's electronegativity over the main-process and preload sources and fails (exit 1) on any finding of
// severity MEDIUM or above that is not a documented false positive below. (The electronegativity CLI always exits 0.)
//
// What is scanned: electron/**/*.ts without tests (copied to .electronegativity/src/, so test fakes cannot add noise),
// plus the built renderer's index.html when it exists (it carries the CSP meta tag). The TypeScript sources are more
// useful than dist-electron/: the bundle hides the navigation and permission handlers from the global checks.
// Reports: .electronegativity/report.sarif (for editors and CI) and .electronegativity/findings.json (with severities,
// which the SARIF writer drops). Usage: node scripts/electronegativity.mjs
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workDir = path.join(projectDir, '.electronegativity');
const stageDir = path.join(workDir, 'src');

/**
 * Documented false positives. Each entry must name the check, the one file it applies to, and why it is safe.
 * Anything not listed here fails the run.
 */
export const FALSE_POSITIVES = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/externalLinks.ts',
    reason:
      'The check asks for manual review of every shell.openExternal call whose argument is not a string literal. ' +
      'Our single call opens only URLs that pass isSafeExternalUrl (http/https with a host, no credentials); ' +
      'javascript:, file:, data: and custom schemes are refused (electron/externalLinks.test.ts, security.test.ts).',
  },
];

async function stageSources() {
  await rm(stageDir, { recursive: true, force: true });
  const electronDir = path.join(projectDir, 'electron');
  const entries = await readdir(electronDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(stageDir, path.relative(projectDir, from));
    await mkdir(path.dirname(to), { recursive: true });
    await cp(from, to);
  }
  const html = path.join(projectDir, 'dist', 'renderer', 'index.html');
  try {
    await cp(html, path.join(stageDir, 'dist', 'renderer', 'index.html'));
  } catch {
    // Not built yet: the CSP is then checked only as the header main.ts sets.
  }
}

function runScan(run, electronVersion) {
  return run({
    input: stageDir,
    output: path.join(workDir, 'report.sarif'),
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  });
}

function isFalsePositive(issue) {
  return FALSE_POSITIVES.some((fp) => fp.check === issue.id && fp.file === issue.file);
}

async function main() {
  await stageSources();
  const run = require('@doyensec/electronegativity');
  const { severity } = require('@doyensec/electronegativity/dist/finder/attributes.js');
  const electronVersion = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')).version;

  let result;
  try {
    result = await runScan(run, electronVersion);
  } finally {
    // The staged copies would otherwise be picked up by `eslint .`; only the reports stay.
    await rm(stageDir, { recursive: true, force: true });
  }

  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    severityValue: issue.severity.value,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    description: issue.description,
    falsePositive: isFalsePositive(issue),
  }));
  await writeFile(path.join(workDir, 'findings.json'), `${JSON.stringify(findings, null, 2)}\n`);

  const unparsed = result.errors.filter((error) => !error.tolerable);
  const blocking = findings.filter((f) => f.severityValue >= severity.MEDIUM.value && !f.falsePositive);
  const show = (f) => `  ${f.severity} ${f.check} ${f.file}:${f.line}:${f.column} — ${f.description}`;

  for (const f of findings.filter((f) => f.severityValue < severity.MEDIUM.value)) console.log(`note:${show(f)}`);
  for (const f of findings.filter((f) => f.falsePositive))
    console.log(`accepted (documented false positive):${show(f)}`);
  for (const error of unparsed) console.error(`electronegativity could not parse ${error.file}: ${error.message}`);

  if (blocking.length > 0 || unparsed.length > 0) {
    if (blocking.length > 0) console.error(`electronegativity: ${blocking.length} finding(s) at MEDIUM or above:`);
    for (const f of blocking) console.error(show(f));
    process.exit(1);
  }
  console.log(
    `electronegativity: no findings at MEDIUM or above (${result.globalChecks + result.atomicChecks} checks, ` +
      `electron ${electronVersion}); report in .electronegativity/`,
  );
}

main().catch((error) => {
  console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
