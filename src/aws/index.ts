/** The AWS layer's public surface: credentials, clients and posture collection. No `vscode` here. */
export { AwsCredentialsError, type CredentialErrorKind, classifyCause, isKnown, known, unknownFrom } from './errors';
export {
  type CredentialOptions,
  type ProfileInfo,
  createCredentialProvider,
  credentialError,
  describeCredentialSource,
  effectiveProfile,
  listProfiles,
} from './credentials';
export { ClientFactory, Limiter, USER_AGENT_APP_ID, iamRegionFor, partitionFor } from './clients';
export { BEDROCK_ENDPOINT_SERVICES, type CollectOptions, PostureSession, collectPosture } from './collect';
