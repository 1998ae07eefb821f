/**
 * The IaC model rules judge: resources and IAM policy documents extracted from Terraform modules (several files),
 * CloudFormation/SAM templates, serverless.yml and raw IAM policy JSON — resolved before judging. A value that can't be
 * resolved stays an `expr` node, and a policy that can't be read at all becomes an `unresolved` entry for a
 * "could not evaluate" note: never a guess.
 */
import type { DocumentKind } from '../documentKind';
import { extractCdkStatements } from './cdk';
import { blockToMap, parseHcl, type HclBlock } from './hcl';
import { entry, get, getCi, items, str, type ExprNode, type IacNode, type MapEntry, type MapNode } from './node';
import { parseEmbeddedJson, parseJson, parseYaml } from './yamlJson';

export type IacFormat = 'terraform' | 'cloudformation' | 'serverless' | 'iam-policy' | 'cdk';

export interface IacSource {
  file: string;
  text: string;
  kind: DocumentKind;
}

export interface IacResource {
  format: IacFormat;
  /** `aws_s3_bucket` / `AWS::S3::Bucket`. */
  type: string;
  name: string;
  /** `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, or the CloudFormation logical id. */
  address: string;
  file: string;
  props: MapNode;
  start: number;
  end: number;
  /** Where the resource's name is written (the range a finding about the whole resource points at). */
  nameStart: number;
  nameEnd: number;
  data?: boolean;
  /** CloudFormation resource `Metadata`. */
  metadata?: IacNode;
}

export interface PolicyStatement {
  index: number;
  node: MapNode;
  sid?: string;
  effect?: IacNode;
  action?: IacNode;
  notAction?: IacNode;
  resource?: IacNode;
  notResource?: IacNode;
  principal?: IacNode;
  notPrincipal?: IacNode;
  condition?: IacNode;
}

export type PolicyKind = 'identity' | 'resource' | 'trust';

export interface PolicyDoc {
  file: string;
  kind: PolicyKind;
  /** What holds the policy: `aws_iam_role_policy.app`, `BedrockPolicy`, or the file name. */
  label: string;
  owner?: IacResource;
  statements: PolicyStatement[];
  start: number;
  end: number;
}

export interface Unresolved {
  file: string;
  start: number;
  end: number;
  what: string;
  reason: string;
}

export interface IacModel {
  format: IacFormat;
  files: IacSource[];
  resources: IacResource[];
  policies: PolicyDoc[];
  unresolved: Unresolved[];
  /** Resolves references (variables, locals, parameters, simple intrinsics) where the source allows it. */
  resolve(node: IacNode | undefined): IacNode | undefined;
  byAddress(address: string): IacResource | undefined;
}

const MAX_DEPTH = 12;

// ── policies ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Statement keys in JSON policy form and their Terraform `aws_iam_policy_document` spellings. */
const STATEMENT_KEYS: [keyof Omit<PolicyStatement, 'index' | 'node' | 'sid'>, string[]][] = [
  ['effect', ['Effect', 'effect']],
  ['action', ['Action', 'actions']],
  ['notAction', ['NotAction', 'not_actions']],
  ['resource', ['Resource', 'resources']],
  ['notResource', ['NotResource', 'not_resources']],
  ['principal', ['Principal', 'principals']],
  ['notPrincipal', ['NotPrincipal', 'not_principals']],
  ['condition', ['Condition', 'condition']],
];

function statementsOf(doc: IacNode | undefined, resolve: (n: IacNode | undefined) => IacNode | undefined): PolicyStatement[] | undefined {
  const d = resolve(doc);
  if (d?.t !== 'map') return undefined;
  const raw = resolve(getCi(d, 'Statement'));
  if (!raw) return [];
  const list = raw.t === 'list' ? raw.items : [raw];
  const out: PolicyStatement[] = [];
  list.forEach((item, index) => {
    const node = resolve(item);
    if (node?.t !== 'map') return;
    const s: PolicyStatement = { index, node };
    const sid = str(resolve(getCi(node, 'Sid')));
    if (sid) s.sid = sid;
    for (const [field, keys] of STATEMENT_KEYS) {
      for (const k of keys) {
        const v = get(node, k);
        if (v) {
          s[field] = resolve(v);
          break;
        }
      }
    }
    out.push(s);
  });
  return out;
}

