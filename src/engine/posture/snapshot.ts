/**
 * Plain data types of a collected Amazon Bedrock access posture: the contract between the AWS layer (`src/aws/`,
 * which fills it from the AWS APIs) and the evaluator and checks (`src/engine/posture/`, which judge it).
 *
 * Rules of the shape:
 * - **Every collected item is `Collected<T>`**: either `{ status: 'ok', value }` or an {@link UnknownResult} naming
 *   the failed operation and why (AccessDenied, throttled after retries, not offered in the region, unknown operation,
 *   timeout, expired credentials…). A check that meets an `unknown` must answer `unknown`, never `pass`.
 * - Empty is not unknown: `{ status: 'ok', value: [] }` means "the call succeeded and there are none".
 * - Nested reads are collected separately: a guardrail listed by `ListGuardrails` whose `GetGuardrail` failed still
 *   appears, with its `versions` or per-version `policy` set to `unknown`.
 * - Plain JSON: timestamps are ISO 8601 strings, no `Date`, no SDK types, so a snapshot can be written to disk,
 *   exported as a report, or served back by the local test server.
 * - Field names follow the AWS API field names (camelCase) where one exists, so the AWS documentation applies.
 * - Absent optional fields (`?`) mean AWS did not return them; where absence itself is meaningful (no KMS key = AWS
 *   owned key, no expiration = never expires), the field is documented as `null`/absent with that meaning.
 */

// ---------------------------------------------------------------------------------------------------------------
// Collected values

/** Why an item could not be collected. Checks may word their message per cause; none of them is a pass. */
export type UnknownCause =
  /** AccessDenied / AccessDeniedException / UnauthorizedOperation: the caller may not read this. */
  | 'accessDenied'
  /** Throttled on every attempt of the SDK's retry strategy. */
  | 'throttled'
  /** The service has no endpoint in this region (DNS failure) or answered that the feature is not offered there. */
  | 'notOffered'
  /** The endpoint does not know the operation (older partition/region, API not yet launched there). */
  | 'unknownOperation'
  /** The request timed out (connect or response), after retries. */
  | 'timeout'
  /** Credentials were rejected: expired session, expired SSO token, invalid key, bad signature. */
  | 'credentials'
  /** Connection refused/reset after retries. */
  | 'network'
  /** Anything else (service error, malformed response, validation error). `errorName` tells which. */
  | 'error';

export interface UnknownResult {
  status: 'unknown';
  /** The AWS operation that failed, as `service:Operation`, e.g. `bedrock:ListGuardrails`, `iam:GetAccountAuthorizationDetails`. */
  operation: string;
  /** Human-readable reason, e.g. `AccessDeniedException: User … is not authorized to perform bedrock:ListGuardrails`. */
  reason: string;
  cause: UnknownCause;
  /** The error code/name as AWS or the SDK reported it (`AccessDenied`, `ThrottlingException`, `TimeoutError`, `ENOTFOUND`). */
  errorName?: string;
  httpStatus?: number;
  /** Attempts the SDK made, retries included. */
  attempts?: number;
  /** Region of the failed call (IAM, a global service, reports its signing region). */
  region?: string;
}

export interface KnownResult<T> {
  status: 'ok';
  value: T;
}

/** A value that was read successfully, or the reason it could not be. */
export type Collected<T> = KnownResult<T> | UnknownResult;

// ---------------------------------------------------------------------------------------------------------------
// Snapshot

