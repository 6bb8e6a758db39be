import { describe, expect, it } from 'vitest';
import { ClickerKeys } from './clickerKeys';

describe('ClickerKeys', () => {
  it('reads a clicker: next, previous, blackout', () => {
    const k = new ClickerKeys();
    for (const key of ['PageDown', 'ArrowRight', ' ']) expect(k.read(key)).toEqual({ type: 'next' });
    for (const key of ['PageUp', 'ArrowLeft']) expect(k.read(key)).toEqual({ type: 'prev' });
    for (const key of ['b', 'B', '.']) expect(k.read(key)).toEqual({ type: 'blackout' });
    expect(k.read('Escape')).toEqual({ type: 'escape' });
    expect(k.read('?')).toEqual({ type: 'help' });
    expect(k.read('S')).toEqual({ type: 'swap' });
    expect(k.read('x')).toBeNull();
  });

  it('jumps to a typed step number on Enter (numbers from 1), and forgets it after any other key', () => {
    const k = new ClickerKeys();
    expect(k.read('1')).toEqual({ type: 'digits', typed: '1' });
    expect(k.read('2')).toEqual({ type: 'digits', typed: '12' });
    expect(k.read('Shift')).toBeNull();
    expect(k.pending).toBe('12');
    expect(k.read('Enter')).toEqual({ type: 'goto', index: 11 });
    expect(k.pending).toBe('');
    k.read('4');
    expect(k.read('Escape')).toEqual({ type: 'escape' });
    expect(k.read('Enter')).toBeNull();
    k.read('0');
    expect(k.read('Enter')).toBeNull();
    for (const d of '1234') k.read(d);
    expect(k.read('Enter')).toEqual({ type: 'goto', index: 3 });
  });
});
