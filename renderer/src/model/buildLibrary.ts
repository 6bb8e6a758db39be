/**
 * Merge parsed scenario files into one Library and cross-check every reference: source keys, parameter ids,
 * architectures, layers, columns, components, the boundary rules of each path, claims, the glossary and lessons, and
 * the Markdown subset of every text (markupCheck.ts). Each
 * error names its file, the place in the file (e.g. "paths[2].hops[3].to") and what is wrong. Items are added even when they have errors, so
 * the app can still show what is valid; callers decide whether errors are fatal.
 */
import type { Architecture, ContentError, CostParameter, Figure, IoPath, Library, ScenarioFile } from './types';
import { validatePath } from './validatePath';
import { checkClaims } from './claims';
import { checkCourse } from './course/checkCourse';
import { checkMarkup } from './markupCheck';
import { didYouMean } from './suggest';

export interface BuildResult {
  library: Library;
  errors: ContentError[];
}

interface Origin {
  file: string;
  path: string;
}

export function emptyLibrary(): Library {
  return {
    sources: new Map(),
    parameters: new Map(),
    architectures: new Map(),
    paths: new Map(),
    figures: new Map(),
    claims: new Map(),
    foundations: new Map(),
    crossings: new Map(),
    defaults: null,
    glossary: new Map(),
    lessons: new Map(),
  };
}

const CYCLE_UNITS = new Set(['cycles', 'us']);

