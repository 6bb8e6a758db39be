import type { AppState } from './state/AppState.svelte';
import { COURSE_KEY, MODES } from './state/AppState.svelte';

interface ViewportKeys {
  frameSelection(): void;
  resetView(): void;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
}

/**
 * App-wide keys (PhET / Packet Tracer style): Space play/pause, Right/Left step, F frame selection,
 * Home reset view, 1-6 switch view, 7 the course, S the presenter view. Keys typed into a form control stay with that
 * control.
 */
export function handleGlobalKey(e: KeyboardEvent, app: AppState, viewport: ViewportKeys | undefined): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
  const onButton = e.target instanceof HTMLButtonElement;
  const player = app.stage.player ? app.controls : null;
  switch (e.key) {
    case ' ':
      if (onButton || !player) return; // Space on a button presses that button.
      player.toggle();
      break;
    case 'ArrowRight':
      if (!player) return;
      player.next();
      break;
    case 'ArrowLeft':
      if (!player) return;
      player.prev();
      break;
    case 'f':
    case 'F':
      viewport?.frameSelection();
      break;
    case 'Home':
      viewport?.resetView();
      break;
    case COURSE_KEY:
      app.openCourse();
      break;
    case 's':
    case 'S':
      app.presenting = true;
      break;
    default: {
      const mode = MODES.find((m) => m.key === e.key);
      if (!mode) return;
      app.setMode(mode.id);
    }
  }
  e.preventDefault();
}
