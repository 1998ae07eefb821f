/**
 * The judged posture: check results and the principal × model access matrix computed from a {@link PostureSnapshot}.
 * Plain data, shared by the CLI's reports and the extension's tree.
 */
import type { Decision, EvaluationResult, StatementRef } from '../iam/evaluator';
import type { CredentialSource, PrincipalType } from './snapshot';

/**
 * `pass`: the control is in place. `fail`: it is missing or ineffective. `warn`: present but weaker than it should
 * be, or a risk to review. `unknown`: the data could not be read (the reason says why) — never a pass. `error`: the
 * check itself failed (a bug; the message says where).
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unknown' | 'error';

export type CheckSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Tree groups, in display order. */
export type CheckGroup = 'account' | 'models' | 'access' | 'logging' | 'guardrails' | 'encryption' | 'network' | 'keys';

export interface CheckResult {
  /** Stable id, e.g. `logging.invocation-logging-enabled`. */
  id: string;
  status: CheckStatus;
  severity: CheckSeverity;
  /** AWS region, or `global` for IAM and account-wide results. */
  region: string;
  /** What was judged: an ARN, a name, or `account` for account-wide results. */
  resource: string;
  message: string;
  /** What to do about a fail or warn (also given for pass/unknown: how to keep it / how to make it readable). */
  remediation: string;
  /** The AWS operation whose failure made it `unknown`. */
  operation?: string;
  /** `unknown` from a failed call: the error as AWS reported it, e.g. `AccessDeniedException: User … is not authorized …`. */
  reason?: string;
}

/** A check's description (for documentation, the tree and reports). */
export interface CheckInfo {
  id: string;
  title: string;
  group: CheckGroup;
  severity: CheckSeverity;
  description: string;
}

/** One principal × model cell. */
export interface AccessEntry {
  /** Principal ARN. */
  principal: string;
  /** Foundation-model ARN (regional). */
  model: string;
  modelId: string;
  region: string;
  decision: Decision;
  /** The deciding statement; absent for an implicit deny that no statement is involved in. */
  statement?: StatementRef;
  /** The full evaluation (conditions for `conditional`, notes). */
  evaluation: EvaluationResult;
}

export interface PrincipalSummary {
  arn: string;
  name: string;
  type: 'user' | 'role';
  /** Role trusted by an AWS service only (`lambda.amazonaws.com`…). */
  serviceRole?: boolean;
  ssoReserved?: boolean;
  /** The caller of this scan (or the role it assumed). */
  isCaller?: boolean;
  trustedBy?: string[];
  hasBoundary: boolean;
  groups?: string[];
  /** Counts over every model. */
  allowed: number;
  conditional: number;
}

export interface ModelSummary {
  region: string;
  modelId: string;
  modelArn: string;
  modelName?: string;
  providerName?: string;
  lifecycle: string;
  legacyTime?: string;
  endOfLifeTime?: string;
  inferenceTypes: string[];
  /** The workspace's code references this model (id or an inference profile for it). */
  usedInWorkspace: boolean;
  /** Principals allowed / conditionally allowed to invoke it. */
  allowed: number;
  conditional: number;
}

export interface AccountSummary {
  id?: string;
  arn?: string;
  alias?: string;
  profile?: string;
  partition: string;
  principalType?: PrincipalType;
  credentialSource: CredentialSource;
  /** Set when the account is the local simulated one (npm start, tests). */
  simulated?: boolean;
  /** Why the identity is unknown. */
  identityUnknown?: string;
}

export interface PostureReport {
  account: AccountSummary;
  regions: string[];
  collectedAt: string;
  durationMs: number;
  /** AWS calls made and how many failed. */
  calls: number;
  failures: number;
  checks: CheckResult[];
  /** The access matrix: `bedrock:InvokeModel` for every principal × foundation model. */
  access: AccessEntry[];
  /** The action the matrix evaluates. */
  accessAction: string;
  /** Why there is no matrix (IAM unreadable), when `access` is empty for that reason. */
  accessUnknown?: string;
  principals: PrincipalSummary[];
  models: ModelSummary[];
  /** Time spent evaluating, ms. */
  evaluationMs: number;
}
