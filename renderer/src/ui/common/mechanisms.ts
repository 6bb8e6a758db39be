import { privilegeName, type PrivilegeSubject } from '../../model/privilege';
import type { Mechanism, Payload, Ring, Domain, Counters } from '../../model/types';

/** How each mechanism is shown: a glyph (a second cue beside colour) and its name. */
export const MECHANISM_INFO: Record<Mechanism, { glyph: string; name: string }> = {
  call: { glyph: '→', name: 'call' },
  syscall: { glyph: '⇡', name: 'system call' },
  trap: { glyph: '⤓', name: 'trap' },
  vmexit: { glyph: '⇓', name: 'VM exit' },
  hypercall: { glyph: '⇊', name: 'hypercall' },
  'ring-write': { glyph: '◎', name: 'ring write' },
  signal: { glyph: '⚑', name: 'signal' },
  interrupt: { glyph: 'ϟ', name: 'interrupt' },
  dma: { glyph: '⇄', name: 'DMA' },
  'world-switch': { glyph: '⟲', name: 'world switch' },
  copy: { glyph: '⧉', name: 'copy' },
};

export const PAYLOAD_NAME: Record<Payload, string> = { command: 'a command', data: 'data', signal: 'a signal' };

/**
 * Where a layer runs, in words true to the architecture's CPU: "VMX root" and "ring -1" only with VT-x
 * (model/privilege.ts holds the names).
 */
export function contextName(arch: PrivilegeSubject, ring: Ring, domain: Domain): string {
  return privilegeName(arch, { ring, domain });
}

export const COUNTER_FIELDS: { key: keyof Counters; label: string; digits: number }[] = [
  { key: 'exits', label: 'VM exits', digits: 0 },
  { key: 'worldSwitches', label: 'World switches', digits: 0 },
  { key: 'interrupts', label: 'Interrupts', digits: 0 },
  { key: 'copies', label: 'Copies', digits: 0 },
  { key: 'cycles', label: 'Cycles', digits: 0 },
  { key: 'microseconds', label: 'µs', digits: 1 },
];

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/**
 * A count as people read it: thousands separated; a fraction that rounding would hide (0.125 exits per request when a
 * batch of 8 shares one signal) keeps two decimals instead of showing 0.
 */
export function formatNumber(value: number, digits = 0): string {
  if (digits > 0) return value.toFixed(digits);
  if (!Number.isInteger(value) && Math.abs(value) < 10) return value.toFixed(2).replace(/0$/, '');
  return numberFormat.format(Math.round(value));
}
