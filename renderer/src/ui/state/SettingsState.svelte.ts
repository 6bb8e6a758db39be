import type { Platform } from '../../platform/Platform';
import { DEFAULT_SETTINGS, type Settings, type SettingsProblem } from '../../platform/settings';

/** Settings as live runes state: loaded from the platform, applied to the document, saved on change. */
export class SettingsState {
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  problems = $state<SettingsProblem[]>([]);
  loaded = $state(false);
  saveError = $state<string | null>(null);
  private osReducedMotion = $state(false);

  /** Reduced motion from the in-app setting, or the OS when the setting says "system". */
  reducedMotion = $derived(
    this.settings.reducedMotion === 'on' || (this.settings.reducedMotion === 'system' && this.osReducedMotion),
  );

  get theme(): Settings['theme'] {
    return this.settings.theme;
  }

  constructor(private readonly platform: Platform) {
    const query = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (query) {
      this.osReducedMotion = query.matches;
      query.addEventListener('change', (e) => (this.osReducedMotion = e.matches));
    }
  }

  async load(): Promise<void> {
    let loaded: Awaited<ReturnType<Platform['loadSettings']>>;
    try {
      loaded = await this.platform.loadSettings();
    } catch (error) {
      // Storage the browser refuses (privacy settings, a sandboxed frame): defaults, and say so.
      const message = error instanceof Error ? error.message : String(error);
      this.problems = [{ field: '(settings storage)', message: `could not be read (${message}); defaults in use` }];
      this.loaded = true;
      return;
    }
    const { settings, problems } = loaded;
    this.settings = settings;
    this.problems = problems;
    this.loaded = true;
    if (problems.length > 0) console.warn('Settings fell back to defaults:', problems);
  }

  async update(patch: Partial<Omit<Settings, 'schemaVersion'>>): Promise<void> {
    this.settings = { ...this.settings, ...patch };
    try {
      this.settings = await this.platform.saveSettings($state.snapshot(this.settings));
      this.saveError = null;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Writes the theme and text size to the document root, where the CSS reads them. */
  apply(root: HTMLElement): void {
    root.dataset.theme = this.settings.theme;
    root.style.setProperty('--text-scale', String(this.settings.textScale));
    root.dataset.reducedMotion = String(this.reducedMotion);
  }
}
