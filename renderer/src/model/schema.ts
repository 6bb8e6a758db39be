/**
 * The one schema of scenario files (zod 4). Built-in content and instructors' own files both go through it; the JSON
 * Schema for authors' editors (assets/scenarios/schema/scenario.schema.json) is generated from `scenarioFileSchema`.
 * Structural checks live here; cross-references (unknown ids, boundary rules) are checked by buildLibrary.
 */
import { z } from 'zod';
import { MECHANISMS, type ScenarioFile } from './types';
import { claimSchema, foundationSchema } from './claims';

export const CURRENT_SCHEMA_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes, e.g. "storvsp"')
  .describe('Identifier: lower-case letters, digits and dashes.');
const text = z.string().min(1, 'must not be empty');

export const markSchema = z
  .enum(['confirmed', 'secondary', 'unverified', 'estimate'])
  .describe('✔ confirmed, ~ secondary, ⚠ unverified (shown as approximate), or the model’s own estimate.');

export const sourceSchema = z.strictObject({
  key: z.string().regex(/^[A-Z][0-9]+$/, 'a source key is a letter and a number, e.g. "H3"'),
  title: text,
  url: z.url().optional(),
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
    withoutHardwareAssist: id.optional(),
    crossing: z.boolean().optional(),
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

const contextSchema = z.strictObject({
  ring: z.enum(['hardware', 'ring-1', 'ring0', 'ring3']),
  domain: z.enum(['hardware', 'hypervisor', 'host', 'guest']),
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

export const componentKindSchema = z.enum([
  'hardware',
  'hypervisor',
  'vmm',
  'driver',
  'vsp',
  'vsc',
  'emulator',
  'bus',
  'scheduler',
  'memory',
  'filesystem',
  'switch',
  'management',
  'worker',
  'kernel',
  'application',
  'enlightenment',
]);

export const componentSchema = z.strictObject({
  id,
  name: text.max(24, 'keep names short for 3D labels (at most 24 characters); put the rest in the description'),
  layer: id,
  kind: componentKindSchema,
  tcb: z.boolean(),
  description: text,
  sources: z.array(z.string()).default([]),
  mark: markSchema.default('estimate'),
  dependsOn: z.array(id).default([]),
});

export const architectureSchema = z.strictObject({
  id,
  name: text,
  summary: text,
  type: z.enum(['type1', 'type2', 'debated']),
  driverModel: z.enum(['monolithic', 'microkernelized', 'hosted', 'split', 'linux']),
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
  sources: z.array(z.string()).default([]),
  mark: markSchema.default('estimate'),
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
  device: z.enum(['emulated', 'synthetic', 'paravirtual', 'hosted-emulated']),
  request: text,
  summary: text,
  hops: z.array(hopSchema).min(1),
  clockGHz: z.number().positive().optional(),
  sources: z.array(z.string()).default([]),
  mark: markSchema,
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
    claims: z.array(claimSchema).optional(),
    foundations: z.array(foundationSchema).optional(),
  })
  .describe('A Ring Minus One scenario file: sources, cost parameters, architectures and I/O paths.');

/** The parsed shape must be exactly the contract's ScenarioFile (plus the optional $schema pointer). */
type Parsed = z.output<typeof scenarioFileSchema>;
type Assert<T extends true> = T;
export type SchemaMatchesContract = Assert<Omit<Parsed, '$schema'> extends ScenarioFile ? true : false>;
