import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import Ajv from 'ajv';
import { renderSarif } from '../../src/engine/report/sarif';
import { scanDocuments } from '../../src/engine/scan';

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, sarif-spec `Schemata/sarif-schema-2.1.0.json`), taken from the npm
 * package @datadog/datadog-ci-plugin-sarif (pinned), which embeds it as an object literal in its bundle.
 */
function sarifSchema(): Record<string, unknown> {
  // The package's exports point at this very bundle.
  const bundle = readFileSync(require.resolve('@datadog/datadog-ci-plugin-sarif'), 'utf8');
  const marker = 'var sarif_schema_2_1_0_default = ';
  const start = bundle.indexOf(marker);
  assert.ok(start !== -1, 'the SARIF schema was not found in @datadog/datadog-ci-plugin-sarif');
  let i = start + marker.length;
  const open = i;
  let depth = 0;
  let quote: string | undefined;
  for (; i < bundle.length; i++) {
    const c = bundle[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
  }
  const schema = vm.runInNewContext(`(${bundle.slice(open, i + 1)})`) as Record<string, unknown>;
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  return schema;
}

const TEXT = `resource "aws_iam_role_policy" "p" {
  role   = "app"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
provider "aws" {
  access_key = "AKIAZ7FAKEFIXTURE234" # genai-guard-ignore GG-SEC-001: fake key in a test
}
`;

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema, with suppressions and rule help', () => {
    const findings = scanDocuments([{ file: 'infra/main.tf', text: TEXT }])[0]!.findings;
    assert.ok(findings.some((f) => f.suppressed) && findings.some((f) => !f.suppressed));
    const log = JSON.parse(renderSarif(findings)) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(sarifSchema());
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('keeps partialFingerprints stable when lines shift', () => {
    const a = JSON.parse(renderSarif(scanDocuments([{ file: 'main.tf', text: TEXT }])[0]!.findings)) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    const b = JSON.parse(renderSarif(scanDocuments([{ file: 'main.tf', text: `\n\n# moved down\n${TEXT}` }])[0]!.findings)) as typeof a;
    const fp = (x: typeof a) => x.runs[0]!.results.map((r) => `${r.ruleId}:${r.partialFingerprints['genaiGuard/v1']}`).sort();
    assert.deepEqual(fp(a), fp(b));
  });
});
