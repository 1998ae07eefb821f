// Deterministic generator of a mixed tree (IaC, source, config, text) for benchmarks. Same seed → same bytes.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const words = 'model invoke bedrock guardrail region prompt token stream policy bucket logging agent knowledge base vector index retry'.split(' ');

const templates = {
  tf: (r, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bench-${i}"\n}\n\nresource "aws_iam_role_policy" "p${i}" {\n  role = aws_iam_role.r.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["bedrock:InvokeModel"], Resource = "arn:aws:bedrock:us-east-1::foundation-model/m${i}" }]\n  })\n}\n`,
  yaml: (r, i) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "bench-${i}-\${AWS::AccountId}"\n`,
  json: (r, i) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bench-${i}/*` }] }, null, 2),
  py: (r, i) => `import boto3\n\nclient = boto3.client("bedrock-runtime")\n\ndef handler_${i}(event):\n    return client.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=event["messages"])\n`,
  ts: (r, i) => `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst client = new BedrockRuntimeClient({});\nexport async function run${i}(text: string) {\n  return client.send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text }] }] }));\n}\n`,
  md: (r) => Array.from({ length: 40 }, () => words[Math.floor(r() * words.length)]).join(' ') + '\n',
};
const kinds = Object.keys(templates);

/** Writes `count` files (~`targetBytes` in all) under dir; 1 in 200 carries a fake AWS key id. */
export function generateTree(dir, { count = 2000, targetBytes = 3_200_000, seed = 42 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  const per = Math.floor(targetBytes / count);
  let bytes = 0;
  let planted = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const sub = join(dir, `pkg${i % 50}`, kind);
    mkdirSync(sub, { recursive: true });
    let body = templates[kind](r, i);
    while (body.length < per) body += `# ${templates.md(r)}`;
    if (i % 200 === 0) {
      const key = 'AKIA' + Array.from({ length: 16 }, () => B32[Math.floor(r() * 32)]).join('');
      body += `\n# key ${key}\n`;
      planted++;
    }
    writeFileSync(join(sub, `f${i}.${kind}`), body);
    bytes += body.length;
  }
  return { files: count, bytes, planted };
}
