/**
 * The presentation state: a small serializable object that says what is on stage (view, architecture, path or pair,
 * time, play state, speed, what-ifs, a crash, the selection). It can be saved, restored and sent to another window as
 * it is; a run sheet or a lesson step stores one. One zod schema validates it wherever it comes from, and
 * `checkPresentation` names every id the library does not know.
 */
import { z } from 'zod';
import type { Library } from './types';

export const VIEWS = ['explore', 'walkthrough', 'compare', 'lab', 'claims', 'references'] as const;

/**
 * Camera presets the scene knows: the default framing of the stacks, straight from the front (layers read as a
 * diagram), from the side (the depth of the stack: who sits on whom), and from above (the columns: one per VM).
 */
export const CAMERA_PRESETS = ['overview', 'front', 'side', 'top'] as const;
export type CameraPreset = (typeof CAMERA_PRESETS)[number];

const whatIfsSchema = z.strictObject({
  batchSize: z.number().int().min(1).max(64),
  batching: z.boolean(),
  hardwareAssist: z.boolean().optional(),
  driversIn: z.enum(['hypervisor', 'parent']).optional(),
  options: z.array(z.string()),
});

export const presentationSchema = z.strictObject({
  version: z.literal(1),
  view: z.enum(VIEWS),
  /** The architecture of Explore (and of the Lab in the Lab). */
  architectureId: z.string().min(1),
  /** The path of the walkthrough (and of the Lab's player in the Lab). */
  pathId: z.string().min(1),
  compare: z.strictObject({ left: z.string().min(1), right: z.string().min(1) }),
  /** Model time of the player on screen, in seconds. */
  time: z.number().min(0),
  playing: z.boolean(),
  speed: z.number().min(0.25).max(4),
  whatIfs: whatIfsSchema,
  crashed: z.string().nullable(),
  /** In the Lab: the packet and the player are shown. */
  showPlayer: z.boolean(),
  selection: z.strictObject({ stackKey: z.string(), componentId: z.string() }).nullable(),
  /** The claim open in the Claims view (null: none). */
  claim: z.string().min(1).nullable(),
  /** The camera preset in use (a learner's own orbit is not part of the state). */
  camera: z.enum(CAMERA_PRESETS),
  /** Components the presenter spotlights: the rest of the stack dims (empty: no spotlight). */
  spotlight: z.array(z.string().min(1)).max(32),
  /** The audience sees a black screen (the presenter's pause). */
  blackout: z.boolean(),
});

export type Presentation = z.infer<typeof presentationSchema>;
export type View = Presentation['view'];

/** Parses untrusted data (a file, a message from another window): the state, or every problem with its place. */
export function parsePresentation(
  raw: unknown,
): { ok: true; presentation: Presentation } | { ok: false; errors: string[] } {
  const r = presentationSchema.safeParse(raw);
  if (r.success) return { ok: true, presentation: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`),
  };
}

/** Ids the library does not know, each with where it is (empty when the state fits the library). */
export function checkPresentation(library: Library, p: Presentation): string[] {
  const errors: string[] = [];
  const arch = library.architectures.get(p.architectureId);
  if (!arch) errors.push(`architectureId: unknown architecture "${p.architectureId}"`);
  if (!library.paths.has(p.pathId)) errors.push(`pathId: unknown path "${p.pathId}"`);
  for (const side of ['left', 'right'] as const)
    if (!library.paths.has(p.compare[side])) errors.push(`compare.${side}: unknown path "${p.compare[side]}"`);
  if (p.crashed !== null && arch && !arch.components.some((c) => c.id === p.crashed))
    errors.push(`crashed: "${p.crashed}" is not a component of ${arch.name}`);
  if (p.claim !== null && !library.claims.has(p.claim) && !library.foundations.has(p.claim))
    errors.push(`claim: unknown claim "${p.claim}"`);
  p.spotlight.forEach((id, i) => {
    if (arch && !arch.components.some((c) => c.id === id))
      errors.push(`spotlight[${i}]: "${id}" is not a component of ${arch.name}`);
  });
  return errors;
}

/** What a library offers first: the ids a presentation falls back to when its own are gone. */
export interface PresentationDefaults {
  architectureId: string;
  pathId: string;
  compare: { left: string; right: string };
}

/**
 * The same presentation on another library (an author's file reloaded): every id the library still knows is kept,
 * every id it does not know falls back to `defaults` (and whatever hangs on it: the crash, the spotlight, the
 * selection, the model time of a path that is gone). `dropped` names what could not be kept, one line each.
 */
export function fitPresentation(
  library: Library,
  p: Presentation,
  defaults: PresentationDefaults,
): { presentation: Presentation; dropped: string[] } {
  const dropped: string[] = [];
  const keep = (has: boolean, id: string, fallback: string, what: string): string => {
    if (has) return id;
    dropped.push(`${what} "${id}"`);
    return fallback;
  };
  const architectureId = keep(
    library.architectures.has(p.architectureId),
    p.architectureId,
    defaults.architectureId,
    'architecture',
  );
  const pathId = keep(library.paths.has(p.pathId), p.pathId, defaults.pathId, 'path');
  const left = keep(library.paths.has(p.compare.left), p.compare.left, defaults.compare.left, 'path');
  const right = keep(library.paths.has(p.compare.right), p.compare.right, defaults.compare.right, 'path');
  const arch = library.architectures.get(architectureId);
  const has = (id: string) => arch?.components.some((c) => c.id === id) ?? false;
  const sameArchitecture = architectureId === p.architectureId;
  const crashed = p.crashed !== null && sameArchitecture && has(p.crashed) ? p.crashed : null;
  if (p.crashed !== null && crashed === null) dropped.push(`crashed component "${p.crashed}"`);
  const claim = p.claim !== null && (library.claims.has(p.claim) || library.foundations.has(p.claim)) ? p.claim : null;
  if (p.claim !== null && claim === null) dropped.push(`claim "${p.claim}"`);
  // The clock belongs to the path (or pair) on screen: another path starts at its beginning.
  const clockKept = p.view === 'compare' ? left === p.compare.left && right === p.compare.right : pathId === p.pathId;
  return {
    presentation: {
      ...p,
      architectureId,
      pathId,
      compare: { left, right },
      time: clockKept ? p.time : 0,
      playing: clockKept && p.playing,
      crashed,
      claim,
      spotlight: sameArchitecture ? p.spotlight.filter(has) : [],
      selection: keepSelection(library, p.selection, dropped.length === 0),
    },
    dropped: [...new Set(dropped)],
  };
}

/** A selection names a component of a stack on screen: kept while everything on screen is, and the component exists. */
function keepSelection(
  library: Library,
  selection: Presentation['selection'],
  sameStacks: boolean,
): Presentation['selection'] {
  if (!selection || !sameStacks) return null;
  const id = selection.componentId;
  return [...library.architectures.values()].some((a) => a.components.some((c) => c.id === id)) ? selection : null;
}
