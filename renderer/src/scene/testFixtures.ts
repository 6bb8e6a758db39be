/** Small architectures, paths and snapshots for the scene's unit tests (independent of the built-in content). */
import type {
  Architecture,
  Column,
  Component,
  ComponentKind,
  Hop,
  IoPath,
  Layer,
  Mechanism,
  PlayerSnapshot,
  PrivilegeContext,
} from '../model/types';
import { zeroCounters } from '../model/cost';

const col = (id: string, name: string, role: Column['role']): Column => ({
  id,
  name,
  role,
  description: name,
  vm: role === 'guest',
});
const layer = (id: string, name: string, context: PrivilegeContext, column?: string): Layer =>
  column === undefined ? { id, name, context } : { id, name, context, column };
const comp = (id: string, name: string, layerId: string, kind: ComponentKind): Component => ({
  id,
  name,
  layer: layerId,
  kind,
  description: name,
  sources: [],
  mark: 'estimate',
  dependsOn: [],
});

/** A microkernelized Type 1 (Hyper-V-like): root partition with many kernel components, two guests. */
export function fixtureMicrokernel(): Architecture {
  return {
    id: 'fx-micro',
    name: 'Fixture microkernel',
    summary: 'Type 1, microkernelized',
    type: 'type1',
    driverModel: 'microkernelized',
    release: 'Fixture 1.0',
    year: 2010,
    cpu: { mode: 'vt', switchable: false, note: 'fixture', sources: [] },
    costEra: 'fixture',
    description: '',
    sources: [],
    columns: [
      col('shared', 'Machine', 'shared'),
      col('root', 'Root partition (Windows Server 2008)', 'host'),
      col('g1', 'Child VM 1 (Gen1)', 'guest'),
      col('g2', 'Child VM 2 (Gen2)', 'guest'),
    ],
    layers: [
      layer('hw', 'Hardware', { ring: 'hardware', domain: 'hardware' }),
      layer('hv', 'Hypervisor', { ring: 'ring-1', domain: 'hypervisor' }, 'shared'),
      layer('root-k', 'Root kernel', { ring: 'ring0', domain: 'host' }, 'root'),
      layer('root-u', 'Root user mode', { ring: 'ring3', domain: 'host' }, 'root'),
      layer('g1-k', 'Guest 1 kernel', { ring: 'ring0', domain: 'guest' }, 'g1'),
      layer('g1-u', 'Guest 1 user', { ring: 'ring3', domain: 'guest' }, 'g1'),
      layer('g2-k', 'Guest 2 kernel', { ring: 'ring0', domain: 'guest' }, 'g2'),
    ],
    components: [
      comp('cpu', 'CPU (VT-x)', 'hw', 'hardware'),
      comp('disk', 'Physical disk', 'hw', 'hardware'),
      comp('nic', 'Physical NIC', 'hw', 'hardware'),
      comp('hvk', 'Hyper-V hypervisor', 'hv', 'hypervisor'),
      comp('sched', 'Scheduler', 'hv', 'scheduler'),
      comp('storvsp', 'StorVSP (storvsp.sys)', 'root-k', 'vsp'),
      comp('vmswitch', 'VM switch (vmswitch.sys)', 'root-k', 'switch'),
      comp('vmbus-r', 'VMBus (root)', 'root-k', 'bus'),
      comp('vid', 'VID driver', 'root-k', 'driver'),
      comp('stor', 'Storage stack', 'root-k', 'filesystem'),
      comp('vendor', 'Vendor disk driver', 'root-k', 'driver'),
      comp('ntfs', 'NTFS', 'root-k', 'filesystem'),
      comp('vmms', 'VMMS', 'root-u', 'management'),
      comp('vmwp', 'Worker process (vmwp.exe)', 'root-u', 'worker'),
      comp('ide', 'IDE emulator', 'root-u', 'emulator'),
      comp('storvsc', 'storvsc', 'g1-k', 'vsc'),
      comp('fs1', 'Guest file system', 'g1-k', 'filesystem'),
      comp('ata', 'ATA driver', 'g1-k', 'driver'),
      comp('app1', 'Database app', 'g1-u', 'application'),
      comp('k2', 'Guest kernel', 'g2-k', 'kernel'),
    ],
  };
}