// ── Terraform ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Terraform resources whose attribute holds a policy document, and the document's kind. */
const TF_POLICY_ATTRS: Record<string, [string, PolicyKind][]> = {
  aws_iam_policy: [['policy', 'identity']],
  aws_iam_role_policy: [['policy', 'identity']],
  aws_iam_user_policy: [['policy', 'identity']],
  aws_iam_group_policy: [['policy', 'identity']],
  aws_iam_role: [['assume_role_policy', 'trust']],
  aws_s3_bucket_policy: [['policy', 'resource']],
  aws_s3_bucket: [['policy', 'resource']],
  aws_kms_key: [['policy', 'resource']],
  aws_kms_key_policy: [['policy', 'resource']],
  aws_sqs_queue_policy: [['policy', 'resource']],
  aws_sns_topic_policy: [['policy', 'resource']],
  aws_ecr_repository_policy: [['policy', 'resource']],
  aws_secretsmanager_secret_policy: [['policy', 'resource']],
  aws_cloudwatch_log_resource_policy: [['policy_document', 'resource']],
  aws_opensearch_domain_policy: [['access_policies', 'resource']],
  aws_elasticsearch_domain_policy: [['access_policies', 'resource']],
  aws_sqs_queue: [['policy', 'resource']],
  aws_sns_topic: [['policy', 'resource']],
  aws_secretsmanager_secret: [['policy', 'resource']],
  aws_efs_file_system_policy: [['policy', 'resource']],
  aws_glue_resource_policy: [['policy', 'resource']],
  aws_ssoadmin_permission_set_inline_policy: [['inline_policy', 'identity']],
  aws_bedrockagent_agent: [],
};

/** A synthesized JSON-shaped policy from `data "aws_iam_policy_document"` blocks (keeps the HCL ranges). */
function policyDocumentFromData(block: HclBlock): MapNode {
  const statements: IacNode[] = [];
  for (const st of block.blocks.filter((b) => b.type === 'statement')) {
    const m = blockToMap(st);
    const entries: MapEntry[] = [...m.entries.filter((e) => !['principals', 'not_principals', 'condition'].includes(e.key))];
    for (const pk of ['principals', 'not_principals']) {
      const blocks = st.blocks.filter((b) => b.type === pk);
      if (!blocks.length) continue;
      const principalEntries: MapEntry[] = blocks.map((b) => {
        const bm = blockToMap(b);
        const type = str(get(bm, 'type')) ?? '?';
        const ids = get(bm, 'identifiers') ?? { t: 'list', items: [], start: b.start, end: b.end };
        return { key: type, keyStart: b.start, keyEnd: b.start + pk.length, value: ids };
      });
      entries.push({ key: pk, keyStart: blocks[0]!.start, keyEnd: blocks[0]!.start + pk.length, value: { t: 'map', entries: principalEntries, start: blocks[0]!.start, end: blocks.at(-1)!.end } });
    }
    const conds = st.blocks.filter((b) => b.type === 'condition');
    if (conds.length) {
      const byTest = new Map<string, MapEntry[]>();
      for (const c of conds) {
        const cm = blockToMap(c);
        const test = str(get(cm, 'test')) ?? '?';
        const variable = str(get(cm, 'variable')) ?? '?';
        const values = get(cm, 'values') ?? { t: 'list', items: [], start: c.start, end: c.end };
        const list = byTest.get(test) ?? [];
        list.push({ key: variable, keyStart: c.start, keyEnd: c.start + 9, value: values });
        byTest.set(test, list);
      }
      entries.push({
        key: 'condition',
        keyStart: conds[0]!.start,
        keyEnd: conds[0]!.start + 9,
        value: { t: 'map', entries: [...byTest].map(([test, es]) => ({ key: test, keyStart: conds[0]!.start, keyEnd: conds[0]!.start + 9, value: { t: 'map', entries: es, start: conds[0]!.start, end: conds.at(-1)!.end } })), start: conds[0]!.start, end: conds.at(-1)!.end },
      });
    }
    statements.push({ t: 'map', entries, start: st.start, end: st.end });
  }
  const listNode: IacNode = { t: 'list', items: statements, start: block.start, end: block.end };
  return { t: 'map', entries: [{ key: 'Statement', keyStart: block.start, keyEnd: block.start, value: listNode }], start: block.start, end: block.end };
}

