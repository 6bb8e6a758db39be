/**
 * The presenter's keys, as a presentation clicker sends them (PowerPoint / reveal.js conventions): PageDown, Right and
 * Space go to the next step, PageUp and Left back; B or period black the audience out (Esc lifts it); a step number
 * then Enter jumps there; S swaps the displays (Electron); ? shows the list. Pure: a key name in, an action out, so
 * the presenter window and the audience window (where the clicker's keys may land) share one reading of the keys.
 */
export type ClickerAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'goto'; index: number }
  | { type: 'blackout' }
  | { type: 'escape' }
  | { type: 'swap' }
  | { type: 'help' }
  /** A digit typed toward a step number (shown while it is typed). */
  | { type: 'digits'; typed: string };

/** The keys, for the help overlay (one list, so help and handling cannot disagree). */
export const CLICKER_KEYS: { keys: string[]; does: string }[] = [
  { keys: ['Page Down', '→', 'Space'], does: 'Next step' },
  { keys: ['Page Up', '←'], does: 'Previous step' },
  { keys: ['B', '.'], does: 'Black out the audience screen (again to light it)' },
  { keys: ['Esc'], does: 'Close this help, cancel a typed number, or lift the blackout' },
  { keys: ['3', 'Enter'], does: 'Jump to step 3 (type the number, then Enter)' },
  { keys: ['S'], does: 'Swap the presenter and audience displays (desktop app)' },
  { keys: ['?'], does: 'Show or hide this list' },
];

/** The keys that name an action by themselves, by KeyboardEvent.key (digits and Enter are read apart). */
const KEY_ACTIONS = new Map<string, Exclude<ClickerAction, { type: 'goto' | 'digits' }>['type']>(
  (
    [
      ['next', ['PageDown', 'ArrowRight', ' ']],
      ['prev', ['PageUp', 'ArrowLeft']],
      ['blackout', ['b', 'B', '.']],
      ['escape', ['Escape']],
      ['swap', ['s', 'S']],
      ['help', ['?']],
    ] as const
  ).flatMap(([type, keys]) => keys.map((key) => [key, type] as const)),
);

/** Reads keys one at a time; holds the digits typed so far. */
export class ClickerKeys {
  private typed = '';

  /** The digits typed toward a jump ('' when none). */
  get pending(): string {
    return this.typed;
  }

  /** The action of a key (KeyboardEvent.key), or null for a key that is not a presenter key. */
  read(key: string): ClickerAction | null {
    if (/^[0-9]$/.test(key)) {
      // Three digits are more steps than any run sheet holds: start over rather than grow without end.
      this.typed = (this.typed.length >= 3 ? '' : this.typed) + key;
      return { type: 'digits', typed: this.typed };
    }
    const typed = this.typed;
    this.typed = '';
    if (key === 'Enter') {
      const n = Number(typed);
      return typed && n >= 1 ? { type: 'goto', index: n - 1 } : null;
    }
    const type = KEY_ACTIONS.get(key);
    if (type) return { type };
    this.typed = typed;
    return null;
  }
}
