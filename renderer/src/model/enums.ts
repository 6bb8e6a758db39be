/**
 * The model's fixed lists (mechanisms, exits, privilege levels) as plain data, without zod: the schemas build their
 * enums from these (vocabulary.ts, schema.ts), and the 3D scene, which draws before the schemas are loaded
 * (renderer/src/firstFrame.ts, issue 11), imports them from here.
 */

/** How control or data crosses from one component to the next (the walkthrough's event kinds). */
export const MECHANISMS = [
  'call',
  'syscall',
  'trap',
  'vmexit',
  'hypercall',
  'ring-write',
  'signal',
  'interrupt',
  'dma',
  'world-switch',
  'copy',
] as const;

/** The mechanisms that leave a guest for the hypervisor (the exits the counters count); defined once. */
export const EXIT_MECHANISMS = [
  'trap',
  'vmexit',
  'hypercall',
] as const satisfies readonly (typeof MECHANISMS)[number][];

/**
 * Privilege levels, bottom to top. `deprivileged`: a guest kernel that a software VMM runs with less privilege than its
 * own (binary translation, no VT-x), above ring 0 and below ring 3 (model/privilege.ts names each level for the CPU).
 */
export const RINGS = ['hardware', 'ring-1', 'ring0', 'deprivileged', 'ring3'] as const;
