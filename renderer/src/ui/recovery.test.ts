import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model/builtin';
import { Stage } from '../stage/Stage';
import { MemoryStorage } from '../platform/testing/fakes';
import { PRESENTATION_KEY, keepPresentation, recoverPresentation } from './recovery';

const lib = loadBuiltInLibrary();

describe('crash recovery (renderer side)', () => {
  it('keeps the presentation as it changes and puts it back after a crash reload', async () => {
    const storage = new MemoryStorage();
    const a = new Stage(lib);
    const stop = keepPresentation(a, storage);
    a.setMode('walkthrough');
    a.walkthrough.setPath('hyperv-emulated-ide-write');
    a.walkthrough.seek(4);
    await new Promise((r) => setTimeout(r, 600));
    stop();
    expect(JSON.parse(storage.getItem(PRESENTATION_KEY)!)).toMatchObject({ view: 'walkthrough', time: 4 });

    const b = new Stage(lib);
    expect(recoverPresentation(b, '?recovered=crashed', storage)).toBe(
      'The window stopped unexpectedly (crashed) and was reloaded; you are back where you were.',
    );
    expect(b.presentation()).toEqual(a.presentation());
  });

  it('does nothing on a normal start, and starts fresh from a missing, damaged or unfitting saved place', () => {
    const storage = new MemoryStorage();
    const s = new Stage(lib);
    const before = s.presentation();
    expect(recoverPresentation(s, '', storage)).toBeNull();
    expect(recoverPresentation(s, '?recovered=oom', storage)).toMatch(/no saved place/);
    storage.setItem(PRESENTATION_KEY, '{"view":');
    expect(recoverPresentation(s, '?recovered=oom', storage)).toMatch(/could not be read/);
    storage.setItem(PRESENTATION_KEY, JSON.stringify({ ...before, pathId: 'gone' }));
    expect(recoverPresentation(s, '?recovered=oom', storage)).toMatch(/did not fit \(pathId: unknown path "gone"\)/);
    expect(s.presentation()).toEqual(before);
  });
});
