// The benchmark's harness pages (scripts/bench): each is scripts/bench/page.html with %RUN% set to its name, and runs
// scripts/bench/<name>.ts. A Vite plugin makes them from that one template, so they cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_PAGES = ['baseline', 'scale'];

/** Vite build options for the pages of the harness in `dir` (scripts/bench): its inputs and the plugin. */
export function benchPages(dir) {
  const template = readFileSync(join(dir, 'page.html'), 'utf8');
  const at = (name) => join(dir, `${name}.html`);
  const nameOf = (id) => BENCH_PAGES.find((name) => id === at(name));
  return {
    input: Object.fromEntries(BENCH_PAGES.map((name) => [name, at(name)])),
    plugin: {
      name: 'bench-pages',
      resolveId: (id) => (nameOf(id) ? id : null),
      load: (id) => {
        const name = nameOf(id);
        return name ? template.replaceAll('%RUN%', name) : null;
      },
    },
  };
}
