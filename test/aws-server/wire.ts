/**
 * Wire formats of the three AWS protocols the local server speaks: awsQuery (IAM, STS), ec2Query (EC2) and
 * restJson1 (Bedrock, bedrock-agent, SSO portal). Only what the SDK's deserialisers read.
 */
import { randomUUID } from 'node:crypto';
import type * as http from 'node:http';

export const NS = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
} as const;

export type Protocol = 'query' | 'ec2' | 'restJson';

/** An XML value: text, a structure (ordered keys), or a list rendered with `<member>`/`<item>` children. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function toXml(value: XmlValue, listItem: 'member' | 'item'): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v, listItem)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function queryOk(ns: string, operation: string, result: XmlValue): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${ns}">` +
    `<${operation}Result>${toXml(result, 'member')}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

export function queryError(ns: string, status: number, code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

export function ec2Ok(operation: string, result: XmlValue): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${NS.ec2}">` +
    `<requestId>${randomUUID()}</requestId>${toXml(result, 'item')}</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

export function ec2Error(status: number, code: string, message: string): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`;
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

export function jsonOk(value: unknown, status = 200): WireResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }, body: JSON.stringify(value) };
}

export function jsonError(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': code },
    body: JSON.stringify({ message }),
  };
}

/** Parses `a=1&b.member.1=x` into a map (values URL-decoded). */
export function parseForm(body: string): Map<string, string> {
  return new Map(new URLSearchParams(body).entries());
}

/** `Prefix.member.1`, `Prefix.member.2`, … (awsQuery) or `Prefix.1`, … (ec2Query) values, in order. */
export function formList(form: Map<string, string>, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const v = form.get(`${prefix}.${i}`);
    if (v === undefined) return out;
    out.push(v);
  }
}

export interface SigV4Scope {
  accessKeyId: string;
  region: string;
  service: string;
}

/** Reads `Credential=AKID/DATE/REGION/SERVICE/aws4_request` of a SigV4 Authorization header. */
export function parseSigV4(req: http.IncomingMessage): SigV4Scope | undefined {
  const auth = req.headers.authorization;
  if (!auth?.startsWith('AWS4-HMAC-SHA256')) return undefined;
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  if (!m) return undefined;
  return { accessKeyId: m[1]!, region: m[2]!, service: m[3]! };
}

/** Opaque pagination token over an offset. */
export function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeToken(token: string | undefined | null): number {
  if (!token) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw new RangeError('invalid pagination token');
  return Number(m[1]);
}

/** One page of `items` from `token`, `size` at most. */
export function page<T>(items: T[], token: string | undefined | null, size: number): { items: T[]; next?: string } {
  const start = decodeToken(token);
  const end = Math.min(items.length, start + Math.max(1, size));
  return { items: items.slice(start, end), ...(end < items.length ? { next: encodeToken(end) } : {}) };
}
