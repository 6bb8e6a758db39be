/** The teaching model's public API. Pure TypeScript: no DOM, three.js, Svelte or Electron. */
export * from './types';
export { CURRENT_SCHEMA_VERSION, scenarioFileSchema } from './schema';
export { MIGRATIONS, migrate, type MigrationStep } from './migrations';
export {
  parseScenarioFile,
  parseScenarioText,
  formatContentError,
  formatPath,
  type ParseResult,
} from './parseScenario';
export { buildLibrary, emptyLibrary, type BuildResult } from './buildLibrary';
export { loadBuiltInLibrary, builtInFiles, type BuiltInFiles } from './builtin';
export { loadUserScenario, type UserScenarioResult, type UserScenarioSummary } from './userScenario';
export { jsonSyntaxError, jsonLocator, type TextPosition } from './jsonText';
export { componentById, layerById, columnById, contextOf, columnOf, vmColumns, describeContext } from './architecture';
export { ringName, bandName, privilegeName, privilegeShort, type PrivilegeSubject } from './privilege';
export { validatePath, allowedMechanisms, type BoundaryRule } from './validatePath';
export {
  computeCost,
  DEFAULT_WHATIFS,
  DEFAULT_CLOCK_GHZ,
  zeroCounters,
  addCounters,
  effectiveBatch,
  isGuestExit,
  isContextSwitch,
  paramValue,
  paramCycles,
  resolveWhatIfs,
  type CostOptions,
} from './cost';
export {
  latencyVsBatchSize,
  throughputVsRequestRate,
  type SweepPoint,
  type SweepSeries,
  type ThroughputOptions,
  type ThroughputSeries,
} from './sweep';
export { FixedStepClock, FIXED_STEP, MAX_DT, MIN_SPEED, MAX_SPEED } from './FixedStepClock';
export { WalkthroughPlayer, DEFAULT_HOP_SECONDS, type PlayerOptions } from './WalkthroughPlayer';
export { ComparePlayer, compareSummary, type CompareSnapshot } from './ComparePlayer';
export {
  deriveVariant,
  withVariant,
  inGuest,
  resolvePath,
  effectiveHardwareAssist,
  hardwareAssistRefusal,
  type Variant,
} from './whatIfs';
export { crashComponent, trustedComputingBase, blastRadius, inTrustedBase, trustedBaseText } from './faults';
export { markLabel, sourceLabel, parameterLabel, weakestMark, hopMark, MARK_ORDER } from './labels';
export {
  checkClaims,
  backgroundFor,
  demoArchitecture,
  VERDICTS,
  SIDES,
  type Claim,
  type Foundation,
  type Demo,
  type Evidence,
  type EvidenceSide,
  type Verdict,
} from './claims';
export {
  citedBy,
  uncitedSources,
  citationKey,
  CITATION_KINDS,
  type Citation,
  type CitationKind,
  type CitationTarget,
} from './references';
export {
  VIEWS,
  CAMERA_PRESETS,
  presentationSchema,
  parsePresentation,
  checkPresentation,
  type Presentation,
  type View,
  type CameraPreset,
} from './presentation';
export * from './course';
export {
  RUN_SHEET_FORMAT,
  runSheetSchema,
  cueSchema,
  parseRunSheet,
  emptyRunSheet,
  lessonRunSheet,
  captureCue,
  moveCue,
  removeCue,
  editCue,
  serializeRunSheet,
  pacing,
  type Pacing,
  type Cue,
  type RunSheet,
  type RunSheetParse,
} from './runSheet';
