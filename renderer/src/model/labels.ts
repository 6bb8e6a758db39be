/** Short texts for the UI: where a fact comes from and how far it can be trusted. */
import type { CostParameter, Hop, Library, Mark } from './types';

/** From strongest to weakest: ✔ confirmed, ~ secondary, ⚠ unverified, model estimate. */
export const MARK_ORDER: readonly Mark[] = ['confirmed', 'secondary', 'unverified', 'estimate'];

/** The weakest of some marks (an empty list is confirmed: nothing weakens it). */
export function weakestMark(marks: Iterable<Mark>): Mark {
  let worst = 0;
  for (const m of marks) worst = Math.max(worst, MARK_ORDER.indexOf(m));
  return MARK_ORDER[worst] as Mark;
}

/**
 * The mark a hop is shown with: the weakest of what it shows, i.e. its structure (the hop's own mark), the cost
 * parameters it spends and its repeat count. A hop whose cost is an estimate is never shown as ✔.
 */
export function hopMark(library: Library, hop: Hop): Mark {
  const ids = hop.repeat !== undefined ? [...hop.params, hop.repeat] : hop.params;
  const marks = ids.flatMap((id) => {
    const p = library.parameters.get(id);
    return p ? [p.mark] : [];
  });
  return weakestMark([hop.mark, ...marks]);
}

const MARKS: Record<Mark, string> = {
  confirmed: '✔ confirmed',
  secondary: '~ secondary',
  unverified: '⚠ approximate',
  estimate: 'model estimate',
};

/** "✔ confirmed", "~ secondary", "⚠ approximate" (an unverified number is only ever shown as approximate), "model estimate". */
export function markLabel(mark: Mark): string {
  return MARKS[mark];
}

/** "H3: Linux kernel documentation: VMBus", or "H99 (unknown source)". */
export function sourceLabel(library: Library, key: string): string {
  const s = library.sources.get(key);
  return s ? `${key}: ${s.title}` : `${key} (unknown source)`;
}

const UNIT_TEXT: Record<CostParameter['unit'], string> = {
  cycles: 'cycles',
  us: 'µs',
  count: '',
  GHz: 'GHz',
  percent: '%',
};

/** e.g. "2,000 cycles [P1, ✔ confirmed]" or "10 µs [model estimate, based on P8, P9]". */
export function parameterLabel(p: CostParameter, value: number = p.value): string {
  const unit = UNIT_TEXT[p.unit];
  const number = value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  const amount = unit === '%' ? `${number}%` : unit ? `${number} ${unit}` : number;
  const provenance =
    p.source === null
      ? `model estimate${p.basedOn?.length ? `, based on ${p.basedOn.join(', ')}` : ''}`
      : `${p.source}, ${markLabel(p.mark)}`;
  return `${amount} [${provenance}]`;
}
