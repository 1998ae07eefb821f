// In-process rescan of a 2,000-line Terraform file (what the editor does on each keystroke, without debounce), the
// same file key each time, as the editor does. Run by bench/run.mjs in a process of its own (like the extension
// host, it holds nothing else), from the compiled engine in out/ (`npm run -s compile-tests` first). Prints JSON.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { scanDocument } = require(join(root, 'out', 'src', 'engine', 'scan.js'));
const block = (i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "data-${i}"\n}\n\nresource "aws_iam_role_policy" "p${i}" {\n  role = aws_iam_role.app.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["bedrock:InvokeModel", "s3:GetObject"]\n      Resource = ["arn:aws:bedrock:us-east-1::foundation-model/m${i}", aws_s3_bucket.b${i}.arn]\n    }]\n  })\n}\n\n`;
let tf = '';
for (let i = 0; tf.split('\n').length < 2000; i++) tf += block(i);
// The editor is a long-lived process: the target is its steady state, after the JIT has compiled the engine (the
// first 100 edits, a few seconds of typing). Those first edits are reported too, as "cold".
const samples = [];
const cold = [];
for (let i = 0; i < 500; i++) {
  // Edits at the end, in the middle and at the top of the file in turn (the parse reuses what an edit leaves alone).
  const where = [tf.length, tf.indexOf('\n', tf.length >> 1) + 1, 0][i % 3];
  const text = `${tf.slice(0, where)}# edit ${i}\n${tf.slice(where)}`;
  const t = process.hrtime.bigint();
  scanDocument({ file: 'main.tf', text });
  (i >= 100 ? samples : cold).push(Number(process.hrtime.bigint() - t) / 1e6);
}
const pick = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
process.stdout.write(`${JSON.stringify({ p50: pick(samples, 0.5), p95: pick(samples, 0.95), coldP50: pick(cold, 0.5), coldP95: pick(cold, 0.95) })}\n`);
