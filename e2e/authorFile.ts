/** Authors' files for the end-to-end tests (the renderer's and the Electron app's). */
import { readFileSync } from 'node:fs';

/** Reads a file of this repository (the e2e data, the built-in content). */
const readJson = (relative: string) => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));

/**
 * A lesson of two steps on the built-in synthetic disk write (e2e/data/my-lesson.json, also used by the renderer's
 * unit tests); `stepTitle` names the second step (a "fix" changes it, so a reload is visible) and `pathId` the path.
 */
export function myLesson(stepTitle = 'The exit', pathId = 'hyperv-synthetic-disk-write'): Record<string, unknown> {
  const lesson = readJson('./data/my-lesson.json') as { steps: { title: string; state: { pathId: string } }[] };
  lesson.steps.forEach((s) => (s.state.pathId = pathId));
  lesson.steps[1]!.title = stepTitle;
  return lesson;
}

/**
 * An author's file, built the way an author would start: the built-in Hyper-V 2008 architecture and its paths copied
 * under ids of their own, and the lesson above on the copied synthetic path.
 */
export function authorFile(stepTitle = 'The exit'): Record<string, unknown> {
  const base = readJson('../assets/scenarios/architectures/hyperv-2008.json');
  const architecture = { ...base.architectures[0], id: 'my-hyperv', name: 'My Hyper-V' };
  const paths = (base.paths as Record<string, unknown>[]).map(({ letter: _letter, ...p }) => ({
    ...p,
    id: `my-${String(p.id)}`,
    name: `My ${String(p.name)}`,
    architecture: 'my-hyperv',
  }));
  return {
    schemaVersion: 2,
    id: 'my-course',
    title: 'My course',
    architectures: [architecture],
    paths,
    lessons: [myLesson(stepTitle, 'my-hyperv-synthetic-disk-write')],
  };
}

export const text = (json: unknown) => JSON.stringify(json, null, 2);

/** The good file with two mistakes in what it refers to: a path id with a typo, a source that does not exist. */
export function badFile(): string {
  const file = authorFile() as { lessons: { steps: { state: { pathId: string } }[]; sources: string[] }[] };
  file.lessons[0]!.steps[1]!.state.pathId = 'my-hyperv-synthetic-disk-writ';
  file.lessons[0]!.sources = ['H3', 'H33-nowhere'];
  return text(file);
}

/** Where a path is in the text, as the panel should say it: 1-based line and column of its value. */
export function lineOf(source: string, needle: string): number {
  return source.slice(0, source.indexOf(needle)).split('\n').length;
}
