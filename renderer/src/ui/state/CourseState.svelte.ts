import {
  courseLessons,
  gradeAnswer,
  instantiateQuestion,
  stepPresentation,
  type Answer,
  type ConcreteQuestion,
  type Grade,
  type Lesson,
} from '../../model/course';
import type { Presentation } from '../../model/presentation';
import type { Library } from '../../model/types';
import type { ProgressHost } from '../../platform/Platform';
import { emptyProgress, markCompleted, recordAnswer, setStep, type Progress } from '../../platform/progress';
import { exportProgress, importProgress, type ImportResult } from '../../platform/progressFile';
import {
  allAnswered,
  asAnswer,
  clampPosition,
  lessonSummary,
  positionCount,
  positionLabel,
  questionAt,
  questionSeed,
  resumePoint,
  type LessonSummary,
} from './coursePlan';

export type CourseScreen = 'closed' | 'library' | 'lesson';

/** One question as the learner sees it now: the attempt on screen and, once given, its answer and grade. */
export interface QuestionView {
  index: number;
  concrete: ConcreteQuestion;
  /** The attempt on screen (1 = first). */
  attempt: number;
  given: { answer: Answer | null; grade: Grade } | null;
}

/**
 * The self-paced course: the learner's progress (loaded once, saved after every answer and every step change through
 * the platform, which serializes the writes), which screen of the course is shown, the open lesson and the position
 * in it (coursePlan.ts), and what goes on stage at each step. Nothing on stage lives here: a step is applied through
 * `present` (the Stage's `restore`).
 */
export class CourseState {
  progress = $state.raw<Progress>(emptyProgress());
  loaded = $state(false);
  /** Why stored progress could not be used and where it was kept (sentences from the platform). */
  loadProblems = $state.raw<string[]>([]);
  /** Shown once when saving fails; the course keeps running in memory. */
  saveNotice = $state<string | null>(null);
  screen = $state<CourseScreen>('closed');
  lessonId = $state<string | null>(null);
  position = $state(0);
  /** Problems putting the current step on stage (the lesson goes on; the learner is told). */
  stageErrors = $state.raw<string[]>([]);
  /** The question "Show me" came from: the player offers the way back to it. */
  returnTo = $state<number | null>(null);
  /** The polite live region's text: the step or question just arrived at. */
  announcement = $state('');
  /** Questions the learner chose to try again: a fresh attempt is on screen instead of the last answer. */
  private retrying = $state.raw<readonly string[]>([]);
  private loading: Promise<void> | null = null;
  lessons = $state.raw<Lesson[]>([]);

  constructor(
    private library: Library,
    private readonly host: ProgressHost,
    /** Puts a presentation on stage; returns its problems (the Stage's `restore`). */
    private readonly present: (p: Presentation) => string[],
  ) {
    this.lessons = courseLessons(library);
  }

  /**
   * Another library (an author's file opened or reloaded): the lesson list follows it, and an open lesson that still
   * exists stays open at its position, its step put on stage again as the new library draws it (the position is
   * clamped if the lesson got shorter). A lesson that is gone closes to the library.
   */
  setLibrary(library: Library): void {
    this.library = library;
    this.lessons = courseLessons(library);
    const lesson = this.lesson;
    if (!lesson) {
      if (this.lessonId !== null) {
        this.lessonId = null;
        this.returnTo = null;
        if (this.screen === 'lesson') this.screen = 'library';
      }
      return;
    }
    this.position = clampPosition(lesson, this.position);
    if (this.screen === 'lesson') this.putOnStage(lesson, Math.min(this.position, lesson.steps.length - 1));
  }

  /** Loads the progress once (later calls wait for the same load). */
  load(): Promise<void> {
    this.loading ??= this.host.loadProgress().then(({ progress, problems }) => {
      this.progress = progress;
      this.loadProblems = problems;
      this.loaded = true;
    });
    return this.loading;
  }

  get lesson(): Lesson | null {
    return this.lessons.find((l) => l.id === this.lessonId) ?? null;
  }

  summary(lesson: Lesson): LessonSummary {
    return lessonSummary(lesson, this.progress.lessons[lesson.id]);
  }

  get resume(): { lesson: Lesson; position: number } | null {
    return resumePoint(this.lessons, this.progress);
  }

  /** The question index at the current position, or null at a step. */
  get questionIndex(): number | null {
    const lesson = this.lesson;
    return lesson ? questionAt(lesson, this.position) : null;
  }

  // ---- screens and positions ----

  openLibrary(): void {
    this.screen = 'library';
  }

  /** Back to the open lesson at its position (its step goes on stage again), or the library when none is open. */
  show(): void {
    if (this.lesson) this.openLesson(this.lesson.id, this.position);
    else this.openLibrary();
  }

  close(): void {
    this.screen = 'closed';
  }

  /** Opens a lesson where the learner left it (from the start once completed), or at `position`. */
  openLesson(lessonId: string, position?: number): void {
    const lesson = this.lessons.find((l) => l.id === lessonId);
    if (!lesson) return;
    const summary = this.summary(lesson);
    this.lessonId = lesson.id;
    this.screen = 'lesson';
    this.returnTo = null;
    this.retrying = [];
    this.goTo(position ?? (summary.status === 'completed' ? 0 : summary.position), true);
  }

