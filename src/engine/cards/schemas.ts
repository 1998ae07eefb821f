/** The JSON schemas shipped in media/schemas: ours (aisc/0.1) and Amazon SageMaker's model-card content schema. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import aiscSchemaJson from '../../../media/schemas/ai-system-card.schema.json';
import sageMakerSchemaJson from '../../../media/schemas/sagemaker-model-card.schema.json';

export type JsonSchema = Record<string, unknown>;
export const AISC_SCHEMA = aiscSchemaJson as JsonSchema;
export const SAGEMAKER_SCHEMA = sageMakerSchemaJson as JsonSchema;

let aisc: ValidateFunction | undefined;
let sageMaker: ValidateFunction | undefined;

export function aiscValidator(): ValidateFunction {
  aisc ??= new Ajv({ allErrors: true, strict: false }).compile(AISC_SCHEMA);
  return aisc;
}

/**
 * SageMaker's schema declares the draft-07 meta-schema's own `$id`, which ajv already holds: it is compiled under a
 * private id (the shipped file is unchanged). `strict: false` because of keywords the published text misplaces.
 */
export function sageMakerValidator(): ValidateFunction {
  sageMaker ??= new Ajv({ allErrors: true, strict: false }).compile({ ...SAGEMAKER_SCHEMA, $id: 'https://genai-guard.dev/vendor/sagemaker-model-card-0.1.0.json' });
  return sageMaker;
}

export type { ErrorObject };

/** The schema node describing a key path (through properties, items and anyOf), for hover and completion. */
export function schemaAt(path: readonly string[], root: JsonSchema = AISC_SCHEMA): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    node = childSchema(node, key);
  }
  return node;
}

function childSchema(node: JsonSchema, key: string): JsonSchema | undefined {
  if (key === '*' || /^\d+$/.test(key)) {
    if (node.items && typeof node.items === 'object') return node.items as JsonSchema;
    for (const alt of (node.anyOf as JsonSchema[] | undefined) ?? []) if (alt.items) return alt.items as JsonSchema;
    return undefined;
  }
  const props = node.properties as Record<string, JsonSchema> | undefined;
  if (props?.[key]) return props[key];
  for (const alt of (node.anyOf as JsonSchema[] | undefined) ?? []) {
    const p = (alt.properties as Record<string, JsonSchema> | undefined)?.[key];
    if (p) return p;
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return node.additionalProperties as JsonSchema;
  return undefined;
}

/** Property names a schema node allows (for key completion). */
export function propertiesOf(node: JsonSchema | undefined): [string, JsonSchema][] {
  if (!node) return [];
  const own = Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {});
  const fromAlt = ((node.anyOf as JsonSchema[] | undefined) ?? []).flatMap((a) => Object.entries((a.properties as Record<string, JsonSchema> | undefined) ?? {}));
  const items = node.items as JsonSchema | undefined;
  return [...own, ...fromAlt, ...(items ? propertiesOf(items) : [])];
}

/** Values a schema node allows (for value completion). */
export function enumOf(node: JsonSchema | undefined): string[] {
  if (!node) return [];
  const e = (node.enum as unknown[] | undefined) ?? ((node.items as JsonSchema | undefined)?.enum as unknown[] | undefined) ?? (node.examples as unknown[] | undefined) ?? [];
  return e.map(String);
}
