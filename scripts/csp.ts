import type { Plugin } from 'vite';
import { DEV_CSP, PRODUCTION_CSP } from '../electron/csp';

export { DEV_CSP, PRODUCTION_CSP };

/** Writes the policy into index.html's CSP meta tag (placeholder `%CSP%`). */
export function cspPlugin(): Plugin {
  let csp = PRODUCTION_CSP;
  return {
    name: 'ring-minus-one-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? DEV_CSP : PRODUCTION_CSP;
    },
    transformIndexHtml(html) {
      return html.replace('%CSP%', csp);
    },
  };
}
