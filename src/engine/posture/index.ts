/** Posture judgement: checks, the access matrix and reports over a collected {@link PostureSnapshot}. Pure. */
export { ACCESS_ACTION, type EvaluateOptions, evaluatePosture } from './evaluate';
export { POSTURE_CHECKS, groupOf, runChecks } from './checks';
export { GROUP_ORDER, GROUP_TITLES, type PostureJson, countStatuses, countsText, postureJson, postureMarkdown, postureText, resultsByGroup, sortResults } from './format';
export { baseModelId, findModelReferences, modelIdsIn } from './modelUsage';
export { consoleUrl, type ConsoleTarget } from './console';
export { BEDROCK_REGIONS } from './regions';
export type * from './types';
