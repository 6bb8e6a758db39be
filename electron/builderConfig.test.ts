import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_NAME, PROJECT_DOCS_URL } from './appInfo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const ajv = new Ajv({ allowUnionTypes: true, strict: false, allErrors: true });
const validate = ajv.compile(schema);

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  linux: { target: string[]; icon: string; maintainer: string; description: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  extraMetadata: { homepage: string };
  extraResources: { from: string; to: string }[];
};
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

function errorsOf(candidate: unknown): string {
  return validate(candidate) ? '' : ajv.errorsText(validate.errors);
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's own JSON schema", () => {
    expect(errorsOf(config)).toBe('');
  });

  it('fails validation for a typo key or a wrong type (so the check above means something)', () => {
    expect(errorsOf({ ...config, produtName: 'x' })).toMatch(/additional properties/);
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).not.toBe('');
    expect(errorsOf({ ...config, asar: 'yes please' })).not.toBe('');
  });

  it('names the app as the code does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(APP_NAME);
    expect(config.extraMetadata.homepage).toBe(PROJECT_DOCS_URL);
    expect(config.directories).toMatchObject({ output: 'release' });
  });

  it('ships only the built app, in an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**/*', 'dist-electron/**/*', 'package.json']);
    expect(config.files).toContain('!node_modules/**');
  });

  it('ships the scenario JSON Schema beside the app, from the file `npm run schema` writes', () => {
    expect(config.extraResources).toContainEqual({
      from: 'assets/scenarios/schema/scenario.schema.json',
      to: 'scenario.schema.json',
    });
    for (const { from } of config.extraResources) expect(() => readFileSync(path.join(root, from)), from).not.toThrow();
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // The renderer is served from app://, not file:// (electron/protocol.ts).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage + deb, NSIS + portable, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux.description.length).toBeGreaterThan(10);
  });

  it('points at icon files that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, path.join(config.linux.icon, '512x512.png')]) {
      expect(() => readFileSync(path.join(root, icon)), icon).not.toThrow();
    }
  });
});

describe('the .rmo file association', () => {
  it('associates the app extension with a mime type, as the code reads it', async () => {
    const { SCENARIO_EXTENSION } = await import('./ipc/files');
    const associations = config.fileAssociations as { ext: string; mimeType: string; name: string }[];
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ ext: SCENARIO_EXTENSION, name: 'Ring Minus One scenario' });
    expect(associations[0]?.mimeType).toMatch(/^application\/x-[a-z-]+$/);
    expect(errorsOf({ ...config, fileAssociations: [{ ...associations[0], ext: 7 }] })).not.toBe('');
  });
});