  continueWhereLeft(): void {
    const resume = this.resume;
    if (resume) this.openLesson(resume.lesson.id, resume.position);
  }

  /**
   * Moves to a position: a step goes on stage; a question keeps the stage as it is (the learner may be looking at it
   * to answer), except when the lesson opens at a question, which shows the last step. Saved at once.
   */
  goTo(position: number, opening = false): void {
    const lesson = this.lesson;
    if (!lesson) return;
    const to = clampPosition(lesson, position);
    const atQuestion = questionAt(lesson, to) !== null;
    if (!atQuestion || opening) this.putOnStage(lesson, Math.min(to, lesson.steps.length - 1));
    // Walking the steps after "Show me" keeps the way back to the question; arriving at any question forgets it.
    if (atQuestion) this.returnTo = null;
    this.position = to;
    this.announcement = positionLabel(lesson, to);
    this.commit(setStep(this.progress, lesson.id, to));
  }

  next(): void {
    this.goTo(this.position + 1);
  }

  prev(): void {
    this.goTo(this.position - 1);
  }

  get atEnd(): boolean {
    const lesson = this.lesson;
    return !lesson || this.position >= positionCount(lesson) - 1;
  }

  private putOnStage(lesson: Lesson, stepIndex: number): void {
    try {
      this.stageErrors = this.present(stepPresentation(this.library, lesson, stepIndex));
    } catch (error) {
      this.stageErrors = [error instanceof Error ? error.message : String(error)];
    }
  }

  // ---- questions ----

  question(index: number): QuestionView | null {
    const lesson = this.lesson;
    const q = lesson?.questions[index];
    if (!lesson || !q) return null;
    const answers = (this.progress.lessons[lesson.id]?.answers ?? []).filter((a) => a.questionId === q.id);
    const last = answers.at(-1);
    const showLast = last !== undefined && !this.retrying.includes(q.id);
    const attempt = showLast ? last.attempt : answers.length + 1;
    const concrete = instantiateQuestion(this.library, lesson, q, questionSeed(lesson.id, q.id, attempt));
    if (!showLast) return { index, concrete, attempt, given: null };
    const answer = asAnswer(last.answer);
    // The stored verdict is what the score counted: the feedback keeps it even if grading rules changed since.
    const graded = gradeAnswer(concrete, answer ?? { kind: 'choice', optionId: '' });
    return { index, concrete, attempt, given: { answer, grade: { ...graded, correct: last.correct } } };
  }

  /** Grades and saves an answer to the attempt on screen (a second answer to the same attempt is ignored). */
  answer(index: number, answer: Answer): Grade | null {
    const lesson = this.lesson;
    const view = this.question(index);
    if (!lesson || !view || view.given) return view?.given?.grade ?? null;
    const grade = gradeAnswer(view.concrete, answer);
    let progress = recordAnswer(this.progress, lesson.id, {
      questionId: view.concrete.questionId,
      correct: grade.correct,
      answer: $state.snapshot(answer),
    });
    if (allAnswered(lesson, progress.lessons[lesson.id]) && !progress.lessons[lesson.id]?.completed)
      progress = markCompleted(progress, lesson.id);
    this.retrying = this.retrying.filter((id) => id !== view.concrete.questionId);
    this.commit(progress);
    return grade;
  }

  /** A fresh attempt at a question (the score still counts the first one). */
  retry(index: number): void {
    const id = this.lesson?.questions[index]?.id;
    if (id && !this.retrying.includes(id)) this.retrying = [...this.retrying, id];
  }

  /** Goes to the step that shows a question's answer; the player offers the way back. */
  showMe(index: number): void {
    const lesson = this.lesson;
    const q = lesson?.questions[index];
    const step = q ? lesson.steps.findIndex((s) => s.id === q.showStep) : -1;
    if (!lesson || step < 0) return;
    const from = this.position;
    this.goTo(step);
    this.returnTo = from;
  }

  backToQuestion(): void {
    if (this.returnTo !== null) this.goTo(this.returnTo);
  }

  // ---- the progress file ----

  exportFile(student: string): Promise<string> {
    return exportProgress(this.progress, { student: student.trim() || undefined });
  }

  readImport(text: string): Promise<ImportResult> {
    return importProgress(text);
  }

  /** Replaces all progress (an accepted import, or a reset) and shows the library. */
  replaceProgress(progress: Progress): void {
    this.retrying = [];
    this.returnTo = null;
    this.lessonId = null;
    this.screen = 'library';
    this.commit(progress);
  }

  reset(): void {
    this.replaceProgress(emptyProgress());
  }

  // ---- saving ----

  /** Every change of progress is kept in memory at once and saved; a failed save leaves one notice, not one per answer. */
  private commit(progress: Progress): void {
    this.progress = progress;
    void this.host.saveProgress(progress).then((status) => {
      if (status.notice) this.saveNotice = status.notice;
    });
  }
}
