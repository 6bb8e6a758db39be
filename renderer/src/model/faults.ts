/**
 * Fault injection: crash one component and follow the dependsOn graph.
 * Rules: a component fails when a component it depends on fails (transitively); a crash of a machine-wide hardware
 * or hypervisor component takes every VM down; a VM fails when a component in its column at kernel level (ring 0 or
 * ring -1) fails. A crashed guest application fails alone: its process dies, its VM survives.
 */
import { columnOf, componentById, contextOf, vmColumns } from './architecture';
import type { Architecture, Component, FaultResult } from './types';

export function crashComponent(arch: Architecture, componentId: string): FaultResult {
  const crashed = componentById(arch, componentId);
  if (!crashed) throw new Error(`architecture "${arch.id}" has no component "${componentId}"`);
  const name = (id: string) => componentById(arch, id)?.name ?? id;

  // Breadth-first over reverse dependencies: cause.get(x) = the failed component x depends on.
  const cause = new Map<string, string>();
  const order: string[] = [crashed.id];
  const failed = new Set([crashed.id]);
  for (let i = 0; i < order.length; i++) {
    const down = order[i] as string;
    for (const c of arch.components) {
      if (failed.has(c.id) || !c.dependsOn.includes(down)) continue;
      failed.add(c.id);
      cause.set(c.id, down);
      order.push(c.id);
    }
  }
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

  const ctx = contextOf(arch, crashed.id);
  const machineWide =
    columnOf(arch, crashed.id) === undefined && (ctx.ring === 'hardware' || ctx.domain === 'hypervisor');
  const failedVms: FaultResult['failedVms'] = [];
  const survivingVms: string[] = [];
  for (const vm of vmColumns(arch)) {
    if (machineWide) {
      failedVms.push({
        column: vm.id,
        reason: `${name(crashed.id)} runs under every VM (${ctx.ring === 'hardware' ? 'hardware' : 'hypervisor'}): ${vm.name} goes down with it`,
      });
      continue;
    }
    const hit = order.find((id) => columnOf(arch, id) === vm.id && contextOf(arch, id).ring !== 'ring3');
    if (hit) failedVms.push({ column: vm.id, reason: `${vm.name} fails: ${reasonOf(hit)}` });
    else survivingVms.push(vm.id);
  }
  return {
    crashed: crashed.id,
    failed: order.map((id) => ({ id, reason: reasonOf(id) })),
    failedVms,
    survivingVms,
  };
}

/** Components whose compromise or crash can affect every VM. */
export function trustedComputingBase(arch: Architecture): Component[] {
  return arch.components.filter((c) => c.tcb);
}
