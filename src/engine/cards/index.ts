/** AI system cards (aisc/0.1): detect, build, validate, check drift, export. Pure: callers hand in file contents. */
export * from './types';
export { detectWorkspace, isCardInput } from './detect';
export { buildCard, countFilled, type BuiltCard, type CardData } from './build';
export { questionsFor, inferSystemType, type Answers, type Question } from './questions';
export { parseCard, applyCardEdits, locate, isCardText, getAt, type ParsedCard } from './frontMatter';
export { validateCard } from './validate';
export { detectDrift } from './drift';
export { toHuggingFace, toSageMaker, validateSageMaker, SAGEMAKER_MAX_CHARS } from './export';
export { schemaAt, propertiesOf, enumOf, AISC_SCHEMA, SAGEMAKER_SCHEMA } from './schemas';
export { renderBody, BODY_SECTIONS } from './templates';
/** Where a new card is written, relative to the workspace root. */
export const DEFAULT_CARD_PATH = 'docs/ai-system-card.md';
