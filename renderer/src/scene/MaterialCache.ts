/**
 * Shared materials per (theme, role), plus the shared geometries every view scales (one unit box, one packet shape).
 * Views never dispose materials or shared geometry: the cache owns them and frees them on theme change, when the scene
 * empties, and on dispose.
 */
import {
  BackSide,
  BoxGeometry,
  Color,
  DataTexture,
  DoubleSide,
  MeshBasicMaterial,
  MeshLambertMaterial,
  OctahedronGeometry,
  RGBAFormat,
  RepeatWrapping,
  SRGBColorSpace,
  type Material,
} from 'three';
import type { ComponentKind, Domain, Payload, Ring } from '../model/types';
import { paletteFor, type ArcStyle, type Palette, type ThemeName } from './palette';
import type { ResourceTracker } from './ResourceTracker';

export type BlockState = 'normal' | 'active' | 'failed';
/** Opacity of a block outside the spotlight: still there (the stack keeps its shape), clearly not the subject. */
export const DIMMED_OPACITY = 0.18;
export type OutlineRole = 'tcb' | 'selected' | 'hover';

export class MaterialCache {
  private readonly materials = new Map<string, Material>();
  private hatch: DataTexture | null = null;
  private box: BoxGeometry | null = null;
  private packet: OctahedronGeometry | null = null;
  palette: Palette;

  constructor(
    private readonly tracker: ResourceTracker,
    theme: ThemeName,
  ) {
    this.palette = paletteFor(theme);
  }

  get theme(): ThemeName {
    return this.palette.theme;
  }

  /** Switches theme: frees every material (views must re-acquire theirs). */
  setTheme(theme: ThemeName): void {
    if (theme === this.palette.theme) return;
    this.clearMaterials();
    this.palette = paletteFor(theme);
  }

  /** One unit box (1x1x1, centred) shared by slabs, blocks and outlines. */
  unitBox(): BoxGeometry {
    this.box ??= this.tracker.track(new BoxGeometry(1, 1, 1));
    return this.box;
  }

  packetGeometry(): OctahedronGeometry {
    this.packet ??= this.tracker.track(new OctahedronGeometry(1.35, 1));
    return this.packet;
  }

  slab(ring: Ring, domain: Domain): Material {
    return this.get(`slab:${ring}:${domain}`, () => {
      const p = this.palette;
      return new MeshLambertMaterial({
        color: new Color(p.slab(ring, domain)),
        transparent: p.slabOpacity < 1,
        opacity: p.slabOpacity,
      });
    });
  }

  /** A block's material; `dimmed` (outside a spotlight) is the same, faint (mostly see-through). */
  block(kind: ComponentKind, state: BlockState, dimmed = false): Material {
    return this.get(`block:${kind}:${state}${dimmed ? ':dim' : ''}`, () => {
      const p = this.palette;
      const faint = dimmed ? { transparent: true, opacity: DIMMED_OPACITY } : {};
      if (state === 'failed') {
        return new MeshLambertMaterial({ color: new Color(0xffffff), map: this.hatchTexture(), ...faint });
      }
      const m = new MeshLambertMaterial({ color: new Color(p.blockColor(kind)), ...faint });
      if (state === 'active') {
        m.emissive = new Color(p.activeEmissive);
        m.emissiveIntensity = 0.65;
      }
      return m;
    });
  }

  outline(role: OutlineRole): Material {
    return this.get(`outline:${role}`, () => {
      const p = this.palette;
      const color = role === 'tcb' ? p.tcbOutline : role === 'selected' ? p.selectOutline : p.hoverOutline;
      return new MeshBasicMaterial({ color: new Color(color), side: BackSide });
    });
  }

  arc(style: ArcStyle, done: boolean): Material {
    return this.get(`arc:${style}:${done ? 'done' : 'now'}`, () => {
      const p = this.palette;
      return new MeshBasicMaterial({
        color: new Color(p.arc[style]),
        transparent: done,
        opacity: done ? p.arcDoneOpacity : 1,
        side: DoubleSide,
        depthWrite: !done,
      });
    });
  }

  arcHalo(done: boolean): Material {
    return this.get(`arc-halo:${done ? 'done' : 'now'}`, () => {
      const p = this.palette;
      return new MeshBasicMaterial({
        color: new Color(p.arcHalo),
        transparent: done,
        opacity: done ? p.arcDoneOpacity * 0.8 : 1,
        // Inverted hull: only the far side of the wider tube shows, as a rim around the arc.
        side: BackSide,
        depthWrite: !done,
      });
    });
  }

  /** The world-switch gate (a Type 2's wall between the host world and the VMM world). */
  gate(): Material {
    return this.get('gate', () => new MeshLambertMaterial({ color: new Color(this.palette.gate) }));
  }

  /** Static wires: a device to its host driver, VMDriver to the VMM. */
  link(kind: 'device' | 'world-switch'): Material {
    return this.get(`link:${kind}`, () => {
      const p = this.palette;
      return new MeshBasicMaterial({ color: new Color(kind === 'device' ? p.deviceLink : p.gate) });
    });
  }

  packetMaterial(): Material {
    return this.get('packet', () => new MeshBasicMaterial({ color: new Color(0xffffff), depthTest: false }));
  }

  packetColor(moves: Payload): Color {
    return new Color(this.palette.packet[moves]);
  }

  /** Names of the cached materials (tests use it to check which material a view got). */
  keyOf(material: Material): string | undefined {
    for (const [k, m] of this.materials) if (m === material) return k;
    return undefined;
  }

  get size(): number {
    return this.materials.size;
  }

  clearMaterials(): void {
    for (const m of this.materials.values()) m.dispose();
    this.materials.clear();
    this.hatch?.dispose();
    this.hatch = null;
  }

  /** Frees everything the cache owns (materials, hatch texture, shared geometries). */
  dispose(): void {
    this.clearMaterials();
    this.box?.dispose();
    this.box = null;
    this.packet?.dispose();
    this.packet = null;
  }

  private get(key: string, make: () => Material): Material {
    let m = this.materials.get(key);
    if (!m) {
      m = this.tracker.track(make());
      this.materials.set(key, m);
    }
    return m;
  }

  /** Diagonal stripes (dark, hatch-like) for failed components, built as data so it works without a DOM. */
  private hatchTexture(): DataTexture {
    if (this.hatch) return this.hatch;
    const size = 16;
    const data = new Uint8Array(size * size * 4);
    const dark = new Color(this.palette.failedColor);
    const light = new Color(this.palette.failedHatch);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const c = (x + y) % 8 < 3 ? light : dark;
        const i = (y * size + x) * 4;
        data[i] = Math.round(c.r * 255);
        data[i + 1] = Math.round(c.g * 255);
        data[i + 2] = Math.round(c.b * 255);
        data[i + 3] = 255;
      }
    }
    const t = new DataTexture(data, size, size, RGBAFormat);
    t.wrapS = RepeatWrapping;
    t.wrapT = RepeatWrapping;
    t.repeat.set(3, 2);
    t.colorSpace = SRGBColorSpace;
    t.needsUpdate = true;
    this.hatch = this.tracker.track(t);
    return this.hatch;
  }
}
