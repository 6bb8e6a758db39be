/**
 * Ends the current task and goes on in a new one, so the browser can handle input and draw in between (issue 11: total
 * blocking time). `scheduler.yield` (Chromium 129 and later, so Electron 45) puts the rest ahead of other waiting
 * tasks of the same priority; a zero timeout elsewhere. Each yield costs about a millisecond on the bench's machine.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
