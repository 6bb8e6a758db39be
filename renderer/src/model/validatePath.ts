/**
 * Boundary rules: which mechanisms may carry a hop from one privilege context to another. A path is valid when every
 * hop names components of its architecture and crosses each boundary only by an allowed mechanism.
 *
 * The rules (from = source context, to = destination context):
 * - Nothing goes from a component to itself.
 * - A world switch exists only in a Type 2 (hosted) architecture, between the host and the VMM (hypervisor domain);
 *   conversely, in a Type 2 architecture the host kernel and the VMM are only connected by world switches.
 * - Hardware: a kernel or the hypervisor reaches a device by `call` (programming its registers), `signal` (a doorbell)
 *   or `dma`; a device reaches them by `interrupt` or `dma`. User space and guests never touch real hardware, with one
 *   exception: a device function assigned to a VM (`assignedTo`, e.g. an SR-IOV virtual function) is driven by that
 *   VM's kernel in the same way (its registers are mapped into the guest; its DMA is translated by the IOMMU), and
 *   reaches it by `dma` or a posted `interrupt`.
 * - Guest -> hypervisor: control passes only by `trap`, `vmexit` or `hypercall` (the guest's vCPU leaves VMX non-root
 *   mode; under binary translation, the deprivileged guest traps to the VMM). A `ring-write` is also allowed: it only leaves data in shared memory for the hypervisor to read later
 *   (vmxnet3, vhost), and moves no control.
 * - Hypervisor -> guest: `interrupt` (injection), `call` (resuming the vCPU: VM entry) or `ring-write` (a completion
 *   left in a shared ring).
 * - Guest <-> host (another partition): only through shared memory: `ring-write` or `copy`. One guest never reaches
 *   another guest directly.
 * - Host kernel -> hypervisor: `hypercall` (world switch in Type 2). Host user space -> hypervisor: `syscall` (e.g. the
 *   KVM_RUN ioctl; a VMX user world calling vmkernel).
 * - Hypervisor -> host kernel: `interrupt` or `signal` (e.g. a synthetic interrupt or intercept message to the root).
 *   Hypervisor -> host user space: `call` (return from the ioctl) or `signal`.
 * - User -> kernel inside one domain: `syscall`. Kernel -> user: `call` (the return) or `signal` (a wake-up).
 * - Same ring and domain: `call`, `ring-write`, `copy` or `signal`.
 * - `trap`, `vmexit` and `hypercall` are only ever used to enter the hypervisor; `interrupt` only comes from hardware
 *   or the hypervisor.
 */
import { columnOf, componentById, contextOf, describeContext } from './architecture';
import { EXIT_MECHANISMS } from './schema';
import type { Architecture, ContentError, Hop, IoPath, Mechanism, PrivilegeContext } from './types';
import { componentIds, didYouMean } from './suggest';

const KERNELISH = new Set(['ring0', 'ring-1', 'deprivileged']);

export interface BoundaryRule {
  allowed: Mechanism[];
  /** Why, in words, for error messages and the UI. */
  reason: string;
}

/** Which mechanisms may carry a hop between two components of an architecture. */
export function allowedMechanisms(arch: Architecture, fromId: string, toId: string): BoundaryRule {
  const a = contextOf(arch, fromId);
  const b = contextOf(arch, toId);
  const assigned = assignedRule(arch, fromId, toId, a, b);
  return assigned ?? rule(arch, a, b, columnOf(arch, fromId), columnOf(arch, toId));
}

/** The rule between a device function assigned to a VM and that VM's kernel, or undefined for any other pair. */
function assignedRule(
  arch: Architecture,
  fromId: string,
  toId: string,
  a: PrivilegeContext,
  b: PrivilegeContext,
): BoundaryRule | undefined {
  const toDevice = a.domain === 'guest';
  const [deviceId, guestId, guest] = toDevice ? [toId, fromId, a] : [fromId, toId, b];
  const column = componentById(arch, deviceId)?.assignedTo;
  if (column === undefined || guest.domain !== 'guest' || guest.ring !== 'ring0') return undefined;
  if (columnOf(arch, guestId) !== column) return undefined;
  return toDevice
    ? {
        allowed: ['call', 'signal', 'dma'],
        reason:
          'a VM’s kernel drives the device function assigned to it directly (its registers are mapped into the guest)',
      }
    : {
        allowed: ['interrupt', 'dma'],
        reason: 'a device function assigned to a VM reaches it by DMA through the IOMMU or by a posted interrupt',
      };
}

