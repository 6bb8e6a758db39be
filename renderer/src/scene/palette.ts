/**
 * Colours and second cues. Okabe-Ito (colour-blind safe) hues; every component kind also has a glyph badge,
 * so colour is never the only cue. Pure data: no three.js objects.
 */
import { bandName, ringName, type PrivilegeSubject } from '../model/privilege';
import { EXIT_MECHANISMS } from '../model/enums';
import { RINGS, type ComponentKind, type Domain, type Mechanism, type Payload, type Ring } from '../model/types';
import { THEME_COLORS, type ThemeName } from '../../../electron/ipc/themeColors';

export type { ThemeName };

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

/** Inverted-hull outline thickness in world units per theme (geometry, so not in the colour table). */
const OUTLINE_WIDTH: Readonly<Record<ThemeName, number>> = { light: 0.14, dark: 0.12, projector: 0.2 };

/** '#rrggbb' (the colour table's notation) as the number three.js takes. */
const rgb = (css: string): number => parseInt(css.slice(1), 16);

function scaleColor(color: number, f: number): number {
  const r = Math.min(255, Math.round(((color >> 16) & 255) * f));
  const g = Math.min(255, Math.round(((color >> 8) & 255) * f));
  const b = Math.min(255, Math.round((color & 255) * f));
  return (r << 16) | (g << 8) | b;
}

/** The 3D palette of a theme, from its scene colours in the theme colour table (electron/ipc/themeColors.ts). */
export function paletteFor(theme: ThemeName): Palette {
  const c = THEME_COLORS[theme].scene;
  const slab = (key: string): number | undefined => (c.slab[key] === undefined ? undefined : rgb(c.slab[key]));
  return {
    theme,
    background: rgb(c.background),
    slab: (ring, domain) => slab(`${ring}:${domain}`) ?? slab(ring) ?? slab(`${ring}:host`) ?? 0x888888,
    slabOpacity: c.slabOpacity,
    blockColor: (kind) => scaleColor(KIND_STYLE[kind].color, c.kindColorScale),
    blockEdge: rgb(c.blockEdge),
    tcbOutline: rgb(c.tcbOutline),
    selectOutline: rgb(c.selectOutline),
    hoverOutline: rgb(c.hoverOutline),
    outlineWidth: OUTLINE_WIDTH[theme],
    activeEmissive: rgb(c.activeEmissive),
    failedColor: rgb(c.failedColor),
    failedHatch: rgb(c.failedHatch),
    arc: { drop: rgb(c.arc.drop), rise: rgb(c.arc.rise), direct: rgb(c.arc.direct) },
    arcDoneOpacity: c.arcDoneOpacity,
    arcHalo: rgb(c.arcHalo),
    packet: { command: rgb(c.packet.command), data: rgb(c.packet.data), signal: rgb(c.packet.signal) },
    gate: rgb(c.gate),
    deviceLink: rgb(c.deviceLink),
  };
}
