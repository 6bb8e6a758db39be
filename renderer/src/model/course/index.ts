/** The course: glossary, lessons, their steps on stage and the question engine. */
export {
  glossaryTermSchema,
  lessonSchema,
  questionSchema,
  stepSchema,
  stepStateSchema,
  METRICS,
  type GlossaryTerm,
  type Lesson,
  type Metric,
  type Question,
  type QuestionKind,
  type Step,
  type StepState,
} from './schema';
export { parseRichText, autoLinkTerms, termLinks, type RichTextSegment } from './richText';
export { richTextHtml, plainText, isHttpsUrl, type RichTextOptions } from './markdown';
export { seededRandom, shuffled, randomInt, type Random } from './random';
export { stepPresentation, statePresentation, resolveStage, playedHops, type ResolvedStage } from './stepPresentation';
export { checkCourse, type CourseOriginOf } from './checkCourse';
export {
  instantiateQuestion,
  gradeAnswer,
  lessonScore,
  withinTolerance,
  formatNumber,
  METRIC_UNITS,
  PREDICT_NEXT_OPTIONS,
  type Answer,
  type Attempt,
  type Choice,
  type ConcreteQuestion,
  type Grade,
  type LessonScore,
  type ShownHop,
} from './questions';
export { courseLessons } from './lessons';
