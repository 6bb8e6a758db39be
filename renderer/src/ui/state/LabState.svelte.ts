import { DEFAULT_WHATIFS, crashComponent, deriveVariant, withVariant } from '../../model';
import type { FaultResult, IoPath, Library, WhatIfs } from '../../model/types';
import type { StackInput } from '../../scene';
import { WalkthroughState } from './WalkthroughState.svelte';

/**
 * The Lab: cost parameters and what-ifs the learner changes, the variant architecture and re-routed paths they
 * produce, fault injection, and a walkthrough of one path of the variant.
 */
export class LabState {
  architectureId = $state('');
  overrides = $state<Record<string, number>>({});
  whatIfs = $state<WhatIfs>({ ...DEFAULT_WHATIFS });
  /** Paths drawn on the charts. */
  chartPathIds = $state<string[]>([]);
  crashed = $state<string | null>(null);
  showWalkthrough = $state(false);
  readonly walkthrough: WalkthroughState;

  constructor(
    private readonly library: Library,
    architectureId: string,
  ) {
    this.architectureId = architectureId;
    const paths = this.pathsOf(architectureId);
    const first = paths[0] ?? [...library.paths.values()][0];
    if (!first) throw new Error('The built-in library has no I/O paths.');
    this.walkthrough = new WalkthroughState(library, first.id);
    this.chartPathIds = paths.slice(0, 2).map((p) => p.id);
  }

  /** The architecture with the what-ifs applied, its re-routed paths and what changed. */
  variant = $derived.by(() =>
    deriveVariant(this.library, this.architectureId, $state.snapshot(this.whatIfs) as WhatIfs),
  );

  /** The library as the variant sees it: same sources and parameters, the variant architecture and paths. */
  variantLibrary = $derived.by((): Library => withVariant(this.library, this.variant));

  fault = $derived.by((): FaultResult | null =>
    this.crashed ? crashComponent(this.variant.architecture, this.crashed) : null,
  );

  failedIds = $derived(this.fault ? [this.fault.crashed, ...this.fault.failed.map((f) => f.id)] : []);

  pathsOf(architectureId: string): IoPath[] {
    return [...this.library.paths.values()].filter((p) => p.architecture === architectureId);
  }

  /** Options every cost computation and the Lab's player use. */
  get costOptions() {
    return { overrides: $state.snapshot(this.overrides), whatIfs: $state.snapshot(this.whatIfs) as WhatIfs };
  }

  setArchitecture(id: string): void {
    this.architectureId = id;
    this.crashed = null;
    const paths = this.pathsOf(id);
    this.chartPathIds = paths.slice(0, 2).map((p) => p.id);
    const first = paths[0];
    if (first) this.walkthrough.setPath(first.id);
    this.applyToPlayer();
  }

  setParameter(id: string, value: number): void {
    this.overrides = { ...this.overrides, [id]: value };
    this.applyToPlayer();
  }

  resetParameters(): void {
    this.overrides = {};
    this.whatIfs = { ...DEFAULT_WHATIFS };
    this.applyToPlayer();
  }

  setWhatIf<K extends keyof WhatIfs>(key: K, value: WhatIfs[K]): void {
    this.whatIfs = { ...this.whatIfs, [key]: value };
    this.crashed = null;
    this.applyToPlayer();
  }

  /** Turns a path's own what-if (e.g. "pio") on or off. */
  setOption(id: string, on: boolean): void {
    const rest = this.whatIfs.options.filter((o) => o !== id);
    this.setWhatIf('options', on ? [...rest, id] : rest);
  }

  toggleChartPath(id: string): void {
    this.chartPathIds = this.chartPathIds.includes(id)
      ? this.chartPathIds.filter((p) => p !== id)
      : [...this.chartPathIds, id];
  }

  /** Rebuilds the Lab's walkthrough on the variant so the packet follows the re-routed path. */
  applyToPlayer(): void {
    this.walkthrough.reconfigure(this.costOptions, this.variantLibrary);
  }

  stacks(): StackInput[] {
    return [
      {
        key: 'main',
        architecture: this.variant.architecture,
        snapshot: this.showWalkthrough ? this.walkthrough.snapshot : null,
        path: this.showWalkthrough ? this.walkthrough.path : null,
        failed: this.failedIds,
      },
    ];
  }
}