function rule(
  arch: Architecture,
  a: PrivilegeContext,
  b: PrivilegeContext,
  colA: string | undefined,
  colB: string | undefined,
): BoundaryRule {
  const hosted = arch.type === 'type2';
  const hostHv = (x: PrivilegeContext, y: PrivilegeContext) => x.domain === 'host' && y.domain === 'hypervisor';
  if (hosted && (hostHv(a, b) || hostHv(b, a))) {
    if (a.ring === 'ring3' || b.ring === 'ring3')
      return { allowed: [], reason: 'in a hosted VMM, user space reaches the VMM only through the host kernel driver' };
    return { allowed: ['world-switch'], reason: 'a hosted VMM and the host kernel are separate worlds' };
  }
  if (a.ring === 'hardware' || b.ring === 'hardware') {
    if (a.ring === 'hardware' && b.ring === 'hardware')
      return { allowed: [], reason: 'devices are not connected here' };
    const other = a.ring === 'hardware' ? b : a;
    if (other.domain === 'guest' || other.ring === 'ring3')
      return { allowed: [], reason: 'only a kernel or the hypervisor drives real hardware; a guest must trap first' };
    return a.ring === 'hardware'
      ? { allowed: ['interrupt', 'dma'], reason: 'a device reaches software by interrupt or DMA' }
      : {
          allowed: ['call', 'signal', 'dma'],
          reason: 'a driver programs a device, rings its doorbell, or sets up DMA',
        };
  }
  if (a.domain === 'guest' && b.domain === 'hypervisor')
    return {
      allowed: [...EXIT_MECHANISMS, 'ring-write'],
      reason:
        arch.cpu.mode === 'vt'
          ? 'a guest leaves VMX non-root mode only by a trap, VM exit or hypercall (a ring write only leaves data in shared memory)'
          : 'a deprivileged guest reaches the VMM only by a trap, VM exit or hypercall (a ring write only leaves data in shared memory)',
    };
  if (a.domain === 'hypervisor' && b.domain === 'guest')
    return {
      allowed: ['interrupt', 'call', 'ring-write'],
      reason:
        'the hypervisor enters a guest by injecting an interrupt or resuming the vCPU, or leaves data in a shared ring',
    };
  if (a.domain === 'guest' && b.domain === 'guest' && colA !== colB)
    return { allowed: [], reason: 'one guest never reaches another guest directly' };
  if ((a.domain === 'guest') !== (b.domain === 'guest'))
    return { allowed: ['ring-write', 'copy'], reason: 'partitions share only memory: a ring write or a copy' };
  if (a.domain === 'host' && b.domain === 'hypervisor')
    return a.ring === 'ring3'
      ? { allowed: ['syscall'], reason: 'host user space enters the hypervisor through a system call (ioctl)' }
      : { allowed: ['hypercall'], reason: 'a host kernel calls the hypervisor by hypercall' };
  if (a.domain === 'hypervisor' && b.domain === 'host')
    return b.ring === 'ring3'
      ? { allowed: ['call', 'signal'], reason: 'the hypervisor returns to or wakes a host process' }
      : { allowed: ['interrupt', 'signal'], reason: 'the hypervisor notifies a host kernel by interrupt or message' };
  // Same domain (host, hypervisor or one guest) from here on.
  if (a.ring === 'ring3' && KERNELISH.has(b.ring))
    return { allowed: ['syscall'], reason: 'user space enters its kernel only by a system call' };
  if (KERNELISH.has(a.ring) && b.ring === 'ring3')
    return { allowed: ['call', 'signal'], reason: 'a kernel returns to user space or wakes it' };
  return {
    allowed: ['call', 'ring-write', 'copy', 'signal'],
    reason: 'code in the same privilege context calls or shares memory',
  };
}

function hopError(path: IoPath, index: number, hop: Hop, field: string, message: string): ContentError {
  return {
    file: path.id,
    path: `hops[${index}]${field ? `.${field}` : ''}`,
    message: `hop ${index} "${hop.id}": ${message}`,
  };
}

/** Checks every hop of a path against its architecture. Errors name the hop by index and id. */
export function validatePath(arch: Architecture, path: IoPath): ContentError[] {
  const errors: ContentError[] = [];
  if (path.architecture !== arch.id)
    errors.push({
      file: path.id,
      path: 'architecture',
      message: `path "${path.id}" belongs to "${path.architecture}", not "${arch.id}"`,
    });
  const seen = new Set<string>();
  path.hops.forEach((hop, i) => {
    if (seen.has(hop.id)) errors.push(hopError(path, i, hop, 'id', `duplicate hop id "${hop.id}"`));
    seen.add(hop.id);
    const fromOk = componentById(arch, hop.from) !== undefined;
    const toOk = componentById(arch, hop.to) !== undefined;
    if (!fromOk)
      errors.push(
        hopError(
          path,
          i,
          hop,
          'from',
          `unknown component "${hop.from}" in "${arch.id}"${didYouMean(hop.from, componentIds(arch))}`,
        ),
      );
    if (!toOk)
      errors.push(
        hopError(
          path,
          i,
          hop,
          'to',
          `unknown component "${hop.to}" in "${arch.id}"${didYouMean(hop.to, componentIds(arch))}`,
        ),
      );
    if (!fromOk || !toOk) return;
    if (hop.from === hop.to) {
      errors.push(hopError(path, i, hop, 'to', `a hop must go to another component, not back to "${hop.from}"`));
      return;
    }
    let rule: BoundaryRule;
    try {
      rule = allowedMechanisms(arch, hop.from, hop.to);
    } catch (e) {
      errors.push(hopError(path, i, hop, '', (e as Error).message));
      return;
    }
    const { allowed, reason } = rule;
    if (!allowed.includes(hop.mechanism)) {
      const from = describeContext(contextOf(arch, hop.from), arch);
      const to = describeContext(contextOf(arch, hop.to), arch);
      const options = allowed.length ? `allowed: ${allowed.join(', ')}` : 'no mechanism can make this hop';
      errors.push(
        hopError(
          path,
          i,
          hop,
          'mechanism',
          `"${hop.mechanism}" cannot go from ${hop.from} [${from}] to ${hop.to} [${to}]: ${reason}; ${options}`,
        ),
      );
    }
  });
  return errors;
}
