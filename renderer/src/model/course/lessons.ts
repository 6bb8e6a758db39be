/** The course in order: lessons by number (an instructor's own files may add or replace lessons). */
import type { Library } from '../types';
import type { Lesson } from './schema';

export function courseLessons(library: Library): Lesson[] {
  return [...library.lessons.values()].sort((a, b) => a.number - b.number);
}
