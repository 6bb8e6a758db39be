import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';

describe('loadBuiltInLibrary', () => {
  it('loads the Hyper-V architecture with paths A and B', () => {
    const lib = loadBuiltInLibrary();
    expect(lib.architectures.get('hyperv-2008')?.components.length).toBeGreaterThan(10);
    expect(lib.paths.get('hyperv-synthetic-disk-write')?.letter).toBe('A');
    expect(lib.paths.get('hyperv-emulated-ide-write')?.letter).toBe('B');
  });
});
