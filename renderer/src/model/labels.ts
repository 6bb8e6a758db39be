/** Short texts for the UI: where a fact comes from and how far it can be trusted. */
import type { CostParameter, Library, Mark } from './types';

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
