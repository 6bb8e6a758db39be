/**
 * Colours and second cues. Okabe-Ito (colour-blind safe) hues; every component kind also has a glyph badge,
 * so colour is never the only cue. Pure data: no three.js objects.
 */
import { bandName, ringName, type PrivilegeSubject } from '../model/privilege';
import { EXIT_MECHANISMS } from '../model/schema';
import { RINGS, type ComponentKind, type Domain, type Mechanism, type Payload, type Ring } from '../model/types';

export type ThemeName = 'light' | 'dark' | 'projector';

/** Okabe-Ito. */
export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export interface KindStyle {
  color: number;
  /** Badge shown before the label text (second cue besides colour). */
  glyph: string;
  /** Short word for screen readers and the legend. */
  word: string;
}

export const KIND_STYLE: Readonly<Record<ComponentKind, KindStyle>> = {
  hardware: { color: 0x9a9a9a, glyph: '▤', word: 'hardware' },
  hypervisor: { color: OKABE_ITO.vermillion, glyph: '▲', word: 'hypervisor' },
  vmm: { color: OKABE_ITO.vermillion, glyph: '△', word: 'VMM' },
  driver: { color: OKABE_ITO.orange, glyph: '⚙', word: 'driver' },
  vsp: { color: OKABE_ITO.blue, glyph: '◆', word: 'service provider (backend)' },
  vsc: { color: OKABE_ITO.skyBlue, glyph: '◇', word: 'service client (frontend)' },
  emulator: { color: OKABE_ITO.reddishPurple, glyph: '▣', word: 'emulator' },
  bus: { color: OKABE_ITO.blue, glyph: '⇄', word: 'bus' },
  scheduler: { color: OKABE_ITO.yellow, glyph: '◷', word: 'scheduler' },
  memory: { color: OKABE_ITO.yellow, glyph: '▦', word: 'memory manager' },
  filesystem: { color: OKABE_ITO.bluishGreen, glyph: '≡', word: 'file system' },
  switch: { color: OKABE_ITO.bluishGreen, glyph: '⋈', word: 'virtual switch' },
  management: { color: OKABE_ITO.skyBlue, glyph: '☰', word: 'management' },
  worker: { color: OKABE_ITO.reddishPurple, glyph: '⚒', word: 'worker process' },
  kernel: { color: 0xb8c4d6, glyph: '●', word: 'kernel' },
  application: { color: 0xe8e8e8, glyph: '□', word: 'application' },
  enlightenment: { color: OKABE_ITO.skyBlue, glyph: '✦', word: 'enlightenment' },
};

export const RING_ORDER: readonly Ring[] = RINGS;
export const DOMAIN_ORDER: readonly Domain[] = ['hardware', 'hypervisor', 'host', 'guest'];

/**
 * Name of a privilege level for an architecture, true to its CPU: "ring -1 (VMX root)" only with VT-x; a hosted VMM
 * on a CPU without it runs at "ring 0" (the names live in model/privilege.ts).
 */
export function ringLabel(ring: Ring, arch: PrivilegeSubject): string {
  return ringName(arch, ring);
}

/** Text of the band label at the left of a ring band, e.g. "ring 3 — user" (" — " separates its lines). */
export function bandLabel(ring: Ring, arch: PrivilegeSubject): string {
  return bandName(arch, ring);
}

/** How a hop is drawn: a drop through the hypervisor, a rise from below, or a direct arc. */
export type ArcStyle = 'drop' | 'rise' | 'direct';

export function arcStyleFor(mechanism: Mechanism): ArcStyle {
  if ((EXIT_MECHANISMS as readonly Mechanism[]).includes(mechanism)) return 'drop';
  if (mechanism === 'interrupt') return 'rise';
  return 'direct';
}

const MECHANISM_TEXT: Record<Mechanism, string> = {
  call: 'call',
  syscall: 'system call',
  trap: 'trap',
  vmexit: 'VM exit',
  hypercall: 'hypercall',
  'ring-write': 'ring write',
  signal: 'signal',
  interrupt: 'interrupt',
  dma: 'DMA',
  'world-switch': 'world switch',
  copy: 'copy',
};

/** Short name of a mechanism, shown next to the current hop's arc. */
export function mechanismLabel(m: Mechanism): string {
  const style = arcStyleFor(m);
  const arrow = style === 'drop' ? '▼ ' : style === 'rise' ? '▲ ' : '';
  return arrow + MECHANISM_TEXT[m];
}

export interface Palette {
  theme: ThemeName;
  background: number;
  /** Slab colour per ring and domain; key `${ring}:${domain}`, falling back to the ring. */
  slab: (ring: Ring, domain: Domain) => number;
  slabOpacity: number;
  /** Multiplier applied to kind colours (projector: saturated, dark: slightly dimmed). */
  blockColor: (kind: ComponentKind) => number;
  blockEdge: number;
  tcbOutline: number;
  selectOutline: number;
  hoverOutline: number;
  /** Outline thickness in world units (inverted-hull shell). */
  outlineWidth: number;
  activeEmissive: number;
  failedColor: number;
  failedHatch: number;
  arc: Record<ArcStyle, number>;
  arcDoneOpacity: number;
  /** Colour of the halo tube behind arcs (contrast on any slab). */
  arcHalo: number;
  packet: Record<Payload, number>;
  /** The world-switch gate of a hosted VMM and the wires from devices to their (host) drivers. */
  gate: number;
  deviceLink: number;
}

