/**
 * Moving between views on the learner's behalf: a claim's "Show me" demonstration, a References "cited by" entry, a
 * background link in the Inspector. Each sets the app state the way the learner would by hand (view, path, what-ifs),
 * and leaves a way back ("Back to claim 4").
 */
import type { Demo } from '../../model';
import type { CitationTarget } from '../../model/references';
import type { AppState, Origin } from './AppState.svelte';

/** Opens a claim's or a foundation's demonstration in its view. */
export function showDemo(app: AppState, demo: Demo, origin: Origin): void {
  const stage = app.stage;
  switch (demo.kind) {
    case 'walkthrough': {
      app.setMode('walkthrough');
      stage.walkthrough.setPath(demo.path);
      const hop = demo.hop === undefined ? -1 : app.walkthrough.path.hops.findIndex((h) => h.id === demo.hop);
      if (hop >= 0) stage.walkthrough.goTo(hop);
      break;
    }
    case 'compare':
      app.setMode('compare');
      stage.compare.setPaths(demo.left, demo.right);
      break;
    case 'lab': {
      app.setMode('lab');
      const lab = stage.lab;
      if (app.lab.architectureId !== demo.architecture) lab.setArchitecture(demo.architecture);
      lab.resetParameters();
      const w = demo.whatIfs ?? {};
      if (w.batching !== undefined) lab.setWhatIf('batching', w.batching);
      if (w.batchSize !== undefined) lab.setWhatIf('batchSize', w.batchSize);
      if (w.hardwareAssist !== undefined) lab.setWhatIf('hardwareAssist', w.hardwareAssist);
      if (w.driversIn !== undefined) lab.setWhatIf('driversIn', w.driversIn);
      if (demo.path !== undefined) {
        lab.walkthrough.setPath(demo.path);
        if (!app.lab.chartPathIds.includes(demo.path)) lab.toggleChartPath(demo.path);
      }
      lab.setShowPlayer(demo.path !== undefined);
      lab.crash(demo.crash ?? null);
      break;
    }
    case 'explore':
      app.setMode('explore');
      stage.setArchitecture(demo.architecture);
      if (demo.component !== undefined) stage.select({ stackKey: 'main', componentId: demo.component });
      if (demo.morph) stage.startMorph();
      break;
  }
  app.origin = { ...origin, demo: demo.label };
  app.requestFocus('#side-panel');
}

/** Opens the claim or foundation in the Claims view and brings it into sight. */
export function revealInClaims(app: AppState, kind: 'claim' | 'foundation', id: string): void {
  void kind; // claims and foundations share one id space in the library
  app.setMode('claims');
  app.stage.setClaim(id);
  app.claimTarget = id;
}

/** The first path that spends a parameter (cost or repeat count): where the Lab shows its slider. */
export function pathUsingParameter(app: AppState, parameterId: string): string | undefined {
  for (const p of app.library.paths.values())
    if (p.hops.some((h) => h.params.includes(parameterId) || h.repeat === parameterId)) return p.id;
  return undefined;
}

/** Whether a "cited by" entry can be opened in a view. */
export function canOpenCitation(app: AppState, target: CitationTarget): boolean {
  if (target.kind === 'figure') return false; // calibration figures are checked by tests, not shown in a view
  return target.kind !== 'parameter' || pathUsingParameter(app, target.parameterId) !== undefined;
}

/** Opens what a "cited by" entry of the References names, in the view that shows it. */
export function openCitation(app: AppState, target: CitationTarget, origin: Origin): void {
  switch (target.kind) {
    case 'architecture':
    case 'component':
      app.setMode('explore');
      app.stage.setArchitecture(target.architectureId);
      if (target.kind === 'component') app.stage.select({ stackKey: 'main', componentId: target.componentId });
      app.requestFocus('#side-panel');
      break;
    case 'path':
    case 'hop':
      if (target.kind === 'path' && target.optionId !== undefined) {
        // A path's own what-if lives in the Lab: turn it on and watch the path.
        const path = app.library.paths.get(target.pathId);
        if (!path) return;
        app.setMode('lab');
        if (app.lab.architectureId !== path.architecture) app.stage.lab.setArchitecture(path.architecture);
        app.stage.lab.setOption(target.optionId, true);
        app.stage.lab.walkthrough.setPath(target.pathId);
        app.stage.lab.setShowPlayer(true);
        app.requestFocus('#side-panel');
        break;
      }
      app.setMode('walkthrough');
      app.stage.walkthrough.setPath(target.pathId);
      if (target.kind === 'hop') app.stage.walkthrough.goTo(target.hopIndex);
      app.requestFocus('#side-panel');
      break;
    case 'parameter': {
      const pathId = pathUsingParameter(app, target.parameterId);
      if (!pathId) return;
      const path = app.library.paths.get(pathId);
      app.setMode('lab');
      if (path && app.lab.architectureId !== path.architecture) app.stage.lab.setArchitecture(path.architecture);
      app.stage.lab.walkthrough.setPath(pathId);
      app.requestFocus(`input[data-param-id="${target.parameterId}"]`);
      break;
    }
    case 'figure':
      return;
    case 'claim':
      revealInClaims(app, 'claim', target.claimId);
      break;
    case 'foundation':
      revealInClaims(app, 'foundation', target.foundationId);
      break;
  }
  app.origin = origin;
}

/** "Back to claim 4" / "Back to the References": returns to where the learner came from. */
export function goBack(app: AppState): void {
  const origin = app.origin;
  if (!origin) return;
  if (origin.kind === 'references') {
    app.setMode('references');
    app.requestFocus(`#source-${origin.id}`);
  } else revealInClaims(app, origin.kind, origin.id);
}
