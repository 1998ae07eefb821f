import { parseArgs } from 'node:util';
import { AwsCredentialsError, collectPosture, effectiveProfile, listProfiles } from '../aws';
import { evaluatePosture, postureJson, postureMarkdown, postureText } from '../engine/posture';
import { isRegionName } from '../engine/posture/regions';
import { UsageError, type Io } from './io';

export const POSTURE_HELP = `Usage:
  genai-guard posture [--profile P] [--region R[,R...]] [--format text|json|markdown]

Reads the Amazon Bedrock access posture of the AWS account the credentials belong to (read-only calls; no model is
invoked) and judges it: invocation logging, guardrails (the version in use), API keys, encryption, VPC endpoints,
legacy models, and who may invoke which model (local IAM evaluation with the deciding statement).
  --profile P    shared-config profile (default: AWS_PROFILE, else the default credential chain)
  --region R,…   regions to read (default: AWS_REGION / AWS_DEFAULT_REGION, the profile's region, else us-east-1)
  --format F     text (default), json ({"account","regions","checks","access"}) or markdown
Endpoints follow the SDK's own settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, profile endpoint_url).
Exit 0: the posture was read (whatever it shows; unreadable parts are "unknown"); 2: usage or credential error.
`;

export interface PostureArgs {
  profile?: string;
  regions?: string[];
  format: 'text' | 'json' | 'markdown';
}

export function parsePostureArgs(argv: string[]): PostureArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { profile: { type: 'string', short: 'p' }, region: { type: 'string', short: 'r', multiple: true }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  if (positionals.length) throw new UsageError(`posture takes no positional arguments (got "${positionals[0]}")`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be text, json or markdown (got "${format}")`);
  if (values.profile !== undefined && !values.profile.trim()) throw new UsageError('--profile needs a name');
  let regions: string[] | undefined;
  if (values.region) {
    regions = [...new Set(values.region.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean))];
    const bad = regions.find((r) => !isRegionName(r));
    if (bad !== undefined || !regions.length) throw new UsageError(`--region needs region names like us-east-1 (got "${bad ?? ''}")`);
  }
  return { ...(values.profile ? { profile: values.profile } : {}), ...(regions ? { regions } : {}), format };
}

/** Default regions: the environment's, then the profile's configured region, then us-east-1. */
export async function defaultRegions(profile: string | undefined, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const fromEnv = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (fromEnv) return [fromEnv];
  const name = effectiveProfile(profile, env) ?? 'default';
  const p = (await listProfiles(env)).find((x) => x.name === name);
  return [p?.region ?? 'us-east-1'];
}

/** `genai-guard posture`: collect, judge, print. Credential problems exit 2 with the fix (e.g. `aws sso login`). */
export async function runPosture(argv: string[], io: Io): Promise<number> {
  let args: PostureArgs | 'help';
  try {
    args = parsePostureArgs(argv);
  } catch (e) {
    io.stderr(`genai-guard: ${(e as Error).message}\nRun "genai-guard posture --help" for usage.\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(POSTURE_HELP);
    return 0;
  }
  const regions = args.regions ?? (await defaultRegions(args.profile));
  io.progress?.(`Reading the Bedrock posture in ${regions.join(', ')}…`);
  let snapshot;
  try {
    snapshot = await collectPosture({ ...(args.profile ? { profile: args.profile } : {}), regions });
  } catch (e) {
    io.progress?.('');
    if (e instanceof AwsCredentialsError) {
      io.stderr(`genai-guard: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.progress?.('');
  const report = evaluatePosture(snapshot, { simulated: process.env['GENAI_GUARD_SIMULATED_ACCOUNT'] === '1' });
  if (args.format === 'json') io.stdout(`${JSON.stringify(postureJson(report), null, 2)}\n`);
  else if (args.format === 'markdown') io.stdout(postureMarkdown(report));
  else io.stdout(postureText(report));
  return 0;
}
