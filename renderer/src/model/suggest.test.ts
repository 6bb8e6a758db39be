import { describe, expect, it } from 'vitest';
import { closestId, didYouMean } from './suggest';

describe('didYouMean', () => {
  const components = ['storvsp', 'storvsc', 'vmbus-root', 'hypervisor', 'vid'];

  it('suggests the closest id for a typo', () => {
    expect(didYouMean('storvsp2', components)).toBe('; did you mean "storvsp"?');
    expect(didYouMean('hypervisr', components)).toBe('; did you mean "hypervisor"?');
    expect(didYouMean('strat', ['start', 'path'])).toBe('; did you mean "start"?');
    expect(closestId('VMBUS-ROOT', components)).toBe('vmbus-root');
  });

  it('suggests nothing when nothing is close, or the id is very short', () => {
    expect(didYouMean('netvsc-ethernet', components)).toBe('');
    expect(didYouMean('xy', ['xz'])).toBe('');
    expect(didYouMean('ghost', ['hostk', 'dev'])).toBe('');
    expect(didYouMean('vmx', ['vid'])).toBe('');
    expect(didYouMean('anything', [])).toBe('');
  });

  it('never suggests the id itself', () => {
    expect(closestId('vid', ['vid'])).toBeUndefined();
  });
});
