import { describe, expect, it } from 'vitest';
import { checkProgress, emptyProgress, firstAttemptScore, markCompleted, recordAnswer, setStep } from './progress';

const t = (minute: number) => new Date(Date.UTC(2025, 0, 2, 3, minute));

describe('progress helpers', () => {
  it('record attempts per question, numbered, and make the lesson the one to resume', () => {
    let p = emptyProgress();
    p = recordAnswer(p, 'l1', { questionId: 'q1', correct: false, answer: 'b' }, t(1));
    p = recordAnswer(p, 'l1', { questionId: 'q2', correct: true, answer: ['x', 'y'] }, t(2));
    p = recordAnswer(p, 'l1', { questionId: 'q1', correct: true, answer: 'a' }, t(3));
    expect(p.lastLessonId).toBe('l1');
    expect(p.lessons.l1?.answers.map((a) => [a.questionId, a.attempt, a.correct])).toEqual([
      ['q1', 1, false],
      ['q2', 1, true],
      ['q1', 2, true],
    ]);
    expect(p.lessons.l1?.updatedAt).toBe(t(3).toISOString());
    expect(checkProgress(p).ok).toBe(true);
  });

  it('score first attempts only', () => {
    let p = emptyProgress();
    p = recordAnswer(p, 'l', { questionId: 'q1', correct: false, answer: 1 }, t(1));
    p = recordAnswer(p, 'l', { questionId: 'q1', correct: true, answer: 2 }, t(2));
    p = recordAnswer(p, 'l', { questionId: 'q2', correct: true, answer: 3 }, t(3));
    expect(firstAttemptScore(p.lessons.l!)).toEqual({ correct: 1, total: 2 });
  });

  it('set the step and completion without touching the rest, keeping unknown fields', () => {
    const start = {
      ...emptyProgress(),
      extra: 1,
      lessons: { l: { ...setStep(emptyProgress(), 'l', 1, t(0)).lessons.l!, note: 'x' } },
    };
    const p = markCompleted(setStep(start, 'l', 4, t(5)), 'l', t(6));
    expect(p).toMatchObject({ extra: 1, lastLessonId: 'l', lessons: { l: { step: 4, completed: true, note: 'x' } } });
    expect(start.lessons.l.step).toBe(1);
    expect(() => setStep(p, 'l', -1)).toThrow(RangeError);
    expect(() => setStep(p, 'l', 1.5)).toThrow(/whole number/);
  });
});
