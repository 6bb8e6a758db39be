/** Authors' files for the end-to-end tests (the renderer's and the Electron app's). */
import { readFileSync } from 'node:fs';

/**
 * An author's file, built the way an author would start: the built-in Hyper-V 2008 architecture and its paths copied
 * under ids of their own, and a lesson of two steps on the copied synthetic path. `stepTitle` names the second step
 * (the "fix" changes it, so a reload is visible).
 */
export function authorFile(stepTitle = 'The exit'): Record<string, unknown> {
  const base = JSON.parse(
    readFileSync(new URL('../assets/scenarios/architectures/hyperv-2008.json', import.meta.url), 'utf8'),
  );
  const architecture = { ...base.architectures[0], id: 'my-hyperv', name: 'My Hyper-V' };
  const paths = (base.paths as Record<string, unknown>[]).map(({ letter: _letter, ...p }) => ({
    ...p,
    id: `my-${String(p.id)}`,
    name: `My ${String(p.name)}`,
    architecture: 'my-hyperv',
  }));
  const step = (id: string, title: string, hop: number) => ({
    id,
    title,
    narration: `The ${id} step of my lesson.`,
    notes: 'Say it slowly.',
    state: { view: 'walkthrough', pathId: 'my-hyperv-synthetic-disk-write', hop },
  });
  return {
    schemaVersion: 2,
    id: 'my-course',
    title: 'My course',
    architectures: [architecture],
    paths,
    lessons: [
      {
        id: 'my-lesson',
        number: 42,
        title: 'My lesson',
        minutes: 5,
        intro: 'A lesson of my own.',
        sources: ['H3'],
        steps: [step('start', 'The request', 0), step('exit', stepTitle, 2)],
        questions: [1, 2, 3].map((n) => ({
          kind: 'single',
          id: `q${n}`,
          prompt: `Question ${n}?`,
          explanation: 'Because.',
          showStep: 'start',
          options: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
          correct: 'a',
        })),
      },
    ],
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