export interface PostureSnapshot {
  /** Bumped on incompatible changes of this shape. */
  schemaVersion: 1;
  /** ISO 8601 time collection started. */
  collectedAt: string;
  /** Wall-clock duration of the collection, ms. */
  durationMs: number;
  /** The shared-config profile used; absent when the default chain (environment, default profile…) was used. */
  profile?: string;
  /** Where the credentials came from, as far as the shared config tells (not a secret). */
  credentialSource: CredentialSource;
  /** `aws`, `aws-cn`, `aws-us-gov`…, from the caller ARN (or the first region when identity is unknown). */
  partition: string;
  /** `sts:GetCallerIdentity`. */
  identity: Collected<CallerIdentity>;
  /** `iam:ListAccountAliases`. */
  accountAliases: Collected<string[]>;
  /** Regions asked for, in the order asked. */
  regionNames: string[];
  regions: RegionPosture[];
  /** `iam:GetAccountAuthorizationDetails` (all pages), documents URL-decoded and parsed. IAM is global. */
  iam: Collected<IamAuthorizationDetails>;
  /** Bedrock API keys: `iam:ListServiceSpecificCredentials(AllUsers, ServiceName=bedrock.amazonaws.com)`, all pages. */
  bedrockApiKeys: Collected<BedrockApiKey[]>;
  /** Counts of AWS calls made during collection (for diagnostics and the LLM-jacking caution). */
  stats: CollectionStats;
}

export interface CollectionStats {
  /** SDK commands sent (each may have made several HTTP attempts). */
  calls: number;
  /** Commands that ended `unknown`. */
  failures: number;
}

export type CredentialSourceKind =
  | 'sso'
  | 'credential_process'
  | 'assume-role'
  | 'web-identity'
  | 'login'
  | 'static'
  | 'environment'
  | 'unknown';

export interface CredentialSource {
  kind: CredentialSourceKind;
  /** The profile the kind was read from (absent for `environment`). */
  profile?: string;
  /** Static long-term keys are weaker than SSO/roles; true when the profile holds `aws_access_key_id` without a session token. */
  longTermKeys?: boolean;
}

export type PrincipalType = 'user' | 'assumed-role' | 'sso-role' | 'root' | 'federated-user' | 'unknown';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
  principalType: PrincipalType;
  /** For assumed roles: the role ARN (`arn:aws:iam::ACCOUNT:role/PATH/NAME` — path unknown from STS, so without it). */
  roleArn?: string;
  /** For assumed roles: the session name. */
  sessionName?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Per region

export interface RegionPosture {
  region: string;
  /** `bedrock:ListFoundationModels`. */
  foundationModels: Collected<FoundationModel[]>;
  /** `bedrock:ListInferenceProfiles` (system-defined and application profiles, all pages). */
  inferenceProfiles: Collected<InferenceProfile[]>;
  /** `bedrock:ListProvisionedModelThroughputs`. */
  provisionedThroughputs: Collected<ProvisionedThroughput[]>;
  /** `bedrock:ListCustomModels` + `GetCustomModel` per model (for the KMS key). */
  customModels: Collected<CustomModel[]>;
  /** `bedrock:ListImportedModels` + `GetImportedModel` per model. */
  importedModels: Collected<ImportedModel[]>;
  /**
   * `bedrock:GetModelInvocationLoggingConfiguration`. `value: null` = logging is **off** (no `loggingConfig`, or one
   * with neither CloudWatch nor S3 destination — both mean nothing is logged).
   */
  invocationLogging: Collected<InvocationLoggingConfig | null>;
  /** `bedrock:ListGuardrails` + versions (`ListGuardrails(guardrailIdentifier)`) + `GetGuardrail` per version. */
  guardrails: Collected<Guardrail[]>;
  /** `bedrock:ListEnforcedGuardrailsConfiguration`: guardrails the account enforces on every inference call. */
  enforcedGuardrails: Collected<EnforcedGuardrailConfig[]>;
  /** `bedrock-agent:ListAgents` + `GetAgent` per agent. */
  agents: Collected<Agent[]>;
  /** `bedrock-agent:ListKnowledgeBases` + `GetKnowledgeBase` + `ListDataSources` + `GetDataSource`. */
  knowledgeBases: Collected<KnowledgeBase[]>;
  /**
   * `ec2:DescribeVpcEndpoints` filtered on the Bedrock service names of this region (`com.amazonaws.REGION.bedrock`,
   * `…bedrock-runtime`, `…bedrock-agent`, `…bedrock-agent-runtime`, `…bedrock-mantle`).
   */
  vpcEndpoints: Collected<VpcEndpoint[]>;
}

