/**
 * The teaching model's vocabulary. Pure data types: no DOM, three.js, Svelte or Electron.
 * Content files (assets/scenarios/*.json) are parsed by schema.ts into these shapes; the scene and the UI
 * draw them; the player produces plain snapshots of them. Content shapes are derived from the zod schemas
 * (schema.ts) with z.infer, never written beside them; the rest (library, counters, snapshots) are the model's own.
 */
import type { z } from 'zod';
import type * as S from './schema';
import type { Claim, Foundation } from './claims';
import type { GlossaryTerm, Lesson } from './course/schema';

/** How far a fact can be trusted (hypervisors.md marks): ✔ confirmed, ~ secondary, ⚠ unverified, or the model's own estimate. */
export type Mark = z.infer<typeof S.markSchema>;
/** A reference of hypervisors.md (key e.g. "H3"), with its address when it has one. */
export type Source = z.infer<typeof S.sourceSchema>;
/**
 * Privilege level, the vertical axis of every stack: hardware at the bottom, then ring -1, ring 0, a deprivileged guest
 * kernel (binary translation), ring 3. Its name depends on the architecture's CPU (model/privilege.ts): without VT-x
 * there is no "ring -1 (VMX root)".
 */
export type Ring = z.infer<typeof S.ringSchema>;
/** Whose code runs there: the machine, the hypervisor, the host/parent/service console/dom0, or a guest. */
export type Domain = z.infer<typeof S.domainSchema>;
export type PrivilegeContext = z.infer<typeof S.contextSchema>;
/** A vertical column of the stack: the host/parent partition, a guest VM, or the shared base (hardware, hypervisor). */
export type Column = z.infer<typeof S.columnSchema>;
/** A horizontal slab: one privilege context, spanning all columns (column undefined) or one column. */
export type Layer = z.infer<typeof S.layerSchema>;
export type ComponentKind = z.infer<typeof S.componentKindSchema>;
export type Component = z.infer<typeof S.componentSchema>;
/** The release a component arrived in. */
export type Release = z.infer<typeof S.sinceSchema>;
/** Platform and year a value was measured on, or estimated for. */
export type Era = z.infer<typeof S.eraSchema>;
/** How a release virtualizes the CPU by default (VT-x exits or binary translation) and whether it can use the other. */
export type CpuVirtualization = z.infer<typeof S.cpuSchema>;
/** What a kernel-mode crash of the host / parent / console / dom0 does, in this architecture's words. */
export type HostKernelCrash = z.infer<typeof S.hostKernelCrashSchema>;
export type Architecture = z.infer<typeof S.architectureSchema>;
export type ArchitectureType = Architecture['type'];
export type DriverModel = z.infer<typeof S.driverModelSchema>;
export type Mechanism = (typeof S.MECHANISMS)[number];
export { MECHANISMS, EXIT_MECHANISMS, RINGS } from './enums';
export type Hop = z.infer<typeof S.hopSchema>;
export type Payload = Hop['moves'];
/** A what-if of one path (e.g. PIO instead of DMA): hops switch with it, and parameters can be replaced. */
export type PathOption = z.infer<typeof S.pathOptionSchema>;
export type IoPath = z.infer<typeof S.ioPathSchema>;
export type DeviceModel = IoPath['device'];
export type Unit = z.infer<typeof S.unitSchema>;
export type CostParameter = z.infer<typeof S.costParameterSchema>;
export type FigureUnit = z.infer<typeof S.figureUnitSchema>;
/** A published figure that the calibration suite checks the model against. */
export type Figure = z.infer<typeof S.figureSchema>;

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
  /**
   * VT-x/AMD-V on or off (binary translation). Undefined keeps the release's own mode; a release that cannot switch
   * (Hyper-V needs VT; a 2001 hosted VMM has no VT) refuses the what-if with a reason.
   */
  hardwareAssist?: boolean;
  /** Ids of path options turned on (e.g. "pio", "t1-optimized"). */
  options: string[];
}

/** Everything the built-in content (plus an instructor's files) provides, resolved and cross-checked. */
export interface Library {
  sources: Map<string, Source>;
  parameters: Map<string, CostParameter>;
  architectures: Map<string, Architecture>;
  paths: Map<string, IoPath>;
  figures: Map<string, Figure>;
  claims: Map<string, Claim>;
  foundations: Map<string, Foundation>;
  /** Which parameter a re-routed hop is charged for one crossing by a mechanism (declared by `crossingFor`). */
  crossings: Map<Mechanism, string>;
  /** What the app shows first, when a file declares it. */
  defaults: ScenarioFile['defaults'] | null;
  /** Glossary terms by id (the `[[term-id]]` links of lessons resolve here). */
  glossary: Map<string, GlossaryTerm>;
  /** Lessons by id, in file order; `courseLessons` sorts them by number. */
  lessons: Map<string, Lesson>;
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

/**
 * What a crash of one component takes down (hypervisors.md §7), by one rule: the whole host (every VM), some VMs,
 * management only, or only itself.
 */
export type BlastScope = 'host' | 'vms' | 'management' | 'self';

export interface BlastRadius {
  scope: BlastScope;
  /** Guest VM columns that go down. */
  vms: string[];
  /** Why, in one sentence. */
  reason: string;
  sources: string[];
  mark: Mark;
}

/** What every model player offers (WalkthroughPlayer, ComparePlayer): PhET's clock contract plus a snapshot. */
export interface Player<S> {
  snapshot(): S;
  play(): void;
  pause(): void;
  next(): void;
  prev(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  reset(): void;
  /** Plays again from the start at the same speed. */
  replay(): void;
  step(dt: number): void;
}

/** Result of crashing a component. */
export interface FaultResult {
  crashed: string;
  blast: BlastRadius;
  failed: { id: string; reason: string }[];
  failedVms: { column: string; reason: string }[];
  survivingVms: string[];
}

/** A problem in content: which file, where in it (e.g. "paths[2].hops[3].to"), and what is wrong. */
export interface ContentError {
  file: string;
  path: string;
  message: string;
  /** 1-based line and column of the place in the author's file, when the file's text is known and the place found. */
  line?: number;
  column?: number;
}

/** One scenario file after parsing and migration (schemaVersion is always the current one; no $schema pointer). */
export type ScenarioFile = Omit<z.output<typeof S.scenarioFileSchema>, '$schema'>;

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
