/**
 * The teaching model's vocabulary. Pure data types: no DOM, three.js, Svelte or Electron.
 * Content files (assets/scenarios/*.json) are parsed by schema.ts into these shapes; the scene and the UI
 * draw them; the player produces plain snapshots of them.
 */
import type { Claim, Foundation } from './claims';

/** How far a fact can be trusted (hypervisors.md marks): ✔ confirmed, ~ secondary, ⚠ unverified, or the model's own estimate. */
export type Mark = 'confirmed' | 'secondary' | 'unverified' | 'estimate';

export interface Source {
  /** Reference key from hypervisors.md, e.g. "H3", "P9". */
  key: string;
  title: string;
  /** Where to read it, when it has an address (opened in the system browser). */
  url?: string;
  group: 'Hyper-V' | 'VMware' | 'Type 2, Xen, KVM' | 'Performance' | 'Claims and security' | 'Foundations';
}

/** A fact with its provenance. */
export interface Cited {
  sources: string[];
  mark: Mark;
}

/** Privilege level, the vertical axis of every stack: hardware at the bottom, then ring -1, ring 0, ring 3. */
export type Ring = 'hardware' | 'ring-1' | 'ring0' | 'ring3';

/** Whose code runs there: the machine, the hypervisor, the host/parent/service console/dom0, or a guest. */
export type Domain = 'hardware' | 'hypervisor' | 'host' | 'guest';

export interface PrivilegeContext {
  ring: Ring;
  domain: Domain;
}

/** A vertical column of the stack: the host/parent partition, a guest VM, or the shared base (hardware, hypervisor). */
export interface Column {
  id: string;
  name: string;
  role: 'shared' | 'host' | 'guest';
  description: string;
  /** True for a guest virtual machine (what a crash can take down). */
  vm: boolean;
}

/** A horizontal slab: one privilege context, spanning all columns (column undefined) or one column. */
export interface Layer {
  id: string;
  name: string;
  context: PrivilegeContext;
  /** Column the layer belongs to; undefined for a slab spanning the whole machine (hardware, hypervisor, a Type 2 host kernel). */
  column?: string;
}

export type ComponentKind =
  | 'hardware'
  | 'hypervisor'
  | 'vmm'
  | 'driver'
  | 'vsp'
  | 'vsc'
  | 'emulator'
  | 'bus'
  | 'scheduler'
  | 'memory'
  | 'filesystem'
  | 'switch'
  | 'management'
  | 'worker'
  | 'kernel'
  | 'application'
  | 'enlightenment';

export interface Component {
  id: string;
  name: string;
  layer: string;
  kind: ComponentKind;
  /** In the trusted computing base: its compromise or crash can affect every VM. */
  tcb: boolean;
  description: string;
  sources: string[];
  mark: Mark;
  /** Components this one needs in order to work (for fault injection): if one of them fails, this one fails. */
  dependsOn: string[];
}

export type ArchitectureType = 'type1' | 'type2' | 'debated';
export type DriverModel = 'monolithic' | 'microkernelized' | 'hosted' | 'split' | 'linux';

export interface Architecture {
  id: string;
  name: string;
  /** e.g. "Type 1, microkernelized". */
  summary: string;
  type: ArchitectureType;
  driverModel: DriverModel;
  description: string;
  sources: string[];
  columns: Column[];
  /** Ordered bottom to top within the privilege order. */
  layers: Layer[];
  components: Component[];
}

export type Mechanism =
  | 'call'
  | 'syscall'
  | 'trap'
  | 'vmexit'
  | 'hypercall'
  | 'ring-write'
  | 'signal'
  | 'interrupt'
  | 'dma'
  | 'world-switch'
  | 'copy';

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
] as const satisfies readonly Mechanism[];

export type Payload = 'command' | 'data' | 'signal';

export interface Hop {
  id: string;
  from: string;
  to: string;
  mechanism: Mechanism;
  moves: Payload;
  /** One-line label for the event list, e.g. "OUT to the IDE command port". */
  label: string;
  /** Narration for this step (read aloud to screen readers). */
  narration: string;
  /** Cost parameter ids whose cycles this hop spends. */
  params: string[];
  /** Parameter id giving how many times this hop happens per request (e.g. port accesses per sector); default once. */
  repeat?: string;
  /** True when the hop happens once per batch on a ring-based path (the doorbell/signal), not once per request. */
  perBatch?: boolean;
  /**
   * Whether the hop makes the CPU switch to another thread or process. When absent the default rule applies: a hop
   * that enters a host-side user process (vmwp, QEMU, VMApp, VMX: ring 3 outside the guests) from a kernel or the
   * hypervisor is a context switch. Content sets it explicitly for e.g. waking a kernel worker thread (vhost).
   */
  contextSwitch?: boolean;
  sources: string[];
  mark: Mark;
}

export type DeviceModel = 'emulated' | 'synthetic' | 'paravirtual' | 'hosted-emulated';

