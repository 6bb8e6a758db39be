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

const RING_NAME: Record<Ring, string> = {
  hardware: 'hardware',
  'ring-1': 'ring -1 (VMX root)',
  ring0: 'ring 0 (kernel)',
  ring3: 'ring 3 (user)',
};
const DOMAIN_NAME: Record<Domain, string> = {
  hardware: 'the machine',
  hypervisor: 'the hypervisor',
  host: 'host / parent',
  guest: 'guest',
};

export function contextName(ring: Ring, domain: Domain): string {
  if (ring === 'hardware') return 'hardware';
  if (ring === 'ring-1') return 'hypervisor, ring -1 (VMX root)';
  return `${DOMAIN_NAME[domain]} ${ring === 'ring0' ? 'kernel' : 'user space'}, ${RING_NAME[ring]}`;
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
