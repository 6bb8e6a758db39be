import { demoArchitecture, type Claim, type Foundation, type Library } from '../../model';

export interface ClaimsItem {
  kind: 'claim' | 'foundation';
  id: string;
}

/**
 * The Claims view: which claim or foundation is open (one at a time, so a projector shows one argument), and which
 * item the view should scroll to next when another view links here (the Inspector's background, the References).
 */
export class ClaimsState {
  open = $state.raw<ClaimsItem | null>(null);
  /** Set by links from other views; the view scrolls to it, moves focus there and clears it. */
  target = $state.raw<ClaimsItem | null>(null);
  readonly claims: Claim[];
  readonly foundations: Foundation[];

  constructor(
    private readonly library: Library,
    private readonly fallbackArchitecture: string,
  ) {
    this.claims = [...library.claims.values()].sort((a, b) => a.number - b.number);
    this.foundations = [...library.foundations.values()];
    const first = this.claims[0];
    if (first) this.open = { kind: 'claim', id: first.id };
  }

  isOpen(kind: ClaimsItem['kind'], id: string): boolean {
    return this.open?.kind === kind && this.open.id === id;
  }

  /** Opens or closes an item; an opened item is brought to the top (the one above it may just have closed). */
  toggle(kind: ClaimsItem['kind'], id: string): void {
    if (this.isOpen(kind, id)) this.open = null;
    else this.reveal(kind, id);
  }

  /** Opens an item and asks the view to bring it into sight. */
  reveal(kind: ClaimsItem['kind'], id: string): void {
    this.open = { kind, id };
    this.target = { kind, id };
  }

  /** The architecture the 3D view shows beside the open item: that of its first demonstration. */
  architectureId = $derived.by((): string => {
    const open = this.open;
    const item =
      open?.kind === 'claim' ? this.library.claims.get(open.id) : open ? this.library.foundations.get(open.id) : null;
    for (const demo of item?.demos ?? []) {
      const arch = demoArchitecture(this.library, demo);
      if (arch && this.library.architectures.has(arch)) return arch;
    }
    return this.fallbackArchitecture;
  });
}