export interface IoPath {
  id: string;
  /** e.g. "Hyper-V: synthetic disk write". */
  name: string;
  /** Short label for comparisons and charts, e.g. "emulated IDE", "synthetic"; defaults to the device model. */
  shortName?: string;
  /** Letter of hypervisors.md (A-E) when it has one. */
  letter?: string;
  architecture: string;
  device: DeviceModel;
  /** What the request is, e.g. "one 4 KB disk write". */
  request: string;
  summary: string;
  hops: Hop[];
  /** Clock (GHz) of the machine the path's measured figures come from; the default clock when computing its cost. */
  clockGHz?: number;
  sources: string[];
  mark: Mark;
}

export type Unit = 'cycles' | 'us' | 'count' | 'GHz' | 'percent';

export interface CostParameter {
  id: string;
  name: string;
  value: number;
  unit: Unit;
  /** Source key, or null for a model estimate. */
  source: string | null;
  mark: Mark;
  /** Platform and year the number was measured on, or how it was estimated. */
  note: string;
  /** Slider range for the Lab. */
  min: number;
  max: number;
  step: number;
  /** For a model estimate: the source keys the estimate was built from (shown as "model estimate, based on ..."). */
  basedOn?: string[];
  /**
   * For a value in µs: the clock (GHz) of the machine it was measured on. When given, the model converts the value to
   * cycles at that clock (so it scales with the chosen clock); when absent, a µs value is a fixed time.
   */
  measuredAtGHz?: number;
  /** Id of the parameter that replaces this one when hardware assist is off (binary translation instead of a VT-x exit). */
  withoutHardwareAssist?: string;
  /**
   * True for the cost of crossing a boundary (an exit, an interrupt, a switch to another process). When a what-if
   * removes the crossing (e.g. drivers moved into the hypervisor), the cost goes with it; other costs are work that
   * still has to be done somewhere.
   */
  crossing?: boolean;
}

/** Counters of one request (or one hop), as the learner sees them. */
export interface Counters {
  exits: number;
  worldSwitches: number;
  interrupts: number;
  copies: number;
  contextSwitches: number;
  cycles: number;
  microseconds: number;
}

/** Live changes the Lab can make. */
export interface WhatIfs {
  /** Where the physical device drivers live; undefined keeps the architecture's own choice. */
  driversIn?: 'hypervisor' | 'parent';
  /** Ring-based paths signal once per batch of this many requests (1 = no batching). */
  batchSize: number;
  batching: boolean;
  /** VT-x/AMD-V on; off means binary translation costs replace hardware exits. */
  hardwareAssist: boolean;
}

/** Everything the built-in content (plus an instructor's files) provides, resolved and cross-checked. */
export interface Library {
  sources: Map<string, Source>;
  parameters: Map<string, CostParameter>;
  architectures: Map<string, Architecture>;
  paths: Map<string, IoPath>;
  claims: Map<string, Claim>;
  foundations: Map<string, Foundation>;
}

/** One packet drawn by the scene. */
export interface PacketSnapshot {
  id: string;
  hopIndex: number;
  from: string;
  to: string;
  /** 0..1 progress along the hop. */
  t: number;
  mechanism: Mechanism;
  moves: Payload;
}

/** The plain state of a walkthrough at a moment: all the scene and the UI need to draw it. */
export interface PlayerSnapshot {
  pathId: string;
  architectureId: string;
  /** Current hop index, 0..hops.length-1; hops.length when finished. */
  hopIndex: number;
  hopCount: number;
  /** 0..1 progress within the current hop. */
  progress: number;
  /** Model time in seconds since the start, and the whole duration. */
  time: number;
  duration: number;
  playing: boolean;
  speed: number;
  finished: boolean;
  packets: PacketSnapshot[];
  /** Counters of the hops completed so far (plus the current one once it has started). */
  counters: Counters;
  /** Components involved in the current hop (glow). */
  activeComponents: string[];
}

/** Result of crashing a component. */
export interface FaultResult {
  crashed: string;
  failed: { id: string; reason: string }[];
  failedVms: { column: string; reason: string }[];
  survivingVms: string[];
}

/** A problem in content: which file, where in it (e.g. "paths[2].hops[3].to"), and what is wrong. */
export interface ContentError {
  file: string;
  path: string;
  message: string;
}

/** One scenario file after parsing and migration (schemaVersion is always the current one). */
export interface ScenarioFile {
  schemaVersion: number;
  id: string;
  title: string;
  description?: string;
  sources?: Source[];
  parameters?: CostParameter[];
  architectures?: Architecture[];
  paths?: IoPath[];
  claims?: Claim[];
  foundations?: Foundation[];
}

/** Cost of one hop of a path, for one request. */
export interface HopCost {
  hopId: string;
  /** Counters of this hop for one request (already multiplied by `times`). */
  counters: Counters;
  /** How many times the hop happens per request: the repeat count, divided by the batch size for a per-batch hop. */
  times: number;
  perBatch: boolean;
  /** The parameters the hop spends, after what-if substitution, with the cycles of one occurrence. */
  params: { id: string; cycles: number }[];
}

export interface CostReport {
  perHop: HopCost[];
  perRequest: Counters;
  /** CPU-limited throughput of one core: 1e6 / cpuMicrosecondsPerRequest. */
  requestsPerSecondPerCore: number;
  cpuMicrosecondsPerRequest: number;
  clockGHz: number;
  /** True if any parameter used is a model estimate or an unverified (⚠) number. */
  estimate: boolean;
}