const SLAB_LIGHT: Record<string, number> = {
  hardware: 0x8c8c8c,
  'ring-1': 0xf2b48a,
  'ring0:host': 0x9cc3e6,
  'ring0:guest': 0x9fd9c2,
  'ring0:hypervisor': 0xf2b48a,
  // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
  'deprivileged:guest': 0x9fd9c2,
  'ring3:host': 0xc6def2,
  'ring3:guest': 0xc9ecdd,
};
const SLAB_DARK: Record<string, number> = {
  hardware: 0x5a5a5a,
  'ring-1': 0x8a3f0c,
  'ring0:host': 0x1f4f7a,
  'ring0:guest': 0x14614b,
  'ring0:hypervisor': 0x8a3f0c,
  // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
  'deprivileged:guest': 0x14614b,
  'ring3:host': 0x4a86bf,
  'ring3:guest': 0x3a9c7c,
};
const SLAB_PROJECTOR: Record<string, number> = {
  hardware: 0x555555,
  'ring-1': 0xd55e00,
  'ring0:host': 0x0072b2,
  'ring0:guest': 0x009e73,
  'ring0:hypervisor': 0xd55e00,
  // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
  'deprivileged:guest': 0x009e73,
  'ring3:host': 0x56b4e9,
  'ring3:guest': 0x5fd3a8,
};

function slabLookup(table: Record<string, number>): (ring: Ring, domain: Domain) => number {
  return (ring, domain) => table[`${ring}:${domain}`] ?? table[ring] ?? table[`${ring}:host`] ?? 0x888888;
}

function scaleColor(color: number, f: number): number {
  const r = Math.min(255, Math.round(((color >> 16) & 255) * f));
  const g = Math.min(255, Math.round(((color >> 8) & 255) * f));
  const b = Math.min(255, Math.round((color & 255) * f));
  return (r << 16) | (g << 8) | b;
}

export function paletteFor(theme: ThemeName): Palette {
  if (theme === 'dark') {
    return {
      theme,
      background: 0x14171c,
      slab: slabLookup(SLAB_DARK),
      slabOpacity: 0.85,
      blockColor: (kind) => scaleColor(KIND_STYLE[kind].color, 0.9),
      blockEdge: 0x0b0d10,
      tcbOutline: 0xffffff,
      selectOutline: OKABE_ITO.yellow,
      hoverOutline: 0x9ad0ff,
      outlineWidth: 0.12,
      activeEmissive: 0xffd84d,
      failedColor: 0x222222,
      failedHatch: 0x555555,
      arc: { drop: 0xff8a3d, rise: 0xf0a8dc, direct: 0x8fd3ff },
      arcDoneOpacity: 0.28,
      arcHalo: 0x000000,
      packet: { command: OKABE_ITO.yellow, data: 0xffffff, signal: 0xffe14d },
      gate: 0xe8e8e8,
      deviceLink: 0xb8b8b8,
    };
  }
  if (theme === 'projector') {
    return {
      theme,
      background: 0xfcfcfc,
      slab: slabLookup(SLAB_PROJECTOR),
      slabOpacity: 1,
      blockColor: (kind) => KIND_STYLE[kind].color,
      blockEdge: 0x000000,
      tcbOutline: 0x000000,
      selectOutline: 0x6a00ff,
      hoverOutline: 0x0040ff,
      outlineWidth: 0.2,
      activeEmissive: 0xffcc00,
      failedColor: 0x1a1a1a,
      failedHatch: 0x6e6e6e,
      arc: { drop: 0xb00000, rise: 0x7a007a, direct: 0x002b80 },
      arcDoneOpacity: 0.4,
      arcHalo: 0xffffff,
      packet: { command: 0x000000, data: 0x000000, signal: 0x2a0066 },
      gate: 0x000000,
      deviceLink: 0x333333,
    };
  }
  return {
    theme,
    background: 0xf4f5f7,
    slab: slabLookup(SLAB_LIGHT),
    slabOpacity: 0.9,
    blockColor: (kind) => KIND_STYLE[kind].color,
    blockEdge: 0x333333,
    tcbOutline: 0x1a1a1a,
    selectOutline: 0x6a00ff,
    hoverOutline: 0x0072b2,
    outlineWidth: 0.14,
    activeEmissive: 0xffb000,
    failedColor: 0x2a2a2a,
    failedHatch: 0x6a6a6a,
    arc: { drop: 0x9e1b00, rise: 0x6b2c91, direct: 0x003f7f },
    arcDoneOpacity: 0.28,
    arcHalo: 0xffffff,
    packet: { command: 0x111111, data: 0x111111, signal: 0x3a0a5e },
    gate: 0x222222,
    deviceLink: 0x555555,
  };
}
