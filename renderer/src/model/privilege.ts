/**
 * Names of privilege levels, true to the CPU of the release drawn (hypervisors.md §3 path E step 5, §8). With VT-x the
 * hypervisor runs in VMX root mode ("ring -1"); without it (binary translation) there is no VMX root: a hosted VMM runs
 * at ring 0 in its own world beside the host kernel, and guest kernels run deprivileged. ESX 3.x chose BT or VT-x per
 * guest, so its names say both. One place for these texts: the band labels, the inspector, the component list and
 * the path checker's messages all come from here.
 */
import type { Architecture, Domain, PrivilegeContext, Ring } from './types';

/** What the names depend on: the kind of architecture, its CPU support and which levels its layers use. */
export type PrivilegeSubject = Pick<Architecture, 'type' | 'cpu' | 'layers'>;

const hasLayerAt = (a: PrivilegeSubject, ring: Ring): boolean => a.layers.some((l) => l.context.ring === ring);

/**
 * Under binary translation, layers at `ring0` are the real ring 0 only when nothing is drawn below them as the
 * hypervisor (a hosted VMM and its host kernel); above a hypervisor layer they are deprivileged kernels.
 */
function ring0IsReal(a: PrivilegeSubject): boolean {
  return a.cpu.mode === 'vt' || !hasLayerAt(a, 'ring-1');
}

/** Short name of a level, e.g. "ring -1 (VMX root)" with VT-x, "ring 0" for a hosted VMM on a CPU without it. */
export function ringName(a: PrivilegeSubject, ring: Ring): string {
  switch (ring) {
    case 'hardware':
      return 'hardware';
    case 'ring-1':
      if (a.cpu.mode === 'vt') return 'ring -1 (VMX root)';
      return a.cpu.switchable
        ? 'most privileged: ring 0 under binary translation, root mode when VT-x is used'
        : 'ring 0, most privileged (this CPU has no VT-x)';
    case 'ring0':
      return ring0IsReal(a) ? 'ring 0' : 'deprivileged: less privileged than the hypervisor';
    case 'deprivileged':
      return 'deprivileged by the VMM (binary translation), not the real ring 0';
    case 'ring3':
      return 'ring 3';
  }
}

/** Band label text; " — " separates its lines, e.g. "ring 3 — user". */
export function bandName(a: PrivilegeSubject, ring: Ring): string {
  const vt = a.cpu.mode === 'vt';
  switch (ring) {
    case 'hardware':
      return 'hardware';
    case 'ring-1':
      if (vt) return 'ring -1 — hypervisor';
      return a.cpu.switchable ? 'most privileged — ring 0 under BT, — root mode under VT-x' : 'ring 0 — hypervisor';
    case 'ring0': {
      if (!ring0IsReal(a)) return 'kernels — deprivileged';
      const worlds = a.layers.some((l) => l.context.ring === 'ring0' && l.context.domain === 'hypervisor');
      return a.type === 'type2' && worlds ? 'ring 0 — host kernel — and VMM world' : 'ring 0 — kernel';
    }
    case 'deprivileged':
      return 'guest kernel — deprivileged — (BT)';
    case 'ring3':
      return 'ring 3 — user';
  }
}

function who(a: PrivilegeSubject, ring: Ring, domain: Domain): string {
  const hosted = a.type === 'type2';
  const user = ring === 'ring3';
  switch (domain) {
    case 'hardware':
      return 'hardware';
    case 'hypervisor':
      if (user) return 'hypervisor user world';
      return hosted ? 'VMM world' : 'hypervisor';
    case 'host':
      if (hosted) return user ? 'host user space' : 'host kernel';
      return user ? 'host / parent user space' : 'host / parent kernel';
    case 'guest':
      return user ? 'guest user space' : 'guest kernel';
  }
}

/** Short form for messages, e.g. "hypervisor, ring -1 (VMX root)", "VMM world, ring 0". */
export function privilegeShort(a: PrivilegeSubject, ctx: PrivilegeContext): string {
  if (ctx.ring === 'hardware' || ctx.domain === 'hardware') return 'hardware';
  return `${who(a, ctx.ring, ctx.domain)}, ${ringName(a, ctx.ring)}`;
}

/** Where a layer runs, for the inspector and the component list, e.g. "VMM world, ring 0 (its own world ...)". */
export function privilegeName(a: PrivilegeSubject, ctx: PrivilegeContext): string {
  if (ctx.ring === 'hardware' || ctx.domain === 'hardware') return 'hardware';
  const name = privilegeShort(a, ctx);
  if (a.type === 'type2' && ctx.domain === 'hypervisor' && ctx.ring !== 'ring3')
    return `${name}: a world of its own beside the host kernel, entered by a world switch`;
  if (a.type === 'type2' && ctx.domain === 'host' && ctx.ring === 'ring0') return `${name}: owns the machine`;
  return name;
}
