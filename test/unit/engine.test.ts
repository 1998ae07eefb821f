import * as assert from 'node:assert/strict';
import { detectDocumentKind } from '../../src/engine/documentKind';
import { RULES } from '../../src/engine/rules';
import { scanDocument } from '../../src/engine/scan';
import { LineIndex, looksBinary, maskSecret } from '../../src/engine/text';

const KEY = 'AKIAZ7FAKEFIXTURE234';

describe('engine', () => {
  describe('findings', () => {
    it('reports exact 1-based, end-exclusive ranges and never the secret in full', () => {
      const { findings } = scanDocument({ file: 'a.py', text: `x = 1\nkey = "${KEY}"\n` });
      assert.equal(findings.length, 1);
      const f = findings[0]!;
      assert.deepEqual(f.range, { start: { line: 2, column: 8 }, end: { line: 2, column: 28 } });
      assert.equal(f.ruleId, 'GG-SEC-001');
      assert.equal(f.family, 'secret');
      assert.equal(f.severity, 'error');
      assert.ok(!f.message.includes(KEY), f.message);
      assert.ok(f.message.includes('AKIA…E234'), f.message);
    });

    it('keeps fingerprints stable when lines shift and distinct for different keys', () => {
      const a = scanDocument({ file: 'a.py', text: `k = "${KEY}"` }).findings[0]!;
      const b = scanDocument({ file: 'a.py', text: `\n\n\n   k = "${KEY}"` }).findings[0]!;
      const c = scanDocument({ file: 'a.py', text: 'k = "AKIAZ7FAKEFIXTURE235"' }).findings[0]!;
      assert.equal(a.fingerprint, b.fingerprint);
      assert.notEqual(a.fingerprint, c.fingerprint);
    });

    it('counts columns in UTF-16 units after emoji and CJK text', () => {
      const f = scanDocument({ file: 'a.md', text: `密钥 🔑 ${KEY}` }).findings[0]!;
      assert.equal(f.range.start.column, '密钥 🔑 '.length + 1);
    });

    it('honours disabled rules and severity overrides', () => {
      const text = `k = "${KEY}"`;
      assert.equal(scanDocument({ file: 'a.py', text }, { disabledRules: ['GG-SEC-001'] }).findings.length, 0);
      assert.equal(scanDocument({ file: 'a.py', text }, { severityOverrides: { 'GG-SEC-001': 'off' } }).findings.length, 0);
      assert.equal(scanDocument({ file: 'a.py', text }, { severityOverrides: { 'GG-SEC-001': 'note' } }).findings[0]?.severity, 'note');
    });

    it('marks suppressed findings with the directive and reason instead of dropping them', () => {
      const f = scanDocument({ file: 'a.tf', text: `k = "${KEY}" # genai-guard-ignore GG-SEC-001: rotated, test fixture` }).findings[0]!;
      assert.deepEqual(f.suppressed, { kind: 'inline', source: 'genai-guard-ignore', reason: 'rotated, test fixture' });
      const js = scanDocument({ file: 'a.ts', text: `// genai-guard-ignore-next-line GG-SEC-001\nconst k = '${KEY}';` }).findings[0]!;
      assert.equal(js.suppressed?.source, 'genai-guard-ignore-next-line');
      const none = scanDocument({ file: 'a.ts', text: `const k = '${KEY}'; // genai-guard-ignore` }).findings[0]!;
      assert.equal(none.suppressed, undefined, 'a directive without a rule id silences nothing');
    });
  });

  describe('document kinds', () => {
    const cases: [string, string, string][] = [
      ['main.tf', 'resource "aws_s3_bucket" "b" {}', 'terraform'],
      ['template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}', 'cloudformation'],
      ['sam.yml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}', 'cloudformation'],
      ['docker-compose.yml', 'services:\n  web: {}', 'yaml'],
      ['serverless.yml', 'service: x', 'serverless'],
      ['policy.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}', 'iam-policy'],
      ['stack.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}', 'cloudformation'],
      ['package.json', '{"name":"x"}', 'json'],
      ['app.ts', "import * as cdk from 'aws-cdk-lib';", 'cdk'],
      ['app.py', 'from aws_cdk import Stack', 'cdk'],
      ['chat.py', 'import boto3', 'python'],
      ['nb.ipynb', '{}', 'notebook'],
      ['Dockerfile', 'FROM node', 'text'],
      // case, folders with dots, Windows paths, dot files, compound extensions
      ['infra/MAIN.TF', '', 'terraform'],
      ['C:\\repo\\infra\\main.tf', '', 'terraform'],
      ['stack.d/Makefile', 'all:', 'text'],
      ['conf.d\\notes', 'x', 'text'],
      ['.gitignore', 'node_modules', 'text'],
      ['mod/vars.TF.JSON', '{"variable":{}}', 'terraform'],
      ['terragrunt.hcl', 'inputs = {}', 'terraform'],
      ['svc/Serverless.YML', 'service: x', 'serverless'],
      ['svc/serverless.json', '{"service":"x"}', 'serverless'],
      ['my-serverless.yml', 'service: x', 'yaml'],
      ['Template.TEMPLATE', 'Resources:\n  B:\n    Type: AWS::S3::Bucket', 'cloudformation'],
      ['App.TSX', "import { App } from 'aws-cdk-lib';", 'cdk'],
      ['lib/stack.mjs', "import * as cdk from 'aws-cdk-lib';", 'cdk'],
      ['lib/util.cjs', 'module.exports = {}', 'javascript'],
      ['lib/types.mts', 'export type X = 1;', 'typescript'],
      ['README', '', 'text'],
    ];
    for (const [file, text, kind] of cases) {
      it(`${file} → ${kind}`, () => assert.equal(detectDocumentKind(file, text), kind));
    }
  });

  describe('text utilities', () => {
    it('maps offsets to positions and back', () => {
      const idx = new LineIndex('ab\r\ncd\nef');
      assert.deepEqual(idx.position(4), { line: 2, column: 1 });
      assert.equal(idx.offset({ line: 3, column: 2 }), 8);
      assert.equal(idx.lineText(1), 'ab');
    });
    it('masks secrets', () => {
      assert.equal(maskSecret(KEY), 'AKIA…E234');
      assert.equal(maskSecret('short'), 'sh…');
    });
    it('detects binary content', () => {
      assert.equal(looksBinary(Buffer.from([0x50, 0x4b, 0x00, 0x01])), true);
      assert.equal(looksBinary(Buffer.from('plain text')), false);
    });
  });

  describe('rules registry', () => {
    it('has unique GG ids, a family, and a documentation page with why and how-to-fix sections', () => {
      const ids = RULES.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const r of RULES) {
        assert.match(r.id, /^GG-(SEC|IAM|ENC)-\d{3}$/);
        assert.ok(['secret', 'iam', 'encryption'].includes(r.family));
        assert.ok(r.docs.startsWith(`# ${r.id}`), `${r.id} docs must start with its id`);
        assert.ok(r.docs.includes('## Why it matters') && r.docs.includes('## How to fix'), `${r.id} docs sections`);
      }
    });
  });
});