// --- Models ---

/** `ACTIVE` or `LEGACY` (a LEGACY model has a `legacyTime`/`endOfLifeTime`); kept open for values AWS may add. */
export type ModelLifecycleStatus = string;

export interface FoundationModel {
  modelId: string;
  /** Foundation-model ARNs have an empty account field: `arn:aws:bedrock:REGION::foundation-model/ID`. */
  modelArn: string;
  modelName?: string;
  providerName?: string;
  inputModalities: string[];
  outputModalities: string[];
  /** `ON_DEMAND`, `PROVISIONED`, `INFERENCE_PROFILE`… `INFERENCE_PROFILE` only = invocable only through a profile. */
  inferenceTypesSupported: string[];
  customizationsSupported: string[];
  responseStreamingSupported?: boolean;
  lifecycle: {
    status: ModelLifecycleStatus;
    startOfLifeTime?: string;
    legacyTime?: string;
    publicExtendedAccessTime?: string;
    endOfLifeTime?: string;
  };
}

export interface InferenceProfile {
  inferenceProfileId: string;
  inferenceProfileArn: string;
  inferenceProfileName: string;
  /** `SYSTEM_DEFINED` (cross-region, `us.`/`eu.`/`apac.`/`global.` prefix) or `APPLICATION`. */
  type: string;
  status: string;
  description?: string;
  /**
   * Geography from the id prefix of system-defined profiles: `us`, `eu`, `apac`, `global`, … (absent for
   * application profiles). `global` routes to any commercial region: data-residency relevant.
   */
  geography?: string;
  /** Foundation-model ARNs the profile routes to; their regions are the destinations. */
  models: { modelArn: string; region?: string }[];
  createdAt?: string;
  updatedAt?: string;
}

export interface ProvisionedThroughput {
  provisionedModelName: string;
  provisionedModelArn: string;
  modelArn: string;
  foundationModelArn: string;
  modelUnits: number;
  status: string;
  /** `OneMonth`, `SixMonths`; absent = no commitment. */
  commitmentDuration?: string;
  commitmentExpirationTime?: string;
  creationTime?: string;
}

export interface CustomModel {
  modelArn: string;
  modelName: string;
  baseModelArn?: string;
  /** `FINE_TUNING`, `CONTINUED_PRE_TRAINING`, `DISTILLATION`, `IMPORTED`. */
  customizationType?: string;
  modelStatus?: string;
  ownerAccountId?: string;
  creationTime?: string;
  /** From `GetCustomModel`. `value: null` = no customer-managed key: encrypted with an AWS-owned key. */
  kmsKeyArn: Collected<string | null>;
}

export interface ImportedModel {
  modelArn: string;
  modelName: string;
  modelArchitecture?: string;
  creationTime?: string;
  /** From `GetImportedModel`. `value: null` = AWS-owned key. */
  kmsKeyArn: Collected<string | null>;
}

// --- Logging ---

export interface InvocationLoggingConfig {
  cloudWatch?: { logGroupName: string; roleArn?: string; largeDataDeliveryS3?: S3Destination };
  s3?: S3Destination;
  /** Each flag as AWS returned it; absent = AWS did not return it (treat as not delivered). */
  textDataDeliveryEnabled?: boolean;
  imageDataDeliveryEnabled?: boolean;
  embeddingDataDeliveryEnabled?: boolean;
  videoDataDeliveryEnabled?: boolean;
  audioDataDeliveryEnabled?: boolean;
}

export interface S3Destination {
  bucketName: string;
  keyPrefix?: string;
}

// --- Guardrails ---

export interface Guardrail {
  id: string;
  arn: string;
  name: string;
  /** Status of the working draft (`READY`, `CREATING`, `FAILED`…). */
  status: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  /**
   * Every version: `DRAFT` (always present, editable, what un-versioned callers get) and the published numbered
   * versions `1`, `2`, … (immutable). Checks must judge the version **in use** (agent/enforced config), not DRAFT.
   * Unknown when `ListGuardrails(guardrailIdentifier)` failed.
   */
  versions: Collected<GuardrailVersion[]>;
}

