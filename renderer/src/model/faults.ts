/**
 * Faults: what a crash of one component takes down (hypervisors.md §7). One rule, `blastRadius`, decides it; the
 * fault lab (`crashComponent`), the inspector's trusted-computing-base text and the scene's TCB outline all read it,
 * so they cannot disagree.
 *
 * The rule, by where the component runs (its layer's privilege context and column):
 * 1. Hardware, or the hypervisor's machine-wide layer (Hyper-V, vmkernel and its drivers, Xen, the KVM host kernel):
 *    the host goes down, and every VM with it. Except a device function assigned to one VM (`assignedTo`, an SR-IOV
 *    virtual function, in authors' files): the IOMMU confines its DMA to that VM, and a function-level reset of one VF
 *    must not affect the other VFs or the PF (Microsoft, "Resetting a Virtual Function"), and the guest's traffic fails
 *    over to the synthetic path (Microsoft, "SR-IOV VF Failover"): no VM goes down. The component's own sources back it.
 * 2. Kernel mode of the host / root partition / service console / dom0 (its kernel, vendor drivers, VMBus root, VSPs,
 *    backends, VID, a Type 2 host's drivers): that OS crashes, and with it the host and every VM, in the words of the
 *    architecture's `hostKernelCrash` (a root bugcheck, a purple screen, "Domain 0 crashed: rebooting machine").
 * 3. A management service (kind "management": vmms, libvirtd, the console's agents, xl): management only; running VMs
 *    continue.
 * 4. A per-VM part outside the guest (vmwp.exe, QEMU, VMApp, VMX, a VM's own monitor): the VMs that need it (the
 *    dependsOn graph, or the VM column it sits in). Nothing else.
 * 5. Guest kernel mode: its VM. Guest or host user space that no VM needs (applications): only itself.
 * Driver isolation from VMs (driver domains, stub domains) is not part of any built-in architecture; none of them
 * would survive a kernel-mode driver crash in its root, console or dom0.
 */
import { columnById, columnOf, componentById, contextOf, vmColumns } from './architecture';
import type { Architecture, BlastRadius, Component, FaultResult } from './types';

/** Components that fail because something they depend on failed (breadth first), with the cause of each. */
function dependents(arch: Architecture, id: string): { order: string[]; cause: Map<string, string> } {
  const cause = new Map<string, string>();
  const order = [id];
  const failed = new Set([id]);
  for (let i = 0; i < order.length; i++) {
    const down = order[i] as string;
    for (const c of arch.components) {
      if (failed.has(c.id) || !c.dependsOn.includes(down)) continue;
      failed.add(c.id);
      cause.set(c.id, down);
      order.push(c.id);
    }
  }
  return { order, cause };
}

const isVmColumn = (arch: Architecture, col: string | undefined) =>
  col !== undefined && (columnById(arch, col)?.vm ?? false);

/** What a crash of the component takes down, and why. Throws for an unknown component. */
export function blastRadius(arch: Architecture, componentId: string): BlastRadius {
  const c = componentById(arch, componentId);
  if (!c) throw new Error(`architecture "${arch.id}" has no component "${componentId}"`);
  const ctx = contextOf(arch, c.id);
  const own = columnOf(arch, c.id);
  // A layer in the "shared" column spans the machine like a layer without a column.
  const col = own !== undefined && columnById(arch, own)?.role === 'shared' ? undefined : own;
  const all = vmColumns(arch).map((v) => v.id);
  const kernelMode = ctx.ring === 'ring0' || ctx.ring === 'ring-1';

  if (ctx.ring === 'hardware' && c.assignedTo !== undefined && isVmColumn(arch, c.assignedTo)) {
    const vm = vmName(arch, c.assignedTo);
    return {
      scope: 'self',
      vms: [],
      reason: `${c.name} is a device function assigned to ${vm}: the IOMMU confines its DMA to ${vm}'s memory, and the root resets it alone (a function-level reset of one VF must not affect the other functions of the adapter). Its failure takes no VM down: ${vm} loses the device, and its traffic fails over to the synthetic path.`,
      sources: c.sources,
      mark: 'secondary',
    };
  }
  if (ctx.ring === 'hardware' || (ctx.domain === 'hypervisor' && col === undefined)) {
    const what = ctx.ring === 'hardware' ? 'hardware' : 'the hypervisor’s own code';
    const esx = arch.driverModel === 'monolithic' ? ' (ESX: a purple diagnostic screen)' : '';
    return {
      scope: 'host',
      vms: all,
      reason: `${c.name} is ${what}, under every VM: its crash takes the host down${esx}, and every VM with it.`,
      sources: arch.driverModel === 'monolithic' ? ['E17'] : [],
      mark: arch.driverModel === 'monolithic' ? 'confirmed' : 'secondary',
    };
  }
  if (ctx.domain === 'host' && kernelMode) {
    const k = arch.hostKernelCrash;
    return {
      scope: 'host',
      vms: all,
      reason: `${c.name} runs in kernel mode of the ${layerOwner(arch, c)}: its crash is a crash of that kernel. ${
        k?.effect ?? 'The host OS goes down, and every VM with it.'
      }`,
      sources: k?.sources ?? [],
      mark: k?.mark ?? 'secondary',
    };
  }
  if (c.kind === 'management' && ctx.domain !== 'guest') {
    return {
      scope: 'management',
      vms: [],
      reason: `${c.name} manages VMs but is not on their path: running VMs continue; creating, configuring or migrating VMs is unavailable until it restarts.`,
      sources: [],
      mark: 'secondary',
    };
  }
  if (ctx.domain === 'guest') {
    if (kernelMode && col !== undefined)
      return {
        scope: 'vms',
        vms: [col],
        reason: `${c.name} runs in ${vmName(arch, col)}'s kernel: a crash there takes that VM down, and only that VM.`,
        sources: [],
        mark: 'secondary',
      };
    return selfOnly(c);
  }
  // Outside the guests, not kernel mode of the host, not management: a per-VM part (vmwp.exe, QEMU, VMApp, VMX, monitor).
  const { order } = dependents(arch, c.id);
  const vms = new Set<string>();
  if (isVmColumn(arch, col)) vms.add(col as string);
  for (const id of order) {
    const dc = columnOf(arch, id);
    if (isVmColumn(arch, dc) && contextOf(arch, id).ring !== 'ring3') vms.add(dc as string);
  }
  if (vms.size === 0) return selfOnly(c);
  const names = [...vms].map((v) => vmName(arch, v)).join(', ');
  return {
    scope: 'vms',
    vms: all.filter((v) => vms.has(v)),
    reason: `${c.name} is a per-VM part outside the guest: its crash takes down ${names}, and no other VM.`,
    sources: ['H2', 'K1'],
    mark: 'secondary',
  };
}

