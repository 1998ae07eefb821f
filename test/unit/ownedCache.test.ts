import * as assert from 'node:assert/strict';
import { OwnedCache } from '../../src/engine/ownedCache';
import { buildModel } from '../../src/engine/iac/model';
import { scanDocuments } from '../../src/engine/scan';

describe('OwnedCache (per-model caches of the rules)', () => {
  it('keeps a value per key, separately per cache, without changing how the key looks', () => {
    const a = new OwnedCache<object, number>();
    const b = new OwnedCache<object, number>();
    const key = { x: 1 };
    assert.equal(a.has(key), false);
    assert.equal(a.get(key), undefined);
    a.set(key, 1).set(key, 2);
    b.set(key, 3);
    assert.equal(a.get(key), 2);
    assert.equal(b.get(key), 3);
    assert.deepEqual(Object.keys(key), ['x']);
    assert.equal(JSON.stringify(key), '{"x":1}');
  });

  it('a model scanned twice gives the same findings (cached rule work is reused, not duplicated)', () => {
    const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n';
    const ids = () => scanDocuments([{ file: 'main.tf', text }])[0]?.findings.map((f) => f.ruleId) ?? [];
    const first = ids();
    assert.ok(first.includes('GG-IAM-001') || first.some((id) => id.startsWith('GG-IAM')), first.join(' '));
    assert.ok(first.some((id) => id.startsWith('GG-ENC')), first.join(' '));
    assert.deepEqual(ids(), first);
    assert.equal(buildModel([{ file: 'main.tf', text, kind: 'terraform' }])?.resources.length, 2);
  });
});