export interface GuardrailVersion {
  /** `DRAFT` or a number as a string. */
  version: string;
  status: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  /** `GetGuardrail(id, version)`; unknown when that call failed. */
  policy: Collected<GuardrailPolicy>;
}

/** The filters of one guardrail version. Absent policy = that policy type is not configured at all. */
export interface GuardrailPolicy {
  contentPolicy?: {
    filters: GuardrailContentFilter[];
    /** `CLASSIC` or `STANDARD`. */
    tier?: string;
  };
  sensitiveInformationPolicy?: {
    piiEntities: GuardrailSensitiveEntry[];
    regexes: (GuardrailSensitiveEntry & { name: string; pattern: string })[];
  };
  contextualGroundingPolicy?: {
    filters: { type: string; threshold: number; action?: string; enabled?: boolean }[];
  };
  topicPolicy?: {
    topics: { name: string; type?: string; inputAction?: string; outputAction?: string; inputEnabled?: boolean; outputEnabled?: boolean }[];
    tier?: string;
  };
  wordPolicy?: {
    wordCount: number;
    managedWordLists: { type: string; inputAction?: string; outputAction?: string }[];
  };
  automatedReasoningPolicy?: { policies: string[]; confidenceThreshold?: number };
  /** CMK encrypting the guardrail; absent = AWS-owned key. */
  kmsKeyArn?: string;
  /** Guardrail profile used for cross-region guardrail inference (required by the STANDARD tier). */
  crossRegionProfileArn?: string;
}

/**
 * A content filter. AWS semantics: `inputAction`/`outputAction` absent = `BLOCK`; `inputEnabled`/`outputEnabled`
 * absent = `true`. `NONE` action = detect only (nothing is blocked). Strength `NONE` = filter off.
 */
export interface GuardrailContentFilter {
  /** `HATE`, `INSULTS`, `MISCONDUCT`, `PROMPT_ATTACK`, `SEXUAL`, `VIOLENCE`. */
  type: string;
  /** `NONE`, `LOW`, `MEDIUM`, `HIGH`. */
  inputStrength: string;
  outputStrength: string;
  inputAction?: string;
  outputAction?: string;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
  inputModalities?: string[];
  outputModalities?: string[];
}

/** A PII entity or regex. `action` is `BLOCK`, `ANONYMIZE` or `NONE` (detect only). */
export interface GuardrailSensitiveEntry {
  type?: string;
  action: string;
  inputAction?: string;
  outputAction?: string;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
}

export interface EnforcedGuardrailConfig {
  configId?: string;
  guardrailArn?: string;
  guardrailId?: string;
  /** The version enforced: judge this one. */
  guardrailVersion?: string;
  /** `ACCOUNT` (this account) or an organization-level owner. */
  owner?: string;
  /** Models covered/excluded; `includedModels: ['ALL']`-style values are passed through as AWS returns them. */
  modelEnforcement?: { includedModels: string[]; excludedModels: string[] };
  /** `COMPREHENSIVE` or `SELECTIVE` per content part. */
  selectiveContentGuarding?: { system?: string; messages?: string };
  inputTags?: string;
  createdAt?: string;
  updatedAt?: string;
}

// --- Agents and knowledge bases ---

export interface Agent {
  agentId: string;
  agentName: string;
  agentStatus: string;
  latestAgentVersion?: string;
  updatedAt?: string;
  /** Guardrail from the agent list summary; absent = none attached (see also `detail`). */
  guardrail?: GuardrailReference;
  /** `GetAgent` (the DRAFT agent's configuration). */
  detail: Collected<AgentDetail>;
}

export interface GuardrailReference {
  guardrailIdentifier?: string;
  guardrailVersion?: string;
}

