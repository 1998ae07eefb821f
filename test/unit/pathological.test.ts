import * as assert from 'node:assert/strict';
import { scanDocument } from '../../src/engine/scan';

/**
 * Hostile or broken IaC must not hang or crash a scan, and must not cost the file its other findings. Bounded by
 * mocha's timeout only (speed is measured in `npm run bench`, not here).
 */
describe('pathological IaC input', function () {
  this.timeout(60_000);
  const KEY = 'AKIAZ7FAKEFIXTURE234';
  const cases: [string, string, string][] = [
    ['100,000 nested HCL brackets', 'main.tf', `x = ${'['.repeat(100_000)}`],
    ['50,000 nested HCL objects in a block', 'main.tf', `resource "a" "b" {\n x = ${'{a = '.repeat(50_000)}`],
    ['a 10 MB single-line HCL string', 'main.tf', `x = "${'a'.repeat(10_000_000)}"`],
    ['an unterminated heredoc', 'main.tf', `x = <<EOT\n${'line\n'.repeat(200_000)}`],
    ['100,000 unclosed interpolations', 'main.tf', `x = "${'${'.repeat(100_000)}"`],
    ['100,000 nested YAML flow sequences', 'template.yaml', `Resources:\n  A: ${'['.repeat(100_000)}`],
    ['3,000 nested YAML block mappings', 'template.yaml', `Resources:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}`],
    ['100,000 nested JSON arrays', 'policy.json', `{"Statement": ${'['.repeat(100_000)}`],
    ['a 10 MB JSON action', 'policy.json', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${'a'.repeat(10_000_000)}","Resource":"*"}]}`],
  ];
  for (const [name, file, body] of cases) {
    it(`survives ${name} and still reports the file's secret`, () => {
      const text = `# access_key = "${KEY}"\n${body}`;
      const scan = scanDocument({ file, text });
      assert.ok(scan.findings.some((f) => f.ruleId === 'GG-SEC-001' && f.range.start.line === 1), `the key in ${name} was lost`);
    });
  }
});
