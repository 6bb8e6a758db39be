/**
 * The one schema of scenario files (zod 4). Built-in content and instructors' own files both go through it; the JSON
 * Schema for authors' editors (assets/scenarios/schema/scenario.schema.json) is generated from `scenarioFileSchema`.
 * Structural checks live here; cross-references (unknown ids, boundary rules) are checked by buildLibrary.
 */
import { z } from 'zod';
import { claimSchema, foundationSchema } from './claims';
import { glossaryTermSchema, lessonSchema } from './course/schema';
import { RINGS } from './enums';
import { componentKindSchema, id, markSchema, text, webUrl, MECHANISMS } from './vocabulary';

export { componentKindSchema, markSchema, MECHANISMS, EXIT_MECHANISMS } from './vocabulary';
export { RINGS } from './enums';

export const CURRENT_SCHEMA_VERSION = 2;

const year = z.number().int().min(1960).max(2100);

/** When a parameter's value was measured (or for which hardware it is estimated). */
export const eraSchema = z.strictObject({ platform: text, year });

/** The release a component arrived in, when later than the first release of its product. */
export const sinceSchema = z.strictObject({ release: text, year });

export const sourceSchema = z.strictObject({
  key: z.string().regex(/^[A-Z][0-9]+$/, 'a source key is a letter and a number, e.g. "H3"'),
  title: text,
  url: webUrl.optional(),
  group: z.enum(['Hyper-V', 'VMware', 'Type 2, Xen, KVM', 'Performance', 'Claims and security', 'Foundations']),
});

export const unitSchema = z.enum(['cycles', 'us', 'count', 'GHz', 'percent']);

