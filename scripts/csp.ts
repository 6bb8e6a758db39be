import type { Plugin } from 'vite';
import { DEV_CSP, PRODUCTION_CSP, inlineScriptHashes, productionCsp } from '../electron/csp';

export { DEV_CSP, PRODUCTION_CSP, inlineScriptHashes, productionCsp };

/**
 * Writes the policy into index.html's CSP meta tag (placeholder `%CSP%`). In the build, the policy names the hash of each
 * inline script the finished page has (the early script, put there by scripts/earlyContext.ts): `order: 'post'`, and
 * after that plugin in vite.config.ts, so it hashes the page as it is written. Electron's main sends the same policy as a
 * header, hashing the same file (electron/main.ts).
 */
export function cspPlugin(): Plugin {
  let building = true;
  return {
    name: 'ring-minus-one-csp',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('%CSP%', building ? productionCsp(inlineScriptHashes(html)) : DEV_CSP),
    },
  };
}
