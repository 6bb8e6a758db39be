import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { checkPresentation, fitPresentation, type Presentation } from './presentation';

const lib = loadBuiltInLibrary();
const defaults = {
  architectureId: 'hyperv-2008',
  pathId: 'hyperv-synthetic-disk-write',
  compare: { left: 'hyperv-synthetic-disk-write', right: 'hyperv-emulated-ide-write' },
};
const lab: Presentation = {
  version: 1,
  view: 'lab',
  architectureId: 'hyperv-2008',
  pathId: 'hyperv-emulated-ide-write',
  compare: { left: 'hyperv-emulated-ide-write', right: 'hyperv-synthetic-disk-write' },
  time: 3.5,
  playing: true,
  speed: 2,
  whatIfs: { batchSize: 4, batching: true, options: [] },
  crashed: 'storvsp',
  showPlayer: true,
  selection: { stackKey: 'main', componentId: 'storvsp' },
  claim: null,
  camera: 'side',
  spotlight: ['storvsp', 'vmbus-root'],
  blackout: false,
};

describe('fitPresentation: the same presentation on another library', () => {
  it('keeps everything the library still has', () => {
    expect(checkPresentation(lib, lab)).toEqual([]);
    expect(fitPresentation(lib, lab, defaults)).toEqual({ presentation: lab, dropped: [] });
  });

  it('falls back for what is gone, with what hung on it, and names each thing once', () => {
    const paths = new Map(lib.paths);
    paths.delete('hyperv-emulated-ide-write');
    const { presentation, dropped } = fitPresentation({ ...lib, paths }, lab, defaults);
    expect(dropped).toEqual(['path "hyperv-emulated-ide-write"']);
    expect(presentation).toMatchObject({
      pathId: 'hyperv-synthetic-disk-write',
      compare: { left: defaults.compare.left, right: 'hyperv-synthetic-disk-write' },
      time: 0,
      playing: false,
      selection: null,
      crashed: 'storvsp',
      camera: 'side',
    });
    expect(checkPresentation({ ...lib, paths }, presentation)).toEqual([]);

    const architectures = new Map(lib.architectures);
    architectures.delete('hyperv-2008');
    const gone = fitPresentation(
      { ...lib, architectures },
      { ...lab, architectureId: 'hyperv-2008' },
      {
        ...defaults,
        architectureId: 'esx-3-classic',
      },
    );
    expect(gone.dropped).toEqual(['architecture "hyperv-2008"', 'crashed component "storvsp"']);
    expect(gone.presentation).toMatchObject({
      architectureId: 'esx-3-classic',
      crashed: null,
      spotlight: [],
      selection: null,
    });
  });
});
