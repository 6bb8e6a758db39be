/**
 * Claims and foundations: the 2008 article's ten claims, each with a verdict, the evidence from both vendors' sides and
 * demonstrations in the app ("Show me"); and the foundations (Popek & Goldberg, Type I / Type II, ...) that the claims,
 * the Inspector and a later glossary refer to. The zod schemas live here and are wired into schema.ts's
 * scenarioFileSchema; `checkClaims` cross-checks their references once the library is built.
 *
 * schema.ts imports this module, so the building blocks both share (ids, marks, component kinds) come from
 * vocabulary.ts.
 */
import { z } from 'zod';
import type { ComponentKind, ContentError, Library, WhatIfs } from './types';
import { componentKindSchema, id, markSchema, text } from './vocabulary';
import { morphTarget } from './morph';
import { componentIds, didYouMean } from './suggest';

const sourceKeys = z.array(z.string()).default([]).describe('Source keys of the References, e.g. ["H3", "C4"].');

const mark = markSchema;

export const VERDICTS = ['holds', 'partly', 'disputed', 'wrong', 'dated'] as const;
export const SIDES = ['microsoft', 'vmware', 'independent'] as const;

/** One piece of evidence: whose side it speaks about, what it says, its sources and how far it can be trusted. */
export const evidenceSchema = z
  .strictObject({
    side: z
      .enum(SIDES)
      .describe('Whose product the evidence is about (Microsoft / Hyper-V, VMware / ESX) or independent research.'),
    text,
    sources: sourceKeys,
    mark,
  })
  .superRefine((e, ctx) => {
    if (e.sources.length === 0 && e.mark !== 'estimate')
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'evidence without a source must be marked "estimate"',
      });
  });

const whatIfsSchema = z.strictObject({
  driversIn: z.enum(['hypervisor', 'parent']).optional(),
  batchSize: z.number().int().min(1).max(64).optional(),
  batching: z.boolean().optional(),
  hardwareAssist: z.boolean().optional(),
}) satisfies z.ZodType<Partial<WhatIfs>>;

const label = text.describe('What the button shows, e.g. "Compare the emulated e1000 with vmxnet3".');

/** A demonstration in the app: a walkthrough, a comparison, a Lab what-if or crash, or a component in Explore. */
export const demoSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('walkthrough'),
    label,
    path: id,
    hop: id.optional().describe('Start at this hop of the path.'),
  }),
  z.strictObject({ kind: z.literal('compare'), label, left: id, right: id }),
  z.strictObject({
    kind: z.literal('lab'),
    label,
    architecture: id,
    whatIfs: whatIfsSchema.optional(),
    crash: id.optional().describe('Component of the architecture to crash.'),
    path: id.optional().describe('Path of the architecture to watch on the variant.'),
  }),
  z.strictObject({
    kind: z.literal('explore'),
    label,
    architecture: id,
    component: id.optional(),
    morph: z.boolean().optional().describe('Play the Type 1 <-> Type 2 morph from this architecture.'),
  }),
]);

export const claimSchema = z.strictObject({
  id,
  number: z.number().int().min(1),
  claim: text.describe('The claim as the 2008 article put it.'),
  verdict: z.enum(VERDICTS),
  verdictNote: text.optional().describe('A few words beside the verdict, e.g. "with nuance", "a conflation".'),
  explanation: text,
  evidence: z.array(evidenceSchema).min(1),
  demos: z.array(demoSchema).min(1),
});

const paragraphSchema = z.strictObject({ text, sources: sourceKeys, mark: mark.optional() });

export const foundationSchema = z.strictObject({
  id,
  title: text,
  summary: text.describe('One sentence (a glossary entry reuses it).'),
  body: z.array(paragraphSchema).min(1),
  sources: sourceKeys,
  mark,
  background: z
    .strictObject({
      kinds: z.array(componentKindSchema).min(1),
      architectures: z.array(id).optional().describe('Only for these architectures; all when absent.'),
    })
    .optional()
    .describe('The Inspector shows a "Background" link to this foundation for components of these kinds.'),
  demos: z.array(demoSchema).default([]),
});

export type Verdict = (typeof VERDICTS)[number];
export type EvidenceSide = (typeof SIDES)[number];
export type Evidence = z.output<typeof evidenceSchema>;
export type Demo = z.output<typeof demoSchema>;
export type Claim = z.output<typeof claimSchema>;
export type Foundation = z.output<typeof foundationSchema>;

/** Where a claim or a foundation is defined, for error messages. */
export type OriginOf = (kind: 'claim' | 'foundation', id: string) => { file: string; path: string };