function buildTerraform(sources: IacSource[]): IacModel {
  const resources: IacResource[] = [];
  const variables = new Map<string, IacNode | undefined>();
  const locals = new Map<string, IacNode>();
  const localFiles = new Map<string, string>();
  const dataBlocks = new Map<string, { block: HclBlock; file: IacSource }>();
  const textOf = new Map(sources.map((s) => [s.file, s.text]));

  for (const src of sources) {
    const parsed = parseHcl(src.text, src.file);
    for (const b of parsed.blocks) {
      if (b.type === 'variable' && b.labels[0]) {
        variables.set(b.labels[0].value, b.attributes.find((a) => a.name === 'default')?.value);
      } else if (b.type === 'locals') {
        for (const a of b.attributes) {
          locals.set(a.name, a.value);
          localFiles.set(a.name, src.file);
        }
      } else if (b.type === 'module' && b.labels[0]) {
        // Module calls are kept as `module` resources: rules judge the inputs of well-known registry modules.
        const name = b.labels[0];
        resources.push({ format: 'terraform', type: 'module', name: name.value, address: `module.${name.value}`, file: src.file, props: blockToMap(b), start: b.start, end: b.end, nameStart: name.start, nameEnd: name.end });
      } else if ((b.type === 'resource' || b.type === 'data') && b.labels.length >= 2) {
        const [type, name] = [b.labels[0]!, b.labels[1]!];
        const address = `${b.type === 'data' ? 'data.' : ''}${type.value}.${name.value}`;
        resources.push({ format: 'terraform', type: type.value, name: name.value, address, file: src.file, props: blockToMap(b), start: b.start, end: b.end, nameStart: name.start, nameEnd: name.end, ...(b.type === 'data' ? { data: true } : {}) });
        if (b.type === 'data') dataBlocks.set(address, { block: b, file: src });
      }
    }
  }

  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const unresolved: Unresolved[] = [];

  const resolve = (node: IacNode | undefined, depth = 0): IacNode | undefined => {
    if (!node || depth > MAX_DEPTH) return node;
    if (node.t !== 'expr') return node;
    // `True`/`False` are not HCL literals, but configurations written for other tools use them for booleans.
    if (!node.fn && (node.text === 'True' || node.text === 'False')) return { t: 'bool', v: node.text === 'True', start: node.start, end: node.end };
    if (node.fn === 'jsonencode' && node.args?.[0]) return resolve(node.args[0], depth + 1);
    if ((node.fn === 'tolist' || node.fn === 'toset' || node.fn === 'tostring') && node.args?.[0]) return resolve(node.args[0], depth + 1);
    const ref = node.ref;
    if (!ref) return node;
    if (ref[0] === 'var' && ref[1] && ref.length === 2) {
      const def = variables.get(ref[1]);
      return def ? resolve(def, depth + 1) : node;
    }
    if (ref[0] === 'local' && ref[1]) {
      const v = locals.get(ref[1]);
      if (!v) return node;
      let out = resolve(v, depth + 1);
      for (const k of ref.slice(2)) out = resolve(get(out, k), depth + 1);
      return out ?? node;
    }
    if (ref[0] === 'data' && ref[1] === 'aws_iam_policy_document' && ref[2] && (ref[3] === 'json' || ref[3] === 'minified_json')) {
      const d = dataBlocks.get(`data.aws_iam_policy_document.${ref[2]}`);
      return d ? policyDocumentFromData(d.block) : node;
    }
    return node;
  };

  /** A policy attribute's value as a document: jsonencode objects, heredoc/quoted JSON, policy documents. */
  const asDocument = (value: IacNode | undefined, file: string): IacNode | undefined => {
    const v = resolve(value);
    if (v?.t === 'str' && /^\s*\{/.test(v.v)) {
      const text = textOf.get(file) ?? '';
      return parseEmbeddedJson(v, text).root;
    }
    return v;
  };

  const policies: PolicyDoc[] = [];
  const localsUsedAsPolicy = new Set<string>();
  const documentsUsedAsIdentity = new Set<string>();
  for (const r of resources) {
    if (r.data && r.type === 'aws_iam_policy_document') continue; // judged where it is used, and below if unused
    const specs = TF_POLICY_ATTRS[r.type] ?? [];
    const pairs: { value: IacNode; kind: PolicyKind; label: string }[] = specs.flatMap(([attr, kind]) => {
      const e = entry(r.props, attr);
      return e ? [{ value: e.value, kind, label: r.address }] : [];
    });
    // aws_iam_role { inline_policy { policy = … } }
    if (r.type === 'aws_iam_role') {
      for (const ip of items(get(r.props, 'inline_policy'))) {
        const p = get(ip, 'policy');
        if (p) pairs.push({ value: p, kind: 'identity', label: `${r.address} inline_policy` });
      }
    }
    for (const { value, kind, label } of pairs) {
      // A reference to a policy-document data source is judged at the document's own definition.
      if (value.t === 'expr' && /\bdata\.aws_iam_policy_document\./.test(value.text)) {
        const used = /\bdata\.aws_iam_policy_document\.([A-Za-z0-9_-]+)/.exec(value.text);
        if (used && kind === 'identity') documentsUsedAsIdentity.add(`data.aws_iam_policy_document.${used[1]!}`);
        continue;
      }
      if (value.t === 'expr' && value.ref?.[0] === 'local' && value.ref[1]) localsUsedAsPolicy.add(value.ref[1]);
      const doc = asDocument(value, r.file);
      const statements = statementsOf(doc, resolve);
      if (!statements) {
        unresolved.push({ file: r.file, start: value.start, end: value.end, what: `${label} policy`, reason: describeUnresolved(value) });
        continue;
      }
      policies.push({ file: r.file, kind, label, owner: r, statements, start: value.start, end: value.end });
    }
  }
  // A policy document kept in a local (handed to a module, an SSO permission set, …) is judged where it is written,
  // unless a policy attribute of this module already uses it.
  for (const [name, value] of locals) {
    if (localsUsedAsPolicy.has(name)) continue;
    const v = resolve(value);
    if (v?.t !== 'str' || !/^\s*\{/.test(v.v) || !/"Statement"/.test(v.v)) continue;
    const file = localFiles.get(name);
    if (!file || value.t !== 'str') continue; // written here, not pulled in from another local
    const statements = statementsOf(asDocument(v, file), resolve);
    if (!statements?.length) continue;
    const kind: PolicyKind = statements.some((st) => st.principal || st.notPrincipal) ? 'resource' : 'identity';
    policies.push({ file, kind, label: `local.${name}`, statements, start: v.start, end: v.end });
  }
  // Policy documents are judged once, at their definition (so a finding sits on the statement that is too broad).
  for (const [address, { block, file }] of dataBlocks) {
    if (!address.startsWith('data.aws_iam_policy_document.')) continue;
    const doc = policyDocumentFromData(block);
    const statements = statementsOf(doc, resolve) ?? [];
    const usedAsTrust = resources.some((r) => r.type === 'aws_iam_role' && refersTo(get(r.props, 'assume_role_policy'), address));
    const hasPrincipals = statements.some((s) => s.principal || s.notPrincipal);
    // Attached as an identity policy, it is one, whatever stray `principals` it carries (IAM ignores them there).
    const kind: PolicyKind = usedAsTrust ? 'trust' : documentsUsedAsIdentity.has(address) ? 'identity' : hasPrincipals ? 'resource' : 'identity';
    policies.push({ file: file.file, kind, label: address, owner: byAddress.get(address), statements, start: block.start, end: block.end });
  }
  return { format: 'terraform', files: sources, resources, policies, unresolved, resolve: (n) => resolve(n), byAddress: (a) => byAddress.get(a) };
}

function refersTo(node: IacNode | undefined, address: string): boolean {
  return node?.t === 'expr' && node.text.includes(address);
}

function describeUnresolved(value: IacNode): string {
  if (value.t === 'expr') {
    if (value.fn === 'file' || value.fn === 'templatefile') return `it is read from a file at plan time (${value.text})`;
    if (value.ref?.[0] === 'var') return `variable ${value.ref[1] ?? ''} has no literal default`;
    return `it is computed (${value.text.length > 60 ? `${value.text.slice(0, 57)}…` : value.text})`;
  }
  if (value.t === 'str' && value.template) return 'it is a template with interpolations that are not valid JSON';
  return 'it is not a policy document';
}

// ── CloudFormation / SAM / serverless ──────────────────────────────────────────────────────────────────────────

/** CloudFormation resource types, the property paths that hold policy documents, and their kind. */
const CFN_POLICY_PATHS: Record<string, [string[], PolicyKind][]> = {
  'AWS::IAM::Policy': [[['PolicyDocument'], 'identity']],
  'AWS::IAM::ManagedPolicy': [[['PolicyDocument'], 'identity']],
  'AWS::IAM::Role': [[['AssumeRolePolicyDocument'], 'trust'], [['Policies', '*', 'PolicyDocument'], 'identity']],
  'AWS::IAM::User': [[['Policies', '*', 'PolicyDocument'], 'identity']],
  'AWS::IAM::Group': [[['Policies', '*', 'PolicyDocument'], 'identity']],
  'AWS::IAM::RolePolicy': [[['PolicyDocument'], 'identity']],
  'AWS::IAM::UserPolicy': [[['PolicyDocument'], 'identity']],
  'AWS::IAM::GroupPolicy': [[['PolicyDocument'], 'identity']],
  'AWS::S3::BucketPolicy': [[['PolicyDocument'], 'resource']],
  'AWS::KMS::Key': [[['KeyPolicy'], 'resource']],
  'AWS::SQS::QueuePolicy': [[['PolicyDocument'], 'resource']],
  'AWS::SNS::TopicPolicy': [[['PolicyDocument'], 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [[['ResourcePolicy'], 'resource']],
  'AWS::ECR::Repository': [[['RepositoryPolicyText'], 'resource']],
  'AWS::Serverless::Function': [[['Policies', '*'], 'identity']],
  'AWS::Serverless::StateMachine': [[['Policies', '*'], 'identity']],
};

function collectAt(node: IacNode | undefined, path: string[], resolve: (n: IacNode | undefined) => IacNode | undefined): IacNode[] {
  if (!node) return [];
  if (path.length === 0) return [node];
  const [head, ...rest] = path;
  const n = resolve(node);
  if (head === '*') return n?.t === 'list' ? n.items.flatMap((i) => collectAt(i, rest, resolve)) : [];
  return collectAt(get(n, head!), rest, resolve);
}

const PSEUDO = /^AWS::(Region|AccountId|Partition|StackName|StackId|URLSuffix|NoValue|NotificationARNs)$/;

function buildCloudFormation(src: IacSource, format: IacFormat): IacModel {
  const parsed = /\.json$/i.test(src.file) ? parseJson(src.text) : parseYaml(src.text);
  const root = parsed.root;
  const unresolved: Unresolved[] = [];
  const templateRoot = format === 'serverless' ? get(get(root, 'resources'), 'Resources') && get(root, 'resources') : root;
  const parameters = get(templateRoot, 'Parameters');
  const resourcesNode = get(templateRoot, 'Resources');
  const resources: IacResource[] = [];
  if (resourcesNode?.t === 'map') {
    for (const e of resourcesNode.entries) {
      const type = str(get(e.value, 'Type'));
      if (!type) continue;
      const props = get(e.value, 'Properties');
      resources.push({
        format,
        type,
        name: e.key,
        address: e.key,
        file: src.file,
        props: props?.t === 'map' ? props : { t: 'map', entries: [], start: e.value.start, end: e.value.end },
        start: e.keyStart,
        end: e.value.end,
        nameStart: e.keyStart,
        nameEnd: e.keyEnd,
        ...(get(e.value, 'Metadata') ? { metadata: get(e.value, 'Metadata') } : {}),
      });
    }
  }
  const byAddress = new Map(resources.map((r) => [r.address, r]));

  const resolve = (node: IacNode | undefined, depth = 0): IacNode | undefined => {
    if (!node || depth > MAX_DEPTH || node.t !== 'expr' || !node.fn) return node;
    const arg = node.args?.[0];
    switch (node.fn) {
      case 'Ref': {
        const name = str(arg);
        if (!name || PSEUDO.test(name) || byAddress.has(name)) return node;
        const def = get(get(parameters, name), 'Default');
        return def ? resolve(def, depth + 1) : node;
      }
      case 'Fn::Sub': {
        const tpl = arg?.t === 'list' ? arg.items[0] : arg;
        if (tpl?.t === 'str') return /\$\{[^!]/.test(tpl.v) ? { ...tpl, template: true } : tpl;
        return node;
      }
      case 'Fn::Join': {
        const list = node.args;
        const sep = str(list?.[0]);
        const parts = list?.[1];
        const resolvedParts = parts?.t === 'list' ? parts.items.map((p) => resolve(p, depth + 1)) : undefined;
        if (sep !== undefined && resolvedParts?.every((p) => p?.t === 'str')) {
          const v = resolvedParts.map((p) => (p as { v: string }).v).join(sep);
          return { t: 'str', v, start: node.start, end: node.end, ...(resolvedParts.some((p) => p?.t === 'str' && p.template) ? { template: true } : {}) };
        }
        return { t: 'str', v: node.text, start: node.start, end: node.end, template: true };
      }
      default:
        return node;
    }
  };

  const policies: PolicyDoc[] = [];
  const addPolicy = (docNode: IacNode, kind: PolicyKind, label: string, owner: IacResource | undefined) => {
    let doc = resolve(docNode);
    if (doc?.t === 'str' && /^\s*\{/.test(doc.v)) doc = parseEmbeddedJson(doc, src.text).root;
    const statements = statementsOf(doc, resolve);
    if (!statements) {
      // SAM: managed policy names and policy templates are not statements.
      if (owner?.type.startsWith('AWS::Serverless::') && (doc?.t === 'str' || doc?.t === 'map')) return;
      unresolved.push({ file: src.file, start: docNode.start, end: docNode.end, what: `${label} policy`, reason: docNode.t === 'expr' ? `${docNode.fn ?? 'an expression'} cannot be evaluated statically` : 'it is not a policy document' });
      return;
    }
    policies.push({ file: src.file, kind, label, ...(owner ? { owner } : {}), statements, start: docNode.start, end: docNode.end });
  };
  for (const r of resources) {
    for (const [path, kind] of CFN_POLICY_PATHS[r.type] ?? []) {
      for (const doc of collectAt(r.props, path, resolve)) addPolicy(doc, kind, r.address, r);
    }
  }
  if (format === 'serverless') {
    const provider = get(root, 'provider');
    const lists: [IacNode | undefined, string][] = [
      [get(provider, 'iamRoleStatements'), 'provider.iamRoleStatements'],
      [get(get(get(provider, 'iam'), 'role'), 'statements'), 'provider.iam.role.statements'],
    ];
    for (const fnEntry of get(root, 'functions')?.t === 'map' ? (get(root, 'functions') as MapNode).entries : []) {
      lists.push([get(fnEntry.value, 'iamRoleStatements'), `functions.${fnEntry.key}.iamRoleStatements`]);
    }
    for (const [l, label] of lists) {
      if (l?.t !== 'list') continue;
      const doc: MapNode = { t: 'map', entries: [{ key: 'Statement', keyStart: l.start, keyEnd: l.start, value: l }], start: l.start, end: l.end };
      addPolicy(doc, 'identity', label, undefined);
    }
  }
  return { format, files: [src], resources, policies, unresolved, resolve: (n) => resolve(n), byAddress: (a) => byAddress.get(a) };
}

function buildIamPolicyFile(src: IacSource): IacModel {
  const root = parseJson(src.text).root;
  const identity = (n: IacNode | undefined) => n;
  const statements = statementsOf(root, identity) ?? [];
  const hasPrincipal = statements.some((s) => s.principal || s.notPrincipal);
  const isTrust = hasPrincipal && statements.every((s) => /^sts:AssumeRole/i.test(str(s.action) ?? (s.action?.t === 'list' ? (str(s.action.items[0]) ?? '') : '')));
  const policies: PolicyDoc[] = root
    ? [{ file: src.file, kind: isTrust ? 'trust' : hasPrincipal ? 'resource' : 'identity', label: src.file.split('/').pop() ?? src.file, statements, start: root.start, end: root.end }]
    : [];
  return { format: 'iam-policy', files: [src], resources: [], policies, unresolved: [], resolve: identity, byAddress: () => undefined };
}

/** A CDK app file: every `PolicyStatement` it constructs, each as its own identity or resource policy. */
function buildCdk(src: IacSource): IacModel | undefined {
  const found = extractCdkStatements(src.file, src.text);
  if (!found) return undefined;
  const identity = (n: IacNode | undefined) => n;
  const policies: PolicyDoc[] = [];
  for (const { node, label } of found) {
    const statements = statementsOf({ t: 'map', entries: [{ key: 'Statement', keyStart: node.start, keyEnd: node.start, value: node }], start: node.start, end: node.end }, identity) ?? [];
    const hasPrincipal = statements.some((s) => s.principal || s.notPrincipal);
    policies.push({ file: src.file, kind: hasPrincipal ? 'resource' : 'identity', label, statements, start: node.start, end: node.end });
  }
  return { format: 'cdk', files: [src], resources: [], policies, unresolved: [], resolve: identity, byAddress: () => undefined };
}

/** Builds the model of one IaC unit: all .tf files of a module, or one template/policy file. */
export function buildModel(sources: IacSource[]): IacModel | undefined {
  const first = sources[0];
  if (!first) return undefined;
  switch (first.kind) {
    case 'terraform':
      return buildTerraform(sources.filter((s) => s.kind === 'terraform' && !/\.tf\.json$/i.test(s.file)));
    case 'cloudformation':
      return buildCloudFormation(first, 'cloudformation');
    case 'serverless':
      return buildCloudFormation(first, 'serverless');
    case 'iam-policy':
      return buildIamPolicyFile(first);
    case 'cdk':
      return buildCdk(first);
    default:
      return undefined;
  }
}

export type { ExprNode };