function selfOnly(c: Component): BlastRadius {
  return {
    scope: 'self',
    vms: [],
    reason: `${c.name} is a user-space program: its crash ends that process, and no VM depends on it.`,
    sources: [],
    mark: 'secondary',
  };
}

function vmName(arch: Architecture, col: string): string {
  return columnById(arch, col)?.name ?? col;
}

/** e.g. "root partition (Windows Server 2008)", from the column the component's layer belongs to. */
function layerOwner(arch: Architecture, c: Component): string {
  const col = columnOf(arch, c.id);
  return col ? (columnById(arch, col)?.name ?? 'host') : 'host OS';
}

/** In the trusted computing base of every VM: its crash (or compromise) reaches every VM on the machine. */
export function inTrustedBase(arch: Architecture, componentId: string): boolean {
  return blastRadius(arch, componentId).scope === 'host';
}

/** Components whose crash takes every VM down: the trusted computing base of every VM. */
export function trustedComputingBase(arch: Architecture): Component[] {
  return arch.components.filter((c) => inTrustedBase(arch, c.id));
}

/** The inspector's words for the TCB, from the same rule as the fault lab. */
export function trustedBaseText(arch: Architecture, componentId: string): string {
  const b = blastRadius(arch, componentId);
  const ctx = contextOf(arch, componentId);
  switch (b.scope) {
    case 'host':
      return `Yes, of every VM: ${b.reason}`;
    case 'vms': {
      const names = b.vms.map((v) => vmName(arch, v)).join(', ');
      const outside =
        ctx.domain !== 'guest'
          ? ' It runs outside the guest with the host’s privileges, so a guest that takes it over has a foothold on the host.'
          : '';
      return `Only of ${names}: a crash takes down ${names}; the other VMs run on.${outside}`;
    }
    case 'management':
      return `No: ${b.reason}`;
    case 'self':
      return `No: ${b.reason}`;
  }
}

/** Crashes one component: what goes down (by `blastRadius`), which components fail with it, which VMs survive. */
export function crashComponent(arch: Architecture, componentId: string): FaultResult {
  const blast = blastRadius(arch, componentId);
  const crashed = componentById(arch, componentId) as Component;
  const name = (id: string) => componentById(arch, id)?.name ?? id;
  const { order, cause } = dependents(arch, crashed.id);
  const chain = (id: string): string => {
    const parts: string[] = [];
    let cur = cause.get(id);
    while (cur !== undefined) {
      parts.push(cur === crashed.id ? `${name(cur)}, which crashed` : name(cur));
      cur = cause.get(cur);
    }
    return parts.join(', which depends on ');
  };
  const reasonOf = (id: string) => (id === crashed.id ? `${name(id)} crashed` : `${name(id)} depends on ${chain(id)}`);
  const down = new Set(blast.vms);
  const host = blast.scope === 'host';
  const failedVms = vmColumns(arch)
    .filter((v) => down.has(v.id))
    .map((v) => ({
      column: v.id,
      reason: host ? `${v.name} goes down with the host.` : `${v.name} goes down: ${blast.reason}`,
    }));
  const survivingVms = vmColumns(arch)
    .filter((v) => !down.has(v.id))
    .map((v) => v.id);
  // Components inside surviving VMs do not fail through the dependency graph: the rule decides which VMs go down.
  const failed = order
    .filter((id) => {
      const col = columnOf(arch, id);
      return !(isVmColumn(arch, col) && !down.has(col as string));
    })
    .map((id) => ({ id, reason: reasonOf(id) }));
  // When the host goes down, everything on it goes down, whatever the dependency graph says.
  if (host)
    for (const c of arch.components)
      if (!order.includes(c.id)) failed.push({ id: c.id, reason: `${c.name} goes down with the host` });
  return { crashed: crashed.id, blast, failed, failedVms, survivingVms };
}