/** The architecture a demonstration shows (the left one of a comparison), or undefined if it names an unknown path. */
export function demoArchitecture(library: Library, demo: Demo): string | undefined {
  switch (demo.kind) {
    case 'walkthrough':
      return library.paths.get(demo.path)?.architecture;
    case 'compare':
      return library.paths.get(demo.left)?.architecture;
    case 'lab':
    case 'explore':
      return demo.architecture;
  }
}

/** Foundations to show as "Background" for a component of this kind in this architecture. */
export function backgroundFor(library: Library, kind: ComponentKind, architectureId: string): Foundation[] {
  return [...library.foundations.values()].filter(
    (f) =>
      f.background?.kinds.includes(kind) &&
      (f.background.architectures === undefined || f.background.architectures.includes(architectureId)),
  );
}

/**
 * Cross-checks claims and foundations against the library: every source key is known; every path, hop, architecture
 * and component a demonstration names exists (and belongs together); every architecture a background names exists.
 */
export function checkClaims(library: Library, originOf: OriginOf): ContentError[] {
  const errors: ContentError[] = [];
  const at = (kind: 'claim' | 'foundation', itemId: string, sub: string, message: string) => {
    const o = originOf(kind, itemId);
    errors.push({ file: o.file, path: o.path ? `${o.path}.${sub}` : sub, message });
  };

  const numbers = new Map<number, string>();
  for (const c of library.claims.values()) {
    const first = numbers.get(c.number);
    if (first !== undefined) at('claim', c.id, 'number', `claim number ${c.number} is also used by "${first}"`);
    else numbers.set(c.number, c.id);
    c.evidence.forEach((e, i) =>
      checkSources(e.sources, (j, m) => at('claim', c.id, `evidence[${i}].sources[${j}]`, m)),
    );
    c.demos.forEach((d, i) => checkDemo(d, (sub, m) => at('claim', c.id, `demos[${i}].${sub}`, m)));
  }
  for (const f of library.foundations.values()) {
    checkSources(f.sources, (j, m) => at('foundation', f.id, `sources[${j}]`, m));
    f.body.forEach((p, i) => checkSources(p.sources, (j, m) => at('foundation', f.id, `body[${i}].sources[${j}]`, m)));
    f.background?.architectures?.forEach((a, i) => {
      if (!library.architectures.has(a))
        at(
          'foundation',
          f.id,
          `background.architectures[${i}]`,
          `unknown architecture "${a}"${didYouMean(a, library.architectures.keys())}`,
        );
    });
    f.demos.forEach((d, i) => checkDemo(d, (sub, m) => at('foundation', f.id, `demos[${i}].${sub}`, m)));
  }
  return errors;

  function checkSources(keys: string[], report: (index: number, message: string) => void): void {
    keys.forEach((k, j) => {
      if (!library.sources.has(k)) report(j, `unknown source key "${k}"${didYouMean(k, library.sources.keys())}`);
    });
  }

  function checkDemo(d: Demo, report: (sub: string, message: string) => void): void {
    const path = (field: string, pathId: string) => {
      const p = library.paths.get(pathId);
      if (!p) report(field, `unknown path "${pathId}"${didYouMean(pathId, library.paths.keys())}`);
      return p;
    };
    const architecture = (archId: string) => {
      const a = library.architectures.get(archId);
      if (!a)
        report('architecture', `unknown architecture "${archId}"${didYouMean(archId, library.architectures.keys())}`);
      return a;
    };
    const component = (field: string, archId: string, componentId: string) => {
      const a = library.architectures.get(archId);
      if (a && !a.components.some((c) => c.id === componentId))
        report(field, `unknown component "${componentId}" in "${archId}"${didYouMean(componentId, componentIds(a))}`);
    };
    switch (d.kind) {
      case 'walkthrough': {
        const p = path('path', d.path);
        if (p && d.hop !== undefined && !p.hops.some((h) => h.id === d.hop))
          report(
            'hop',
            `unknown hop "${d.hop}" in path "${d.path}"${didYouMean(
              d.hop,
              p.hops.map((h) => h.id),
            )}`,
          );
        break;
      }
      case 'compare':
        path('left', d.left);
        path('right', d.right);
        break;
      case 'lab': {
        const a = architecture(d.architecture);
        if (d.crash !== undefined) component('crash', d.architecture, d.crash);
        if (d.path !== undefined) {
          const p = path('path', d.path);
          if (a && p && p.architecture !== a.id)
            report('path', `path "${d.path}" belongs to "${p.architecture}", not "${a.id}"`);
        }
        break;
      }
      case 'explore': {
        const a = architecture(d.architecture);
        if (d.component !== undefined) component('component', d.architecture, d.component);
        if (a && d.morph && !morphTarget(a, library.architectures))
          report('morph', `"${a.id}" has no Type 1 / Type 2 partner to morph into`);
        break;
      }
    }
  }
}
