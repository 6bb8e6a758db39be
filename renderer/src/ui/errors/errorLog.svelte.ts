/**
 * Errors nobody caught: window errors, unhandled promise rejections and errors a boundary caught. The app keeps
 * running; the notice (ErrorNotice.svelte) says what happened and offers the details to copy into a bug report.
 */
export interface CaughtError {
  /** Where it was caught: "window", "promise", or the boundary's name. */
  where: string;
  message: string;
  /** Message, stack and context, for a bug report. */
  details: string;
  at: string;
}

export function describeError(where: string, error: unknown, now: Date = currentTime()): CaughtError {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : (JSON.stringify(error) ?? String(error));
  const stack = error instanceof Error && error.stack ? error.stack : '';
  const details = [
    `Ring Minus One: an error was caught (${where}) at ${now.toISOString()}`,
    `Message: ${message}`,
    stack ? `Stack:\n${stack}` : '',
    typeof navigator === 'undefined' ? '' : `Browser: ${navigator.userAgent}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { where, message, details, at: now.toISOString() };
}

/** The time of the error: a plain value for the report, never reactive state. */
function currentTime(): Date {
  return new Date(Date.now());
}

export class ErrorLog {
  /** Newest last; only the last few are kept (a loop that throws every frame must not grow memory). */
  items = $state.raw<CaughtError[]>([]);

  report(where: string, error: unknown): void {
    this.items = [...this.items.slice(-9), describeError(where, error)];
    console.error(`Ring Minus One caught an error (${where}):`, error);
  }

  dismiss(): void {
    this.items = [];
  }

  /** Listens to the window for errors and rejections nobody handled; returns the way to stop. */
  install(target: Window): () => void {
    const onError = (e: ErrorEvent) => this.report('window', e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => this.report('promise', e.reason);
    target.addEventListener('error', onError);
    target.addEventListener('unhandledrejection', onRejection);
    return () => {
      target.removeEventListener('error', onError);
      target.removeEventListener('unhandledrejection', onRejection);
    };
  }
}