export const costParameterSchema = z
  .strictObject({
    id,
    name: text,
    value: z.number().nonnegative(),
    unit: unitSchema,
    source: z.string().nullable().describe('Source key, or null for a model estimate.'),
    mark: markSchema,
    note: text.describe('Platform and year of the measurement, or how the estimate was made.'),
    min: z.number().nonnegative(),
    max: z.number().positive(),
    step: z.number().positive(),
    basedOn: z.array(z.string()).optional(),
    measuredAtGHz: z.number().positive().optional(),
    withoutHardwareAssist: id
      .optional()
      .describe('The parameter that replaces this one when a guest exit is caught by binary translation instead.'),
    withHardwareAssist: id
      .optional()
      .describe(
        'The parameter that replaces this one when the guest runs with VT-x/AMD-V instead of binary translation.',
      ),
    crossing: z.boolean().optional(),
    crossingFor: z
      .array(z.enum(MECHANISMS))
      .optional()
      .describe(
        'What-ifs that re-route a path (moving the drivers) charge this parameter for one crossing by these mechanisms; at most one parameter per mechanism.',
      ),
    era: eraSchema.describe('Platform and year the value belongs to (measured on, or estimated for).'),
  })
  .superRefine((p, ctx) => {
    if (p.min > p.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${p.min} is above max ${p.max}` });
    if (p.value < p.min || p.value > p.max)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `value ${p.value} is outside ${p.min}..${p.max}` });
    if (p.source === null && p.mark !== 'estimate')
      ctx.addIssue({
        code: 'custom',
        path: ['mark'],
        message: 'a parameter without a source must be marked "estimate"',
      });
  });

export const ringSchema = z
  .enum(RINGS)
  .describe(
    'Privilege level: hardware, ring -1 (VMX root), ring 0, a deprivileged guest kernel (binary translation), ring 3.',
  );
export const domainSchema = z.enum(['hardware', 'hypervisor', 'host', 'guest']);

export const contextSchema = z.strictObject({
  ring: ringSchema,
  domain: domainSchema,
});

export const columnSchema = z.strictObject({
  id,
  name: text,
  role: z.enum(['shared', 'host', 'guest']),
  description: text,
  vm: z.boolean(),
});

export const layerSchema = z.strictObject({
  id,
  name: text,
  context: contextSchema,
  column: id.optional(),
});

export const componentSchema = z.strictObject({
  id,
  name: text.max(24, 'keep names short for 3D labels (at most 24 characters); put the rest in the description'),
  layer: id,
  kind: componentKindSchema,
  description: text,
  sources: z.array(z.string()).default([]),
  mark: markSchema.default('estimate'),
  dependsOn: z.array(id).default([]),
  since: sinceSchema
    .optional()
    .describe('The release and year this component arrived in; absent means the architecture’s own release.'),
  assignedTo: id
    .optional()
    .describe(
      'Hardware only: the VM column this device function is assigned to (an SR-IOV virtual function, a passed-through device). That VM’s kernel then drives it directly, and its DMA goes through the IOMMU.',
    ),
});

/** How a release virtualizes the CPU by default, and whether the other technique exists in it. */
export const cpuSchema = z.strictObject({
  mode: z.enum(['vt', 'bt']).describe('vt: VT-x/AMD-V exits; bt: binary translation (no VT-x).'),
  switchable: z
    .boolean()
    .describe('True when the release can run a guest with the other technique (ESX 3.x: BT or VT).'),
  note: text.describe('Why (e.g. "Hyper-V requires VT-x or AMD-V"), with the era of the costs.'),
  sources: z.array(z.string()).default([]),
});

/** What a crash of a kernel-mode component of the host / parent / console / dom0 does, in this architecture's words. */
export const hostKernelCrashSchema = z.strictObject({
  effect: text,
  sources: z.array(z.string()).default([]),
  mark: markSchema,
});

export const driverModelSchema = z.enum(['monolithic', 'microkernelized', 'hosted', 'split', 'linux']);

export const architectureSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  type: z.enum(['type1', 'type2', 'debated']),
  driverModel: driverModelSchema,
  release: text.describe('The named release this architecture shows, e.g. "Windows Server 2008".'),
  year,
  cpu: cpuSchema,
  costEra: text.describe('Which era and machine the numbers of this architecture come from.'),
  hostKernelCrash: hostKernelCrashSchema.optional(),
  description: text,
  sources: z.array(z.string()).default([]),
  columns: z.array(columnSchema).min(1),
  layers: z.array(layerSchema).min(1),
  components: z.array(componentSchema).min(1),
});

export const mechanismSchema = z.enum(MECHANISMS);

export const hopSchema = z.strictObject({
  id,
  from: id,
  to: id,
  mechanism: mechanismSchema,
  moves: z.enum(['command', 'data', 'signal']),
  label: text,
  narration: text,
  params: z.array(id).default([]),
  repeat: id.optional(),
  perBatch: z.boolean().optional(),
  contextSwitch: z.boolean().optional(),
  onlyWith: id.optional().describe('Id of a path option: the hop exists only while that option is on.'),
  notWith: id.optional().describe('Id of a path option: the hop disappears while that option is on.'),
  sources: z.array(z.string()).default([]),
  mark: markSchema.default('estimate'),
});

/** A what-if that belongs to one path (e.g. PIO instead of DMA, the optimizations of a paper). */
export const pathOptionSchema = z.strictObject({
  id,
  label: text,
  description: text,
  /** Parameters replaced while the option is on: parameter id -> replacement id. */
  replaceParams: z.record(id, id).default({}),
  sources: z.array(z.string()).default([]),
  mark: markSchema,
});

export const ioPathSchema = z.strictObject({
  id,
  name: text,
  shortName: text.optional(),
  letter: z
    .string()
    .regex(/^[A-Z]$/)
    .optional(),
  architecture: id,
  device: z
    .enum(['emulated', 'synthetic', 'paravirtual', 'hosted-emulated', 'assigned'])
    .describe(
      'How the guest sees its device: emulated, synthetic (VMBus), paravirtual, emulated by a hosted VMM, or assigned (a device function the guest drives itself, e.g. an SR-IOV virtual function).',
    ),
  request: text,
  summary: text,
  hops: z.array(hopSchema).min(1),
  options: z.array(pathOptionSchema).default([]),
  clockGHz: z.number().positive().optional(),
  sources: z.array(z.string()).default([]),
  mark: markSchema,
});

/** A published figure (a measurement or a vendor's claim) that the calibration suite checks the model against. */
export const figureUnitSchema = z.enum(['cycles', 'us', 'percent', 'ratio', 'Mb/s', 'per-second', 'count']);

export const figureSchema = z
  .strictObject({
    id,
    name: text,
    /** The published value, or its range (low..high) when the source gives a range. */
    value: z.number().optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    unit: figureUnitSchema,
    source: z.string(),
    mark: markSchema,
    era: eraSchema,
    note: text,
  })
  .superRefine((f, ctx) => {
    if ((f.value === undefined) === (f.range === undefined))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'give either "value" or "range", not both or neither' });
    if (f.range && f.range[0] > f.range[1])
      ctx.addIssue({ code: 'custom', path: ['range'], message: `range ${f.range[0]}..${f.range[1]} runs backwards` });
  });

export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    id,
    title: text,
    description: z.string().optional(),
    sources: z.array(sourceSchema).optional(),
    parameters: z.array(costParameterSchema).optional(),
    architectures: z.array(architectureSchema).optional(),
    paths: z.array(ioPathSchema).optional(),
    figures: z.array(figureSchema).optional(),
    claims: z.array(claimSchema).optional(),
    foundations: z.array(foundationSchema).optional(),
    defaults: z
      .strictObject({
        architecture: id.describe('The architecture shown first in Explore and the Lab.'),
        compare: z.strictObject({ left: id, right: id }).describe('The pair of paths Compare shows first.'),
      })
      .optional()
      .describe('What the app shows first (at most one file of a library declares it).'),
    glossary: z.array(glossaryTermSchema).optional(),
    lessons: z.array(lessonSchema).optional(),
  })
  .describe(
    'A Ring Minus One scenario file: sources, cost parameters, architectures and I/O paths, claims, glossary and lessons.',
  );
