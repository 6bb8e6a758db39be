import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import type { Platform } from '../../platform/Platform';
import { DEFAULT_SETTINGS } from '../../platform/settings';
import { parsePresentation } from '../../model/presentation';
import { AppState } from './AppState.svelte';

const platform: Platform = {
  kind: 'browser',
  loadSettings: async () => ({ settings: { ...DEFAULT_SETTINGS }, problems: [] }),
  saveSettings: async (s) => s,
  openExternal: async () => false,
};
const lib = loadBuiltInLibrary();

describe('AppState: the presentation state round-trips', () => {
  it('a walkthrough at 2x, paused mid-path, with a selection, comes back as it was in a fresh app', () => {
    const a = new AppState(lib, platform);
    a.setMode('walkthrough');
    a.walkthrough.setPath('hyperv-emulated-ide-write');
    a.walkthrough.setSpeed(2);
    a.walkthrough.seek(7.5);
    a.select({ stackKey: 'main', componentId: 'vmwp1' });
    const p = a.presentation();
    expect(p).toMatchObject({ view: 'walkthrough', pathId: 'hyperv-emulated-ide-write', time: 7.5, speed: 2 });
    // It survives JSON (another window, a file) and the schema.
    const parsed = parsePresentation(JSON.parse(JSON.stringify(p)));
    expect(parsed.ok).toBe(true);
    const b = new AppState(lib, platform);
    expect(parsed.ok && b.restore(parsed.presentation)).toEqual([]);
    expect(b.presentation()).toEqual(p);
    expect(b.walkthrough.snapshot?.hopIndex).toBe(a.walkthrough.snapshot?.hopIndex);
  });

  it('a Lab with what-ifs and a crash comes back as it was', () => {
    const a = new AppState(lib, platform);
    a.setMode('lab');
    a.lab.setArchitecture('esx-3-classic');
    a.lab.setWhatIf('hardwareAssist', true);
    a.lab.setOption('pio', true);
    a.lab.crashed = 'vmx1';
    const p = a.presentation();
    const b = new AppState(lib, platform);
    expect(b.restore(p)).toEqual([]);
    expect(b.presentation()).toEqual(p);
    expect(b.lab.variant.notes.join(' ')).toContain('same 2006 Pentium 4');
    expect(b.lab.fault?.blast.scope).toBe('vms');
  });

  it('refuses a state that does not fit the library, saying where, and changes nothing', () => {
    const a = new AppState(lib, platform);
    const p = { ...a.presentation(), pathId: 'no-such-path', crashed: 'ghost' };
    const before = a.presentation();
    expect(a.restore(p)).toEqual([
      'pathId: unknown path "no-such-path"',
      'crashed: "ghost" is not a component of Hyper-V (Windows Server 2008)',
    ]);
    expect(a.presentation()).toEqual(before);
    expect(parsePresentation({ ...before, speed: 9 })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^speed: /)],
    });
  });
});
