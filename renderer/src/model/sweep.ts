/** Sweeps for the Lab's charts: plain arrays of points, one series per path. */
import { computeCost, type CostOptions } from './cost';
import type { Library } from './types';

export interface SweepPoint {
  x: number;
  y: number;
}

export interface SweepSeries {
  pathId: string;
  name: string;
  points: SweepPoint[];
}

function pathOf(library: Library, id: string) {
  const p = library.paths.get(id);
  if (!p) throw new Error(`unknown path "${id}"`);
  return p;
}

/**
 * CPU time per request (µs, amortized) against the batch size, with batching on. A path without per-batch hops is a
 * flat line: batching only helps ring-based paths.
 */
export function latencyVsBatchSize(
  library: Library,
  pathIds: readonly string[],
  batchSizes: number[],
  options: CostOptions = {},
): SweepSeries[] {
  return pathIds.map((id) => {
    const path = pathOf(library, id);
    return {
      pathId: id,
      name: path.shortName ?? path.name,
      points: batchSizes.map((b) => ({
        x: b,
        y: computeCost(library, path, { ...options, whatIfs: { ...options.whatIfs, batching: true, batchSize: b } })
          .cpuMicrosecondsPerRequest,
      })),
    };
  });
}

export interface ThroughputOptions extends CostOptions {
  /** Cores given to the path (default 1). */
  cores?: number;
}

export interface ThroughputSeries extends SweepSeries {
  /** CPU-limited capacity in requests per second (the saturation level). */
  capacity: number;
  /** CPU utilization (0..1) at each offered rate, same order as points. */
  utilization: number[];
}

/**
 * Achieved throughput against offered load (both in requests per second): the path keeps up until its CPU cost
 * saturates the cores, then stays flat at capacity = cores * 1e6 / (CPU µs per request).
 */
export function throughputVsRequestRate(
  library: Library,
  pathIds: readonly string[],
  offeredRates: number[],
  options: ThroughputOptions = {},
): ThroughputSeries[] {
  const cores = Math.max(1, options.cores ?? 1);
  return pathIds.map((id) => {
    const path = pathOf(library, id);
    const cost = computeCost(library, path, options);
    const capacity = cost.requestsPerSecondPerCore * cores;
    return {
      pathId: id,
      name: path.shortName ?? path.name,
      capacity,
      points: offeredRates.map((r) => ({ x: r, y: Math.min(r, capacity) })),
      utilization: offeredRates.map((r) => Math.min(1, r / capacity)),
    };
  });
}
