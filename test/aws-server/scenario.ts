/**
 * Scenario files: the state of a simulated AWS account that the local AWS server serves. JSON under
 * `test/scenarios/NAME.json` (or built in code, see `test/scenarios/large.ts`). Shapes are close to the AWS API
 * responses (Bedrock camelCase fields, IAM entities) so the server mostly serialises them; ARNs, ids and dates the
 * file leaves out are filled in by the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Scenario {
  name: string;
  description?: string;
  account: { id: string; aliases?: string[] };
  /** The identity `sts:GetCallerIdentity` answers with. */
  caller: { arn: string; userId: string };
  iam: ScenarioIam;
  /** Bedrock/EC2 state per region. A region not listed answers like a region without Bedrock (connection reset). */
  regions: Record<string, ScenarioRegion>;
  /** Faults active whenever this scenario is served (tests usually add theirs with `server.setFaults`). */
  faults?: FaultRule[];
}

export interface ScenarioIam {
  users: ScenarioUser[];
  groups: ScenarioGroup[];
  roles: ScenarioRole[];
  /** Customer-managed policies (and the AWS-managed ones the account uses, with `arn` under `iam::aws:policy/`). */
  policies: ScenarioPolicy[];
  serviceSpecificCredentials?: ScenarioServiceCredential[];
}

export interface ScenarioUser {
  name: string;
  path?: string;
  groups?: string[];
  /** Managed policy ARNs. */
  attached?: string[];
  /** Inline policies by name. */
  inline?: Record<string, JsonObject>;
  permissionsBoundary?: string;
  tags?: Record<string, string>;
  createDate?: string;
}

export interface ScenarioGroup {
  name: string;
  path?: string;
  attached?: string[];
  inline?: Record<string, JsonObject>;
}

export interface ScenarioRole {
  name: string;
  path?: string;
  trust: JsonObject;
  attached?: string[];
  inline?: Record<string, JsonObject>;
  permissionsBoundary?: string;
  tags?: Record<string, string>;
  lastUsed?: { date: string; region: string };
}

export interface ScenarioPolicy {
  name: string;
  /** Default: `arn:aws:iam::ACCOUNT:policy{path}{name}`. */
  arn?: string;
  path?: string;
  description?: string;
  /** Newest last; the one with `default: true` is in force (default: the last). */
  versions: { document: JsonObject; default?: boolean; createDate?: string }[];
}

export interface ScenarioServiceCredential {
  userName: string;
  serviceName?: string;
  id?: string;
  status?: 'Active' | 'Inactive';
  alias?: string;
  createDate?: string;
  /** Omitted = the key never expires (AWS then omits `ExpirationDate`). */
  expirationDate?: string;
}

export interface ScenarioRegion {
  /** `ListFoundationModels` summaries; `modelArn` filled in. */
  foundationModels?: JsonObject[];
  inferenceProfiles?: JsonObject[];
  provisionedThroughputs?: JsonObject[];
  /** `GetCustomModel` shapes (list summaries are derived). */
  customModels?: JsonObject[];
  importedModels?: JsonObject[];
  /** `loggingConfig` of `GetModelInvocationLoggingConfiguration`; null/absent = not configured. */
  loggingConfig?: JsonObject | null;
  guardrails?: ScenarioGuardrail[];
  /** `ListEnforcedGuardrailsConfiguration.guardrailsConfig[]`. */
  enforcedGuardrails?: JsonObject[];
  /** `GetAgent.agent` shapes. */
  agents?: JsonObject[];
  knowledgeBases?: ScenarioKnowledgeBase[];
  /** EC2 `VpcEndpoint` in API field names (`VpcEndpointId`, `ServiceName`, `State`, …). */
  vpcEndpoints?: JsonObject[];
  /** Lazy recon answers: `GetFoundationModelAvailability` per model id. */
  modelAvailability?: Record<string, JsonObject>;
  /** `GetUseCaseForModelAccess` form (base64); absent = ResourceNotFoundException. */
  useCaseFormBase64?: string;
  agreementOffers?: Record<string, JsonObject[]>;
}

export interface ScenarioGuardrail {
  id: string;
  name: string;
  description?: string;
  /** `GetGuardrail` shapes without id/arn/name; one with `version: 'DRAFT'` is required. */
  versions: JsonObject[];
}

export interface ScenarioKnowledgeBase {
  /** `GetKnowledgeBase.knowledgeBase` shape. */
  knowledgeBase: JsonObject;
  /** `GetDataSource.dataSource` shapes. */
  dataSources: JsonObject[];
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

export type FaultKind =
  /** `ThrottlingException` 429 (restJson), `Throttling` 400 (IAM/STS), `RequestLimitExceeded` 503 (EC2). */
  | 'throttle'
  /** `AccessDeniedException` 403 / `AccessDenied` 403 / `UnauthorizedOperation` 403. */
  | 'accessDenied'
  /** Delay the answer by `ms`. Combines with the other kinds. */
  | 'latency'
  /** `ExpiredTokenException` 403 / `ExpiredToken` 403 / EC2 `RequestExpired` 400. */
  | 'expiredToken'
  /** `UnknownOperationException` 404 / `InvalidAction` 400. */
  | 'unknownOperation'
  /** `InternalServerException` 500 / `ServiceFailure` 500. */
  | 'serverError'
  /** Close the connection without answering (what a region without the service looks like to a client). */
  | 'reset';

export interface FaultRule {
  kind: FaultKind;
  /** Operation name (`ListGuardrails`) or `service:Operation` (`bedrock:ListGuardrails`); omitted = every operation. */
  operation?: string;
  /** `bedrock`, `bedrock-agent`, `iam`, `sts`, `ec2`, `sso`; omitted = every service. */
  service?: string;
  /** Omitted = every region. */
  region?: string;
  /** Delay for `latency`, ms. */
  ms?: number;
  /** Fire this many times, then stop (e.g. throttle twice, then answer). Omitted = always. */
  times?: number;
  /** Message in the error body. */
  message?: string;
}

/** Finds `test/scenarios/NAME.json` from the source tree or from `out/`. */
export function scenarioPath(name: string): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'test', 'scenarios', `${name}.json`);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`scenario ${name} not found (looked for test/scenarios/${name}.json above ${__dirname})`);
}

export function loadScenario(name: string): Scenario {
  return JSON.parse(fs.readFileSync(scenarioPath(name), 'utf8')) as Scenario;
}
