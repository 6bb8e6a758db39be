/**
 * The model's vocabulary as zod building blocks: ids, marks, component kinds and mechanisms. schema.ts and claims.ts
 * both build on them, so each list is written once.
 */
import { z } from 'zod';
import { MAX_STRING_LENGTH, RESERVED_NAMES } from './limits';

export { MECHANISMS, EXIT_MECHANISMS } from './enums';

export const MAX_ID_LENGTH = 64;

export const id = z
  .string()
  .max(MAX_ID_LENGTH, `an id has at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes, e.g. "storvsp"')
  // Ids become keys of maps and records; these names would reach Object.prototype.
  .refine((value) => !RESERVED_NAMES.includes(value), { message: 'this name is reserved and cannot be an id' })
  .describe('Identifier: lower-case letters, digits and dashes.');
export const text = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_STRING_LENGTH, `too long (at most ${MAX_STRING_LENGTH} characters)`);

/** A link shown as `<a href>`: only http and https, never javascript:, data: or file:. */
export const webUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
  .max(2048)
  .describe('An http:// or https:// address.');

export const markSchema = z
  .enum(['confirmed', 'secondary', 'unverified', 'estimate'])
  .describe('✔ confirmed, ~ secondary, ⚠ unverified (shown as approximate), or the model’s own estimate.');

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
