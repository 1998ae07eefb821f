/** Prompts on their way to Bedrock: request redaction, stream re-identification, prompt files, policy, audit. */
export * from './request';
export * from './stream';
export * from './promptFile';
export * from './policy';
export * from './audit';