/** `names[i]` is the file name of `files[i]` for error messages; it defaults to the file's id. */
export function buildLibrary(files: ScenarioFile[], names: string[] = []): BuildResult {
  const library = emptyLibrary();
  const errors: ContentError[] = [];
  const origins = new Map<string, Origin>();
  const fileIds = new Map<string, string>();
  const err = (o: Origin, message: string, sub = '') =>
    errors.push({ file: o.file, path: sub ? (o.path ? `${o.path}.${sub}` : sub) : o.path, message });

  function claim<T>(map: Map<string, T>, kind: string, id: string, item: T, o: Origin): void {
    const key = `${kind}:${id}`;
    const first = origins.get(key);
    if (first) {
      err(o, `duplicate ${kind} "${id}" (first defined in ${first.file} at ${first.path})`);
      return;
    }
    origins.set(key, o);
    map.set(id, item);
  }

  files.forEach((f, fi) => {
    const file = names[fi] ?? `${f.id}.json`;
    const firstFile = fileIds.get(f.id);
    if (firstFile) err({ file, path: 'id' }, `duplicate scenario file id "${f.id}" (also used by ${firstFile})`);
    else fileIds.set(f.id, file);
    errors.push(...checkMarkup(f, file));
    f.sources?.forEach((s, i) => claim(library.sources, 'source', s.key, s, { file, path: `sources[${i}]` }));
    f.parameters?.forEach((p, i) =>
      claim(library.parameters, 'parameter', p.id, p, { file, path: `parameters[${i}]` }),
    );
    f.architectures?.forEach((a, i) =>
      claim(library.architectures, 'architecture', a.id, a, { file, path: `architectures[${i}]` }),
    );
    f.paths?.forEach((p, i) => claim(library.paths, 'path', p.id, p, { file, path: `paths[${i}]` }));
    f.figures?.forEach((g, i) => claim(library.figures, 'figure', g.id, g, { file, path: `figures[${i}]` }));
    f.claims?.forEach((c, i) => claim(library.claims, 'claim', c.id, c, { file, path: `claims[${i}]` }));
    f.foundations?.forEach((x, i) =>
      claim(library.foundations, 'foundation', x.id, x, { file, path: `foundations[${i}]` }),
    );
    if (f.defaults) {
      const first = origins.get('defaults:');
      if (first) err({ file, path: 'defaults' }, `defaults are already declared in ${first.file}`);
      else {
        origins.set('defaults:', { file, path: 'defaults' });
        library.defaults = f.defaults;
      }
    }
    f.glossary?.forEach((t, i) => claim(library.glossary, 'glossary term', t.id, t, { file, path: `glossary[${i}]` }));
    f.lessons?.forEach((l, i) => claim(library.lessons, 'lesson', l.id, l, { file, path: `lessons[${i}]` }));
  });

  const where = (kind: string, id: string) => origins.get(`${kind}:${id}`) as Origin;
  const checkSources = (keys: string[], o: Origin, sub: string) =>
    keys.forEach((k, i) => {
      if (!library.sources.has(k))
        err(o, `unknown source key "${k}"${didYouMean(k, library.sources.keys())}`, `${sub}[${i}]`);
    });

  for (const p of library.parameters.values()) checkParameter(p, where('parameter', p.id));
  for (const a of library.architectures.values()) checkArchitecture(a, where('architecture', a.id));
  for (const p of library.paths.values()) checkPath(p, where('path', p.id));
  for (const g of library.figures.values()) checkFigure(g, where('figure', g.id));
  // A presentation state names the open claim or foundation by id alone, so the two share one id space.
  for (const id of library.foundations.keys())
    if (library.claims.has(id)) err(where('foundation', id), `id "${id}" is also a claim's id`, 'id');
  if (library.defaults) checkDefaults(library.defaults, where('defaults', ''));
  errors.push(...checkClaims(library, where));
  errors.push(...checkCourse(library, where));
  return { library, errors };

  function checkDefaults(d: NonNullable<Library['defaults']>, o: Origin): void {
    if (!library.architectures.has(d.architecture))
      err(
        o,
        `unknown architecture "${d.architecture}"${didYouMean(d.architecture, library.architectures.keys())}`,
        'architecture',
      );
    for (const side of ['left', 'right'] as const)
      if (!library.paths.has(d.compare[side]))
        err(
          o,
          `unknown path "${d.compare[side]}"${didYouMean(d.compare[side], library.paths.keys())}`,
          `compare.${side}`,
        );
  }

  function checkFigure(g: Figure, o: Origin): void {
    if (!library.sources.has(g.source))
      err(o, `unknown source key "${g.source}"${didYouMean(g.source, library.sources.keys())}`, 'source');
    if (g.mark === 'estimate')
      err(o, 'a published figure is a measurement or a claim of its source, never a model estimate', 'mark');
  }

  function checkAlternative(p: CostParameter, o: Origin, field: 'withoutHardwareAssist' | 'withHardwareAssist'): void {
    const altId = p[field];
    if (altId === undefined) return;
    const alt = library.parameters.get(altId);
    if (!alt) err(o, `unknown parameter "${altId}"${didYouMean(altId, library.parameters.keys())}`, field);
    else if (!CYCLE_UNITS.has(alt.unit))
      err(o, `"${alt.id}" is in ${alt.unit}; a replacement cost must be in cycles or us`, field);
  }

  function checkParameter(p: CostParameter, o: Origin): void {
    if (p.source !== null && !library.sources.has(p.source))
      err(o, `unknown source key "${p.source}"${didYouMean(p.source, library.sources.keys())}`, 'source');
    if (p.basedOn) checkSources(p.basedOn, o, 'basedOn');
    // A number derived from other sources is the model's own estimate, never a secondary source.
    if (p.basedOn && (p.source !== null || p.mark !== 'estimate'))
      err(
        o,
        'a number derived from sources ("basedOn") is a model estimate: "source": null, "mark": "estimate"',
        'basedOn',
      );
    checkAlternative(p, o, 'withoutHardwareAssist');
    checkAlternative(p, o, 'withHardwareAssist');
    if (p.measuredAtGHz !== undefined && p.unit !== 'us')
      err(o, `measuredAtGHz only applies to a value in us, not ${p.unit}`, 'measuredAtGHz');
    p.crossingFor?.forEach((m, i) => {
      const first = library.crossings.get(m);
      if (first && first !== p.id)
        err(o, `parameter "${first}" is already the cost of a ${m} crossing`, `crossingFor[${i}]`);
      else library.crossings.set(m, p.id);
    });
  }

  function checkArchitecture(a: Architecture, o: Origin): void {
    checkSources(a.sources, o, 'sources');
    checkSources(a.cpu.sources, o, 'cpu.sources');
    if (a.hostKernelCrash) checkSources(a.hostKernelCrash.sources, o, 'hostKernelCrash.sources');
    const columns = new Set<string>();
    a.columns.forEach((c, i) => {
      if (columns.has(c.id)) err(o, `duplicate column "${c.id}"`, `columns[${i}].id`);
      columns.add(c.id);
      if (c.vm && c.role !== 'guest')
        err(o, `column "${c.id}" is a VM, so its role must be "guest"`, `columns[${i}].role`);
    });
    const layers = new Set<string>();
    a.layers.forEach((l, i) => {
      if (layers.has(l.id)) err(o, `duplicate layer "${l.id}"`, `layers[${i}].id`);
      layers.add(l.id);
      checkLayerColumn(a, l.context.domain, l.column, (m) => err(o, m, `layers[${i}].column`));
      if (l.column !== undefined && !columns.has(l.column))
        err(o, `unknown column "${l.column}" in "${a.id}"${didYouMean(l.column, columns)}`, `layers[${i}].column`);
      const { ring, domain } = l.context;
      if ((ring === 'hardware') !== (domain === 'hardware'))
        err(o, `ring "${ring}" and domain "${domain}" do not fit together`, `layers[${i}].context`);
      // Era truth (hypervisors.md §3 path E, §8): without VT-x there is no VMX root ("ring -1"); a deprivileged level
      // exists only under binary translation, and only guest kernels run there.
      if (ring === 'ring-1' && a.cpu.mode === 'bt' && !a.cpu.switchable)
        err(
          o,
          'ring "ring-1" (VMX root) needs VT-x, and this architecture\'s CPU has none (cpu.mode "bt")',
          `layers[${i}].context`,
        );
      if (ring === 'deprivileged' && (a.cpu.mode !== 'bt' || domain !== 'guest'))
        err(
          o,
          'only a guest kernel under binary translation (cpu.mode "bt") runs "deprivileged"',
          `layers[${i}].context`,
        );
    });
    const components = new Set(a.components.map((c) => c.id));
    const seen = new Set<string>();
    a.components.forEach((c, i) => {
      const sub = `components[${i}]`;
      if (seen.has(c.id)) err(o, `duplicate component "${c.id}"`, `${sub}.id`);
      seen.add(c.id);
      if (!layers.has(c.layer))
        err(o, `unknown layer "${c.layer}" in "${a.id}"${didYouMean(c.layer, layers)}`, `${sub}.layer`);
      checkSources(c.sources, o, `${sub}.sources`);
      checkConfirmed(c, o, `${sub}.mark`);
      if (c.assignedTo !== undefined) {
        const layer = a.layers.find((l) => l.id === c.layer);
        const column = a.columns.find((x) => x.id === c.assignedTo);
        if (layer && layer.context.ring !== 'hardware')
          err(o, 'only a hardware component (a device function) can be assigned to a VM', `${sub}.assignedTo`);
        else if (!column?.vm)
          err(
            o,
            `"${c.assignedTo}" is not a VM column of "${a.id}"${didYouMean(
              c.assignedTo,
              a.columns.filter((x) => x.vm).map((x) => x.id),
            )}`,
            `${sub}.assignedTo`,
          );
      }
      if (c.since && c.since.year > a.year)
        err(
          o,
          `anachronism: "${c.name}" arrived in ${c.since.release} (${c.since.year}), after this architecture's release ${a.release} (${a.year}); show it in a later release`,
          `${sub}.since`,
        );
      c.dependsOn.forEach((d, j) => {
        if (!components.has(d))
          err(o, `unknown component "${d}" in "${a.id}"${didYouMean(d, components)}`, `${sub}.dependsOn[${j}]`);
        else if (d === c.id) err(o, `"${c.id}" cannot depend on itself`, `${sub}.dependsOn[${j}]`);
      });
    });
  }

  /** A ✔ confirmed mark says a source confirms it: it must name one. */
  function checkConfirmed(item: { mark: string; sources: string[] }, o: Origin, sub: string): void {
    if (item.mark === 'confirmed' && item.sources.length === 0)
      err(o, 'marked "confirmed" but cites no source: add its source keys, or mark it "secondary" or "estimate"', sub);
  }

  /**
   * The fault rule (faults.ts) decides what a crash takes down from a layer's domain and column, so they must agree:
   * a guest's code runs in a VM's column, the host's in a host column, hardware under every column.
   */
  function checkLayerColumn(
    a: Architecture,
    domain: string,
    columnId: string | undefined,
    report: (m: string) => void,
  ): void {
    const column = a.columns.find((c) => c.id === columnId);
    if (columnId !== undefined && !column) return;
    if (domain === 'guest' && !column?.vm)
      report('a guest layer belongs in a VM\'s column (a column with "vm": true), so a crash takes down that VM only');
    else if (domain === 'host' && column?.role !== 'host')
      report('a host layer belongs in a column with "role": "host" (the host, parent or root partition)');
    else if (domain === 'hardware' && column !== undefined && column.role !== 'shared')
      report('hardware is under every column: leave "column" out (or use a "shared" column)');
  }

  function checkPath(p: IoPath, o: Origin): void {
    checkSources(p.sources, o, 'sources');
    checkConfirmed(p, o, 'mark');
    const optionIds = new Set<string>();
    p.options.forEach((opt, i) => {
      const sub = `options[${i}]`;
      if (optionIds.has(opt.id)) err(o, `duplicate option "${opt.id}"`, `${sub}.id`);
      optionIds.add(opt.id);
      checkSources(opt.sources, o, `${sub}.sources`);
      checkConfirmed(opt, o, `${sub}.mark`);
      for (const [from, to] of Object.entries(opt.replaceParams))
        for (const id of [from, to])
          if (!library.parameters.has(id))
            err(
              o,
              `unknown parameter "${id}"${didYouMean(id, library.parameters.keys())}`,
              `${sub}.replaceParams.${from}`,
            );
    });
    p.hops.forEach((h, i) => {
      const sub = `hops[${i}]`;
      checkSources(h.sources, o, `${sub}.sources`);
      checkConfirmed(h, o, `${sub}.mark`);
      for (const field of ['onlyWith', 'notWith'] as const) {
        const opt = h[field];
        if (opt !== undefined && !optionIds.has(opt))
          err(
            o,
            `hop ${i} "${h.id}": unknown option "${opt}" (this path's options: ${[...optionIds].join(', ') || 'none'})`,
            `${sub}.${field}`,
          );
      }
      h.params.forEach((id, j) => {
        const param = library.parameters.get(id);
        if (!param)
          err(
            o,
            `hop ${i} "${h.id}": unknown parameter "${id}"${didYouMean(id, library.parameters.keys())}`,
            `${sub}.params[${j}]`,
          );
        else if (!CYCLE_UNITS.has(param.unit))
          err(
            o,
            `hop ${i} "${h.id}": parameter "${id}" is in ${param.unit}, a hop cost must be cycles or us`,
            `${sub}.params[${j}]`,
          );
      });
      if (h.repeat !== undefined) {
        const param = library.parameters.get(h.repeat);
        if (!param)
          err(
            o,
            `hop ${i} "${h.id}": unknown parameter "${h.repeat}"${didYouMean(h.repeat, library.parameters.keys())}`,
            `${sub}.repeat`,
          );
        else if (param.unit !== 'count')
          err(
            o,
            `hop ${i} "${h.id}": repeat parameter "${h.repeat}" must be a count, not ${param.unit}`,
            `${sub}.repeat`,
          );
      }
    });
    const arch = library.architectures.get(p.architecture);
    if (!arch) {
      err(
        o,
        `unknown architecture "${p.architecture}"${didYouMean(p.architecture, library.architectures.keys())}`,
        'architecture',
      );
      return;
    }
    for (const e of validatePath(arch, p)) err(o, e.message, e.path);
  }
}
