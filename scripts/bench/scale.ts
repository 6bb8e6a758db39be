/**
 * The benchmark's scale sweep: the app's own 3D scene (StackScene) drawing generated scenarios with many guest VMs
 * and many packets in flight. Each generated architecture goes through the same schema and cross-checks as any
 * scenario file (buildLibrary), so the sweep measures content the app would accept.
 */
import { StackScene } from '../../renderer/src/scene';
import { buildLibrary, builtInFiles, parseScenarioFile, zeroCounters } from '../../renderer/src/model';
import type { Architecture, PacketSnapshot, PlayerSnapshot } from '../../renderer/src/model/types';

declare global {
  interface Window {
    benchScale: {
      /** Shows the generated scenario; returns its validation errors (none expected). */
      show(vms: number, packets: number): string[];
      stats(): ReturnType<StackScene['stats']>;
    };
  }
}

const base = builtInFiles();
const hyperv = base.files.flatMap((f) => f.architectures ?? []).find((a) => a.id === 'hyperv-2008') as Architecture;

/** Hyper-V 2008 with `vms` enlightened guests, each its own column with a kernel, VMBus client, storvsc and an app. */
function generated(vms: number): unknown {
  const keep = new Set(['root']);
  const columns = hyperv.columns.filter((c) => keep.has(c.id));
  const layers = hyperv.layers.filter((l) => l.column === undefined || keep.has(l.column));
  const layerIds = new Set(layers.map((l) => l.id));
  const kept = hyperv.components.filter((c) => layerIds.has(c.layer) && !c.id.startsWith('vmwp'));
  const keptIds = new Set(kept.map((c) => c.id));
  // Dependencies on what was left out (the worker processes, the original VMs) go with it.
  const components = kept.map((c) => ({ ...c, dependsOn: c.dependsOn?.filter((d) => keptIds.has(d)) }));
  const cloned = ['vm2-kernel', 'vm2-vmbus', 'storvsc', 'vm2-app'];
  const guestKernel = hyperv.layers.find((l) => l.id === 'vm2-k')!;
  const guestUser = hyperv.layers.find((l) => l.id === 'vm2-u')!;
  const like = (id: string) => hyperv.components.find((c) => c.id === id)!;
  for (let i = 1; i <= vms; i++) {
    const g = `g${i}`;
    columns.push({ ...hyperv.columns.find((c) => c.id === 'vm2')!, id: g, name: `VM ${i}` });
    layers.push({ ...guestKernel, id: `${g}-k`, column: g }, { ...guestUser, id: `${g}-u`, column: g });
    const rename = (id: string) => `${g}-${id.replace('vm2-', '')}`;
    for (const id of cloned) {
      const c = like(id);
      components.push({
        ...c,
        id: rename(id),
        layer: c.layer.replace('vm2', g),
        dependsOn: c.dependsOn?.flatMap((d) => (cloned.includes(d) ? [rename(d)] : keptIds.has(d) ? [d] : [])),
      });
    }
  }
  return {
    schemaVersion: 2,
    id: `bench-${vms}`,
    title: `Hyper-V with ${vms} guests (benchmark)`,
    architectures: [{ ...hyperv, id: `bench-${vms}`, name: `Hyper-V, ${vms} guests`, columns, layers, components }],
  };
}

const canvas = document.querySelector('canvas') as HTMLCanvasElement;
const labels = document.querySelector('#labels') as HTMLDivElement;
const scene = new StackScene(canvas, labels, { theme: 'dark', reducedMotion: false });
let t = 0;

function packetsFor(arch: Architecture, count: number, vms: number): PacketSnapshot[] {
  const hops: [string, string][] = [];
  for (let i = 1; i <= vms; i++)
    hops.push([`g${i}-storvsc`, `g${i}-vmbus`], [`g${i}-vmbus`, 'hypervisor'], ['vmbus-root', 'storvsp']);

  return Array.from({ length: count }, (_, n): PacketSnapshot => {
    const [from, to] = hops[n % hops.length]!;
    const t = ((n * 7) % 100) / 100;
    return { id: `p${n}`, hopIndex: n % hops.length, from, to, t, mechanism: 'call', moves: 'data' };
  }).filter((p) => arch.components.some((c) => c.id === p.from) && arch.components.some((c) => c.id === p.to));
}

window.benchScale = {
  show(vms, packets) {
    const parsed = parseScenarioFile(generated(vms), `bench-${vms}.json`);
    if (!parsed.ok) return parsed.errors.map((e) => `${e.path}: ${e.message}`);
    const { library, errors } = buildLibrary([...base.files, parsed.file]);
    const arch = library.architectures.get(`bench-${vms}`)!;
    const snapshot: PlayerSnapshot = {
      pathId: 'bench',
      architectureId: arch.id,
      hopIndex: 0,
      hopCount: 1,
      progress: 0,
      time: 0,
      duration: 1,
      playing: true,
      speed: 1,
      finished: false,
      packets: packetsFor(arch, packets, vms),
      counters: zeroCounters(),
      activeComponents: [],
    };
    scene.setStacks([{ key: 'main', architecture: arch, snapshot }]);
    // Keep the packets moving so every frame is drawn (the app's walkthrough does the same while it plays).
    scene.setTicker((dt) => {
      t += dt;
      scene.setStacks([
        {
          key: 'main',
          architecture: arch,
          snapshot: { ...snapshot, packets: snapshot.packets.map((p) => ({ ...p, t: (p.t + t) % 1 })) },
        },
      ]);
      return true;
    });
    return errors.map((e) => `${e.path}: ${e.message}`);
  },
  stats: () => scene.stats(),
};