export interface AgentDetail {
  agentArn: string;
  /** Model id, inference profile id or ARN the agent orchestrates with. */
  foundationModel?: string;
  agentResourceRoleArn?: string;
  /** CMK for the agent's data; absent = AWS-owned key. */
  customerEncryptionKeyArn?: string;
  idleSessionTTLInSeconds?: number;
  /** Absent = no guardrail attached. */
  guardrail?: GuardrailReference;
}

export interface KnowledgeBase {
  knowledgeBaseId: string;
  name: string;
  status: string;
  updatedAt?: string;
  /** `GetKnowledgeBase`. */
  detail: Collected<KnowledgeBaseDetail>;
  /** `ListDataSources` + `GetDataSource` per data source. */
  dataSources: Collected<KnowledgeBaseDataSource[]>;
}

export interface KnowledgeBaseDetail {
  knowledgeBaseArn: string;
  roleArn?: string;
  /** `VECTOR`, `KENDRA`, `SQL`, `MANAGED`. */
  type?: string;
  /** Vector store type: `OPENSEARCH_SERVERLESS`, `S3_VECTORS`, `RDS`, `PINECONE`…  */
  storageType?: string;
  embeddingModelArn?: string;
  /** CMK of a MANAGED knowledge base; absent = AWS-owned key (or not applicable for external stores). */
  kmsKeyArn?: string;
}

export interface KnowledgeBaseDataSource {
  dataSourceId: string;
  name: string;
  status: string;
  /** `GetDataSource` → `serverSideEncryptionConfiguration.kmsKeyArn`. `value: null` = AWS-owned key. */
  kmsKeyArn: Collected<string | null>;
  /** `S3`, `WEB`, `CONFLUENCE`, … from the detail; absent when the detail was not readable. */
  type?: string;
  /** `RETAIN` or `DELETE`. */
  dataDeletionPolicy?: string;
}

// --- Network ---

export interface VpcEndpoint {
  vpcEndpointId: string;
  vpcId: string;
  /** e.g. `com.amazonaws.us-east-1.bedrock-runtime`. */
  serviceName: string;
  /** The short Bedrock service: `bedrock`, `bedrock-runtime`, `bedrock-agent`, `bedrock-agent-runtime`, `bedrock-mantle`. */
  bedrockService: string;
  /** `Interface`, `Gateway`… */
  vpcEndpointType?: string;
  /** `available`, `pending`, `deleted`, `rejected`, `failed`… (lower-case as EC2 returns it). */
  state: string;
  privateDnsEnabled?: boolean;
  /** Endpoint policy (EC2 returns it as JSON text); the default policy allows everything. */
  policy?: PolicyDocumentValue;
}

// ---------------------------------------------------------------------------------------------------------------
// IAM

export interface IamAuthorizationDetails {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  /** Customer-managed policies and the AWS-managed policies attached to something in the account. */
  policies: IamManagedPolicy[];
}

/**
 * An IAM policy document as AWS stores it. IAM returns documents URL-encoded; the AWS layer decodes them, keeps the
 * text and parses it. `parsed: null` with `parseError` when the text is not valid JSON (treat as unknown).
 */
export interface PolicyDocumentValue {
  text: string;
  parsed: IamPolicyDocument | null;
  parseError?: string;
}

/** IAM JSON policy grammar, loosely typed as AWS accepts it: single values or arrays. */
export interface IamPolicyDocument {
  Version?: string;
  Id?: string;
  Statement: IamPolicyStatement | IamPolicyStatement[];
}

export interface IamPolicyStatement {
  Sid?: string;
  /** `Allow` or `Deny` (any other value is invalid: treat the statement as not matching). */
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  /** Trust and resource policies only: `"*"`, `{ AWS: … }`, `{ Service: … }`, `{ Federated: … }`. */
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: '*' | Record<string, string | string[]>;
  /** `{ Operator: { ConditionKey: value | values } }`. */
  Condition?: Record<string, Record<string, string | number | boolean | (string | number | boolean)[]>>;
}

export interface IamInlinePolicy {
  policyName: string;
  document: PolicyDocumentValue;
}

