/**
 * The layer matrix of eslint.config.js, tested by planting one violation of each kind in a temporary file inside the
 * real folders and expecting ESLint to fail on it (and a permitted import to pass).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const planted: string[] = [];
const eslint = new ESLint({ cwd: ROOT });

async function lint(relPath: string, code: string): Promise<string[]> {
  const file = join(ROOT, relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  planted.push(file);
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the parser, the plugins and the TypeScript resolver: seconds on a busy machine. Done once here
// with room to spare, so that no single case times out for it.
beforeAll(() => lint('renderer/src/model/zzPlantedWarmUp.ts', 'export const x = 1;\n'), 120_000);

afterAll(() => {
  for (const f of planted) rmSync(f, { force: true });
  rmSync(join(ROOT, 'renderer/src/model/zz-planted'), { recursive: true, force: true });
});

const CASES: [string, string, string, RegExp][] = [
  [
    'model imports scene',
    'renderer/src/model/zzPlanted1.ts',
    "import { StackScene } from '../scene/StackScene';\nexport const x = StackScene;\n",
    /boundaries\/dependencies/,
  ],
  [
    'a bare ../../scene from a nested model folder',
    'renderer/src/model/zz-planted/deep.ts',
    "import * as scene from '../../scene';\nexport const x = scene;\n",
    /boundaries\/dependencies/,
  ],
  [
    'scene imports ui',
    'renderer/src/scene/zzPlanted2.ts',
    "import { MODES } from '../ui/state/AppState.svelte';\nexport const x = MODES;\n",
    /boundaries\/dependencies/,
  ],
  [
    'platform imports scene',
    'renderer/src/platform/zzPlanted3.ts',
    "import { KIND_STYLE } from '../scene/palette';\nexport const x = KIND_STYLE;\n",
    /boundaries\/dependencies/,
  ],
  [
    'electron imports the renderer',
    'electron/zzPlanted4.ts',
    "import { MECHANISMS } from '../renderer/src/model/schema';\nexport const x = MECHANISMS;\n",
    /boundaries\/dependencies/,
  ],
  [
    'the renderer imports a value from electron/',
    'renderer/src/ui/zzPlanted5.ts',
    "import { buildMenuTemplate } from '../../../electron/menu';\nexport const x = buildMenuTemplate;\n",
    /boundaries\/dependencies|no-restricted-imports/,
  ],
  [
    'the model reaches the DOM through globalThis',
    'renderer/src/model/zzPlanted6.ts',
    'export const x = globalThis.document;\n',
    /no-restricted-properties/,
  ],
  [
    'the renderer imports Electron',
    'renderer/src/platform/zzPlanted7.ts',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    /no-restricted-imports/,
  ],
  [
    'scripts import the ui',
    'scripts/zzPlanted8.ts',
    "import { MODES } from '../renderer/src/ui/state/AppState.svelte';\nexport const x = MODES;\n",
    /boundaries\/dependencies/,
  ],
  [
    'a platform file other than the schema bridges imports a value from the progress schema',
    'renderer/src/platform/zzPlanted10.ts',
    "import { progressSchema } from '../../../electron/ipc/progress';\nexport const x = progressSchema;\n",
    /no-restricted-imports/,
  ],
  [
    'e2e imports the model',
    'e2e/zzPlanted9.ts',
    "import { MECHANISMS } from '../renderer/src/model/schema';\nexport const x = MECHANISMS;\n",
    /boundaries\/dependencies/,
  ],
  [
    'the model imports the theme colour table',
    'renderer/src/model/zzPlanted10.ts',
    "import { THEME_COLORS } from '../../../electron/ipc/themeColors';\nexport const x = THEME_COLORS;\n",
    /boundaries\/dependencies/,
  ],
  [
    'the scene imports the settings schema (only the theme colour table is open to it)',
    'renderer/src/scene/zzPlanted11.ts',
    "import { THEMES } from '../../../electron/ipc/settings';\nexport const x = THEMES;\n",
    /boundaries\/dependencies|no-restricted-imports/,
  ],
];

// The first lint loads the config, its plugins and the TypeScript resolver: seconds on a busy machine, not a hang.
describe('layer boundaries (eslint.config.js)', { timeout: 60_000 }, () => {
  it.each(CASES)('rejects: %s', async (_name, file, code, rule) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toMatch(rule);
  });

  it('accepts what the matrix allows: scene imports the model and the theme colours, ui a type from electron/', async () => {
    expect(
      await lint(
        'renderer/src/scene/zzPlantedOk.ts',
        "import { MECHANISMS } from '../model/schema';\nexport const x = MECHANISMS;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'renderer/src/scene/zzPlantedOk2.ts',
        "import { THEME_COLORS } from '../../../electron/ipc/themeColors';\nexport const x = THEME_COLORS;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'renderer/src/ui/zzPlantedOk.ts',
        "import type { Settings } from '../../../electron/ipc/settings';\nexport type X = Settings;\n",
      ),
    ).toEqual([]);
  });
});
