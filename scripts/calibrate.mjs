#!/usr/bin/env node
// npm run calibrate: the model's numbers beside the published figures (assets/scenarios/core/figures.json).
// Prints a Markdown table (figure, source, published, model, ratio, tolerance, pass) and exits 1 when a check fails.
// Loads the built-in content from disk through the same parser and cross-checks as the app (tsx runs the TypeScript).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenarios = join(root, 'assets/scenarios');
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'schema' ? [] : files(full);
    return name.endsWith('.json') ? [full] : [];
  });

const unregister = register();
try {
  const { parseScenarioFile, formatContentError } = await import('../renderer/src/model/parseScenario.ts');
  const { buildLibrary } = await import('../renderer/src/model/buildLibrary.ts');
  const { calibrate, calibrationTable } = await import('../renderer/src/model/calibration.ts');
  const parsed = [];
  const names = [];
  const errors = [];
  for (const file of files(scenarios).sort()) {
    const name = relative(scenarios, file);
    const r = parseScenarioFile(JSON.parse(readFileSync(file, 'utf8')), name);
    if (r.ok) {
      parsed.push(r.file);
      names.push(name);
    } else errors.push(...r.errors);
  }
  const { library, errors: crossErrors } = buildLibrary(parsed, names);
  errors.push(...crossErrors);
  if (errors.length > 0) {
    console.error(`calibrate: the built-in content is invalid:\n${errors.map(formatContentError).join('\n')}`);
    process.exitCode = 1;
  } else {
    const rows = calibrate(library);
    console.log(calibrationTable(rows));
    const failed = rows.filter((r) => r.pass === false);
    const checked = rows.filter((r) => r.pass !== null).length;
    console.log(
      `\n${checked} figures checked, ${checked - failed.length} within tolerance; ${rows.length - checked} listed with the reason the model cannot reproduce them.`,
    );
    if (failed.length > 0) {
      console.error(`calibrate: out of tolerance: ${failed.map((r) => `${r.name} (${r.figure})`).join('; ')}`);
      process.exitCode = 1;
    }
  }
} finally {
  await unregister();
}