export interface IamAttachedPolicy {
  policyName: string;
  policyArn: string;
}

interface IamEntityBase {
  arn: string;
  path: string;
  createDate?: string;
  inlinePolicies: IamInlinePolicy[];
  attachedManagedPolicies: IamAttachedPolicy[];
}

export interface IamUser extends IamEntityBase {
  userName: string;
  userId: string;
  /** Group names (resolve with `IamAuthorizationDetails.groups`). */
  groups: string[];
  /** ARN of the managed policy used as permissions boundary; absent = none. */
  permissionsBoundaryArn?: string;
  tags: Record<string, string>;
}

export interface IamGroup extends IamEntityBase {
  groupName: string;
  groupId: string;
}

export interface IamRole extends IamEntityBase {
  roleName: string;
  roleId: string;
  /** The trust policy (who can assume the role). */
  trustPolicy: PolicyDocumentValue;
  permissionsBoundaryArn?: string;
  tags: Record<string, string>;
  /** Path `/aws-service-role/`: created and managed by an AWS service. */
  serviceLinked: boolean;
  /** Name `AWSReservedSSO_*` under `/aws-reserved/sso.amazonaws.com/`: an IAM Identity Center permission set. */
  ssoReserved: boolean;
  roleLastUsed?: { lastUsedDate?: string; region?: string };
}

export interface IamManagedPolicy {
  arn: string;
  policyName: string;
  policyId?: string;
  path: string;
  /** `arn:PARTITION:iam::aws:policy/…`. */
  awsManaged: boolean;
  defaultVersionId?: string;
  attachmentCount?: number;
  permissionsBoundaryUsageCount?: number;
  isAttachable?: boolean;
  description?: string;
  createDate?: string;
  updateDate?: string;
  /** The document of the default version: the one in force. `null` only if IAM returned no default version. */
  defaultDocument: PolicyDocumentValue | null;
  /** All versions (IAM keeps up to five), default included. */
  versions: { versionId: string; isDefaultVersion: boolean; createDate?: string; document: PolicyDocumentValue }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Bedrock API keys

/**
 * A long-term Bedrock API key: an IAM service-specific credential for `bedrock.amazonaws.com`. (Short-term keys,
 * `bedrock-api-key-…`, are presigned URLs and cannot be listed.)
 */
export interface BedrockApiKey {
  serviceSpecificCredentialId: string;
  /** The IAM user owning the key: its permissions are the key's permissions. */
  userName: string;
  /** `Active` or `Inactive`. */
  status: string;
  serviceName: string;
  serviceUserName?: string;
  serviceCredentialAlias?: string;
  createDate?: string;
  /** `null` = the key **never expires** (AWS omits `ExpirationDate`). */
  expirationDate: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Lazy, LLM-jacking-sensitive reads (fetched when a model node is expanded, never during a refresh)

/** `bedrock:GetFoundationModelAvailability`. */
export interface ModelAvailability {
  modelId: string;
  region: string;
  /** `AVAILABLE`, `PENDING`, `NOT_AVAILABLE`, `ERROR`. */
  agreementStatus?: string;
  agreementErrorMessage?: string;
  /** `AUTHORIZED`, `NOT_AUTHORIZED`. */
  authorizationStatus?: string;
  /** `AVAILABLE`, `NOT_AVAILABLE`. */
  entitlementAvailability?: string;
  regionAvailability?: string;
}

/** `bedrock:GetUseCaseForModelAccess` (the Anthropic first-use form). */
export interface UseCaseForModelAccess {
  region: string;
  /** False when AWS answered ResourceNotFound: no form submitted. */
  submitted: boolean;
  /** Size of the stored form, bytes (its content is not kept). */
  formBytes?: number;
}

/** `bedrock:ListFoundationModelAgreementOffers`. */
export interface ModelAgreementOffers {
  modelId: string;
  region: string;
  offers: { offerId?: string; hasLegalTerm: boolean; hasPricingTerm: boolean }[];
}
