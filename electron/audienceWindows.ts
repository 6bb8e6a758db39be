/**
 * Keeps the audience window where displayPlacement.ts says it belongs: when it opens, when the presenter swaps the
 * two windows' displays, and whenever a display is added, removed or changes (hot-plug while presenting). Electron's
 * `screen` and windows come in through small interfaces, so the unit tests drive it with fakes.
 */
import { placeWindows, type DisplayInfo, type Rect } from './displayPlacement';
import { isAllowedNavigation } from './security';

/** The part of Electron's `screen` this module uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): { id: number };
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
  removeListener(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

/** The part of a BrowserWindow this module uses. */
export interface WindowLike {
  getBounds(): Rect;
  setBounds(bounds: Rect): void;
  setFullScreen(on: boolean): void;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  focus(): void;
  once(event: 'closed', listener: () => void): unknown;
}

const DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

/** True for the one URL a window may open as a window of the app: the app itself as the audience view. */
export function isAudienceUrl(url: string, appOrigin: string): boolean {
  if (!isAllowedNavigation(url, appOrigin)) return false;
  const parsed = new URL(url);
  return parsed.searchParams.get('window') === 'audience' && parsed.hash === '';
}

export class AudienceWindows {
  private presenter: WindowLike | null = null;
  private audience: WindowLike | null = null;
  private swapped = false;
  private readonly onDisplays = (): void => this.place();

  constructor(private readonly screen: ScreenLike) {}

  get open(): boolean {
    return this.audience !== null && !this.audience.isDestroyed();
  }

  /** Brings the open audience window to the front (a second "open audience" from the presenter); false if none. */
  focusAudience(): boolean {
    if (!this.open) return false;
    this.audience?.focus();
    return true;
  }

  /** Takes charge of a new audience window opened by `presenter`, and places both. */
  attach(presenter: WindowLike, audience: WindowLike): void {
    this.presenter = presenter;
    this.audience = audience;
    this.swapped = false;
    for (const e of DISPLAY_EVENTS) this.screen.on(e, this.onDisplays);
    audience.once('closed', () => {
      if (this.audience !== audience) return;
      this.audience = null;
      for (const e of DISPLAY_EVENTS) this.screen.removeListener(e, this.onDisplays);
    });
    this.place();
  }

  /** Trades the two windows' displays; answers whether they are now swapped (never with one display). */
  swap(): boolean {
    if (!this.open) return false;
    this.swapped = !this.swapped;
    this.place();
    return this.swapped;
  }

  /** Puts both windows where they belong for the displays there are now. */
  place(): void {
    const audience = this.audience;
    const presenter = this.presenter && !this.presenter.isDestroyed() ? this.presenter : null;
    if (!audience || audience.isDestroyed()) return;
    const presenterBounds = presenter?.getBounds() ?? audience.getBounds();
    const p = placeWindows(
      this.screen.getAllDisplays(),
      this.screen.getPrimaryDisplay().id,
      this.swapped,
      presenterBounds,
    );
    if (!p) return;
    this.swapped = p.swapped;
    // Leave full screen before moving: a full-screen window does not move to another display on every platform.
    if (audience.isFullScreen()) audience.setFullScreen(false);
    audience.setBounds(p.audience.bounds);
    if (p.audience.fullScreen) audience.setFullScreen(true);
    if (presenter && !sameRect(p.presenter.bounds, presenterBounds)) presenter.setBounds(p.presenter.bounds);
  }
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
