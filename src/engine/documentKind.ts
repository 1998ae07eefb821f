/**
 * Recognises what a file is, so IaC rules run only where they mean something and stay quiet on other YAML/JSON.
 * Decided from the path first, then from a cheap look at the content.
 */
export type DocumentKind =
  | 'terraform'
  | 'cloudformation'
  | 'serverless'
  | 'iam-policy'
  | 'cdk'
  | 'notebook'
  | 'yaml'
  | 'json'
  | 'python'
  | 'typescript'
  | 'javascript'
  | 'text';

export function detectDocumentKind(path: string, text: string): DocumentKind {
  // The extension straight from the path (no basename or lower-cased copy of it for most files).
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  const ext = dot > slash ? path.slice(dot + 1).toLowerCase() : '';
  if (ext === 'tf' || ext === 'hcl') return 'terraform';
  if (ext === 'ipynb') return 'notebook';
  const isYaml = ext === 'yaml' || ext === 'yml';
  if (isYaml || ext === 'json') {
    const name = path.slice(slash + 1).toLowerCase();
    if (ext === 'json' && name.endsWith('.tf.json')) return 'terraform';
    if (name === `serverless.${ext}`) return 'serverless';
  }
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  if (isYaml || ext === 'template') {
    if (((head.includes('AWSTemplateFormatVersion') || head.includes('AWS::Serverless')) && CFN_YAML_HEADER.test(head)) || (text.includes('Resources') && /^Resources\s*:/m.test(text))) return 'cloudformation';
    return 'yaml';
  }
  if (ext === 'json') {
    // Substring tests first (memchr speed); the regexes only where their literal part occurs.
    if (head.includes('"AWSTemplateFormatVersion"') || (head.includes('"Resources"') && CFN_JSON_RESOURCES.test(head))) return 'cloudformation';
    if (head.includes('"Statement"') && /"Statement"\s*:/.test(head) && /"(Effect|Action|NotAction)"\s*:/.test(text)) return 'iam-policy';
    return 'json';
  }
  const lang = ext === 'py' ? 'python' : TS_EXTS.includes(ext) ? 'typescript' : JS_EXTS.includes(ext) ? 'javascript' : undefined;
  if (!lang) return 'text';
  // The regex only where a CDK import can be (a plain substring test rules most files out).
  const isCdk = (head.includes('aws-cdk-lib') || head.includes('aws_cdk')) && CDK_IMPORT.test(head);
  return isCdk ? 'cdk' : lang;
}

const CFN_YAML_HEADER = /^\s*(AWSTemplateFormatVersion|Transform\s*:\s*['"]?AWS::Serverless)/m;
const CFN_JSON_RESOURCES = /"Resources"\s*:\s*\{[\s\S]*"Type"\s*:\s*"AWS::/;
const TS_EXTS = ['ts', 'tsx', 'mts', 'cts'];
const JS_EXTS = ['js', 'jsx', 'mjs', 'cjs'];
const CDK_IMPORT = /from\s+['"]aws-cdk-lib|require\(['"]aws-cdk-lib|^\s*(from|import)\s+aws_cdk\b/m;
