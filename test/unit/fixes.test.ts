import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, TextEdit } from '../../src/engine/finding';
import { scanDocument, type DocumentInput } from '../../src/engine/scan';
import { LineIndex } from '../../src/engine/text';
import { detectDocumentKind } from '../../src/engine/documentKind';
import { buildFixAll, buildFixes, extractModelIds, ignoreInFile, ignoreOnLine, modelArns, type FixContext, type WorkspaceFix } from '../../src/engine/fixes';

const DEMO = join(__dirname, '..', '..', '..', 'demo');
const read = (rel: string) => readFileSync(join(DEMO, rel), 'utf8');

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].map((e) => ({ s: lines.offset(e.range.start), e: lines.offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

function ctxFor(file: string, text: string, extra: Partial<FixContext> = {}): FixContext {
  return { file, text, kind: detectDocumentKind(file, text), ...extra };
}

function scan(file: string, text: string, siblings: DocumentInput[] = []): Finding[] {
  return scanDocument({ file, text }, {}, siblings).findings.filter((f) => !f.suppressed);
}

function only(fixes: WorkspaceFix[], re: RegExp): WorkspaceFix {
  const hit = fixes.filter((f) => re.test(f.title));
  assert.equal(hit.length, 1, `one fix matching ${re}: ${JSON.stringify(fixes.map((f) => f.title))}`);
  return hit[0]!;
}

const TF_DIR = 'infra/terraform';
const tfSiblings = (except: string) => ['main.tf', 'iam.tf', 'secure.tf', 'variables.tf'].filter((n) => n !== except).map((n) => ({ file: `${TF_DIR}/${n}`, text: read(`${TF_DIR}/${n}`) }));

describe('fix builders', () => {
  it('Python: a hardcoded AWS key becomes os.environ[...] and the variable is added to .env.example', () => {
    const file = 'app/chat.py';
    const text = read(file);
    const f = scan(file, text).find((x) => x.ruleId === 'GG-SEC-001')!;
    const fix = only(buildFixes(f, ctxFor(file, text, { envExample: { file: '.env.example', text: 'AWS_REGION=us-east-1\n' } })), /environment/);
    assert.equal(fix.isPreferred, true);
    const after = apply(text, fix.edits);
    assert.match(after, /aws_access_key_id=os\.environ\["AWS_ACCESS_KEY_ID"\],/);
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-SEC-001').length, 0);
    assert.equal(apply('AWS_REGION=us-east-1\n', fix.files![0]!.edits), 'AWS_REGION=us-east-1\nAWS_ACCESS_KEY_ID=\n');
    assert.ok(!/import os\nimport os/.test(after), 'does not import os twice');
  });

  it('Python without `import os` gets the import; a missing .env.example is created', () => {
    const file = 'x.py';
    const text = 'import boto3\n\nkey = "AKIAZ7FAKEFIXTURE234"\n';
    const f = scan(file, text)[0]!;
    const fix = buildFixes(f, ctxFor(file, text, { envExample: { file: '.env.example' } }))[0]!;
    assert.equal(apply(text, fix.edits), 'import os\nimport boto3\n\nkey = os.environ["KEY"]\n');
    assert.equal(fix.files?.[0]?.create, true);
    assert.match(fix.files[0].edits[0]!.newText, /^KEY=$/m);
  });

  it('TypeScript: the key becomes process.env.NAME named after the constant', () => {
    const file = 'app/config.ts';
    const text = read(file);
    const f = scan(file, text).find((x) => x.ruleId === 'GG-SEC-006')!;
    const fix = buildFixes(f, ctxFor(file, text))[0]!;
    const after = apply(text, fix.edits);
    assert.match(after, /const ANTHROPIC_API_KEY = process\.env\.ANTHROPIC_API_KEY;/);
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-SEC-006').length, 0);
  });

  it('Terraform: a secret becomes a sensitive variable declared in the module\'s variables.tf', () => {
    const file = `${TF_DIR}/main.tf`;
    const text = 'resource "aws_db_instance" "db" {\n  password = "Zq8#rT2!vLp9@xWm4"\n}\n';
    const f = scan(file, text).find((x) => x.family === 'secret');
    assert.ok(f, 'the fixture has a secret finding');
    const siblings = tfSiblings('main.tf');
    const fix = buildFixes(f, ctxFor(file, text, { siblings }))[0]!;
    assert.equal(apply(text, fix.edits), 'resource "aws_db_instance" "db" {\n  password = var.password\n}\n');
    const vars = fix.files![0]!;
    assert.equal(vars.file, `${TF_DIR}/variables.tf`);
    const varsAfter = apply(read(`${TF_DIR}/variables.tf`), vars.edits);
    assert.match(varsAfter, /variable "password" \{\n {2}description = .*\n {2}type {8}= string\n {2}sensitive {3}= true\n\}\n$/);
  });

  it('CloudFormation YAML: a secret becomes a {{resolve:secretsmanager:…}} reference', () => {
    const file = 'infra/cloudformation/template.yaml';
    const text = read(file).replace('"Bearer {{resolve:secretsmanager:support-assistant/openai:SecretString:apiKey}}"', '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');
    const f = scan(file, text).find((x) => x.ruleId === 'GG-SEC-005')!;
    const fix = buildFixes(f, ctxFor(file, text))[0]!;
    const after = apply(text, fix.edits);
    assert.match(after, /ApiKeyValue: '\{\{resolve:secretsmanager:api-key-value:SecretString\}\}'/);
    assert.equal(scan(file, after).filter((x) => x.family === 'secret').length, 0);
  });

  it('IAM: Resource "*" on bedrock:InvokeModel* narrows to the model ARNs the code uses', () => {
    const ids = extractModelIds([read('app/chat.py'), read('app/summarize.ts'), read('app/rag.py')].join('\n'));
    assert.deepEqual(ids, ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-5-haiku-20241022-v1:0']);
    assert.deepEqual(modelArns(ids), [
      'arn:aws:bedrock:*:*:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
    ]);
    const file = 'policies/bedrock-invoke-wildcard.json';
    const text = read(file);
    const f = scan(file, text).find((x) => x.ruleId === 'GG-IAM-003')!;
    const fix = only(buildFixes(f, ctxFor(file, text, { modelIds: ids })), /model ARN/);
    const after = apply(text, fix.edits);
    const parsed = JSON.parse(after) as { Statement: { Resource: unknown }[] };
    assert.deepEqual(parsed.Statement[0]!.Resource, modelArns(ids));
    assert.equal(parsed.Statement[1]!.Resource, '*', 'the other statement is untouched');
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-IAM-003').length, 0);
  });

  it('KMS: a CloudWatch log group gets the module\'s KMS key; a CloudFormation notebook the template\'s key', () => {
    const file = `${TF_DIR}/main.tf`;
    const text = read(file);
    const siblings = tfSiblings('main.tf');
    const f = scan(file, text, siblings).find((x) => x.ruleId === 'GG-ENC-013' && x.resource === 'aws_cloudwatch_log_group.invocation_logs')!;
    const fix = only(buildFixes(f, ctxFor(file, text, { siblings })), /KMS key aws_kms_key\.transcripts/);
    const after = apply(text, fix.edits);
    assert.match(after, /retention_in_days = var\.log_retention_days\n\n {2}kms_key_id = aws_kms_key\.transcripts\.arn\n\}/);
    assert.equal(scan(file, after, siblings).filter((x) => x.ruleId === 'GG-ENC-013' && x.resource === f.resource).length, 0);

    const cfn = 'infra/cloudformation/template.yaml';
    const ctext = read(cfn);
    const n = scan(cfn, ctext).find((x) => x.ruleId === 'GG-ENC-006')!;
    const nfix = buildFixes(n, ctxFor(cfn, ctext))[0]!;
    const cafter = apply(ctext, nfix.edits);
    assert.match(cafter, / {6}VolumeSizeInGB: 20\n {6}KmsKeyId: !GetAtt GuardrailKey\.Arn\n/);
    assert.equal(scan(cfn, cafter).filter((x) => x.ruleId === 'GG-ENC-006').length, 0);
  });

  it('KMS: with no key in the unit, a TODO placeholder reference is written; S3 gets SSE-KMS', () => {
    const file = 'infra/cloudformation/template.yaml';
    const text = read(file).replace(/ {2}GuardrailKey:[\s\S]*?EnableKeyRotation: true\n\n/, '').replace('      KmsKeyArn: !GetAtt GuardrailKey.Arn\n', '');
    const b = scan(file, text).find((x) => x.ruleId === 'GG-ENC-001')!;
    const fix = buildFixes(b, ctxFor(file, text))[0]!;
    assert.match(fix.title, /TODO placeholder/);
    const after = apply(text, fix.edits);
    assert.match(after, / {8}Status: Enabled\n {6}BucketEncryption:\n {8}ServerSideEncryptionConfiguration:\n {10}- ServerSideEncryptionByDefault:\n {14}SSEAlgorithm: aws:kms\n {14}KMSMasterKeyID: !GetAtt TODOKmsKey\.Arn # TODO/);
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-ENC-001').length, 0);
  });

  it('TLS: adds the aws:SecureTransport deny statement to a jsonencode bucket policy', () => {
    const file = `${TF_DIR}/main.tf`;
    const text = read(file);
    const siblings = tfSiblings('main.tf');
    const f = scan(file, text, siblings).find((x) => x.ruleId === 'GG-ENC-005')!;
    const fix = buildFixes(f, ctxFor(file, text, { siblings }))[0]!;
    assert.equal(fix.isPreferred, true);
    const after = apply(text, fix.edits);
    assert.match(after, /Resource {2}= \[aws_s3_bucket\.invocation_logs\.arn, "\$\{aws_s3_bucket\.invocation_logs\.arn\}\/\*"\]/);
    assert.equal(scan(file, after, siblings).filter((x) => x.ruleId === 'GG-ENC-005').length, 0);
  });

  it('public access block: false becomes true, and "fix all" flips all four settings at once', () => {
    const file = `${TF_DIR}/main.tf`;
    const text = read(file);
    const siblings = tfSiblings('main.tf');
    const findings = scan(file, text, siblings);
    const one = findings.find((x) => x.ruleId === 'GG-ENC-004')!;
    const fix = buildFixes(one, ctxFor(file, text, { siblings }))[0]!;
    assert.equal(fix.title, 'Set block_public_acls to true');
    const all = buildFixAll('GG-ENC-004', findings, ctxFor(file, text, { siblings }))!;
    assert.equal(all.edits.length, 4);
    const after = apply(text, all.edits);
    assert.equal(scan(file, after, siblings).filter((x) => x.ruleId === 'GG-ENC-004').length, 0);
  });

  it('public ACL: adds a public access block resource for the bucket', () => {
    const file = 'main.tf';
    const text = 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = "public-read"\n}\n';
    const f = scan(file, text).find((x) => x.ruleId === 'GG-ENC-003');
    assert.ok(f, JSON.stringify(scan(file, text).map((x) => x.ruleId)));
    const fix = only(buildFixes(f, ctxFor(file, text)), /public access block/);
    const after = apply(text, fix.edits);
    assert.match(after, /resource "aws_s3_bucket_public_access_block" "site" \{\n {2}bucket {18}= aws_s3_bucket\.site\.id\n {2}block_public_acls {7}= true/);
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-ENC-003').length, 0);
  });

  it('ignore on this line / in this file write directives the engine honours, in each comment syntax', () => {
    for (const [file, text, expected] of [
      ['a.py', 'x = 1\n    k = "AKIAZ7FAKEFIXTURE234"\n', '    # genai-guard-ignore-next-line GG-SEC-001: test key\n'],
      ['a.ts', 'const k = "AKIAZ7FAKEFIXTURE234";\n', '// genai-guard-ignore-next-line GG-SEC-001: test key\n'],
      ['a.md', 'key AKIAZ7FAKEFIXTURE234\n', '<!-- genai-guard-ignore-next-line GG-SEC-001: test key -->\n'],
      ['main.tf', 'locals {\n  k = "AKIAZ7FAKEFIXTURE234"\n}\n', '  # genai-guard-ignore-next-line GG-SEC-001: test key\n'],
    ] as const) {
      const f = scan(file, text).find((x) => x.ruleId === 'GG-SEC-001')!;
      const line = ignoreOnLine(f, ctxFor(file, text), 'test key\n')!;
      const after = apply(text, line.edits);
      assert.ok(after.includes(expected), `${file}: ${after}`);
      assert.equal(scan(file, after).length, 0, `${file} silenced on the line`);
      const whole = ignoreInFile(f, ctxFor(file, text), 'fixture')!;
      assert.equal(scan(file, apply(text, whole.edits)).length, 0, `${file} silenced in the file`);
    }
  });

  it('ignore on a line below an existing next-line directive extends that directive', () => {
    const file = 'a.py';
    const text = '# genai-guard-ignore-next-line GG-SEC-002: shared fixture\nk = "AKIAZ7FAKEFIXTURE234"\n';
    const f = scan(file, text).find((x) => x.ruleId === 'GG-SEC-001')!;
    const after = apply(text, ignoreOnLine(f, ctxFor(file, text), 'x')!.edits);
    assert.equal(after.split('\n')[0], '# genai-guard-ignore-next-line GG-SEC-002, GG-SEC-001: shared fixture');
    assert.equal(scan(file, after).length, 0);
  });

  it('CloudFormation JSON has no comments: the ignore goes to the resource Metadata', () => {
    const file = 'infra/cloudformation/knowledge-base.json';
    const text = read(file);
    const f = scan(file, text).find((x) => x.ruleId === 'GG-ENC-012')!;
    const fix = ignoreOnLine(f, ctxFor(file, text), 'pilot only')!;
    assert.match(fix.title, /CloudFormation Metadata/);
    const after = apply(text, fix.edits);
    JSON.parse(after);
    assert.equal(scan(file, after).filter((x) => x.ruleId === 'GG-ENC-012').length, 0);
    assert.equal(scanDocument({ file, text: after }).findings.find((x) => x.ruleId === 'GG-ENC-012')?.suppressed?.reason, 'pilot only');
  });
});