/**
 * A hosted Type 2 drawn as in the T1 paper's figure: the host kernel (host world) and the VMM (VMM world) side by side
 * at ring 0, both directly on the hardware; the guest kernel deprivileged above the VMM; no VT-x.
 */
export function fixtureHosted(): Architecture {
  const dep = (c: Component, ...ids: string[]): Component => ({ ...c, dependsOn: ids });
  return {
    id: 'fx-hosted',
    name: 'Fixture hosted',
    summary: 'Type 2',
    type: 'type2',
    driverModel: 'hosted',
    release: 'Fixture 1.0',
    year: 2010,
    cpu: { mode: 'bt', switchable: false, note: 'fixture', sources: [] },
    costEra: 'fixture',
    description: '',
    sources: [],
    columns: [col('host', 'Host world', 'host'), col('vm', 'VMM world', 'guest')],
    layers: [
      layer('hw', 'Hardware', { ring: 'hardware', domain: 'hardware' }),
      layer('hk', 'Host kernel', { ring: 'ring0', domain: 'host' }, 'host'),
      layer('vmm', 'VMM world', { ring: 'ring0', domain: 'hypervisor' }, 'vm'),
      layer('gk', 'Guest kernel', { ring: 'deprivileged', domain: 'guest' }, 'vm'),
      layer('hu', 'Host user', { ring: 'ring3', domain: 'host' }, 'host'),
      layer('gu', 'Guest user', { ring: 'ring3', domain: 'guest' }, 'vm'),
    ],
    components: [
      comp('hnic', 'Host NIC', 'hw', 'hardware'),
      dep(comp('hdrv', 'Host NIC driver', 'hk', 'driver'), 'hnic'),
      comp('vmnet', 'VMNet driver', 'hk', 'driver'),
      comp('vmdrv', 'VMDriver', 'hk', 'driver'),
      dep(comp('vmm', 'VMM', 'vmm', 'vmm'), 'vmdrv'),
      comp('lance', 'Guest Lance driver', 'gk', 'driver'),
      comp('vmapp', 'VMApp (Lance emulator)', 'hu', 'emulator'),
      comp('gapp', 'Guest app', 'gu', 'application'),
    ],
  };
}

const hop = (id: string, from: string, to: string, mechanism: Mechanism): Hop => ({
  id,
  from,
  to,
  mechanism,
  moves: mechanism === 'interrupt' || mechanism === 'hypercall' ? 'signal' : 'data',
  label: id,
  narration: id,
  params: [],
  sources: [],
  mark: 'estimate',
});

/** Emulated IDE write on the microkernel fixture. */
export function fixturePath(): IoPath {
  return {
    id: 'fx-path',
    name: 'Fixture: emulated write',
    architecture: 'fx-micro',
    device: 'emulated',
    request: 'one write',
    summary: '',
    hops: [
      hop('h1', 'fs1', 'ata', 'call'),
      hop('h2', 'ata', 'hvk', 'vmexit'),
      hop('h3', 'hvk', 'vid', 'world-switch'),
      hop('h4', 'vid', 'ide', 'signal'),
      hop('h5', 'ide', 'ata', 'interrupt'),
    ],
    sources: [],
    mark: 'estimate',
    options: [],
  };
}

/** Snapshot of a path at hop `hopIndex` with progress `t` (one packet in flight). */
export function snapshotAt(path: IoPath, hopIndex: number, t: number): PlayerSnapshot {
  const h = path.hops[hopIndex];
  const finished = hopIndex >= path.hops.length;
  return {
    pathId: path.id,
    architectureId: path.architecture,
    hopIndex,
    hopCount: path.hops.length,
    progress: t,
    time: hopIndex + t,
    duration: path.hops.length,
    playing: true,
    speed: 1,
    finished,
    packets: h
      ? [{ id: `p-${h.id}`, hopIndex, from: h.from, to: h.to, t, mechanism: h.mechanism, moves: h.moves }]
      : [],
    counters: zeroCounters(),
    activeComponents: h ? [h.from, h.to] : [],
  };
}
