/**
 * A small local AWS-compatible HTTP server for tests: the real AWS SDK v3 clients talk to it through
 * `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` as they would to AWS.
 *
 * - Routing: service and region from the SigV4 credential scope (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`);
 *   Bedrock and bedrock-agent both sign as `bedrock`, so they are told apart by path (`/agents/`, `/knowledgebases/`).
 *   Unsigned `GET /federation/credentials` is the SSO portal (`GetRoleCredentials`).
 * - Protocols: IAM and STS awsQuery (form POST, XML, `Marker`/`IsTruncated`, `<ErrorResponse>`), EC2 ec2Query
 *   (`<Response><Errors>`), Bedrock/bedrock-agent/SSO restJson1 (JSON, `nextToken`, `x-amzn-errortype`).
 * - State from a {@link Scenario}; faults from {@link FaultRule}s; every request recorded.
 */
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type FaultRule, type Json, type JsonObject, type Scenario, type ScenarioRegion } from './scenario';
import {
  NS,
  type Protocol,
  type WireResponse,
  type XmlValue,
  ec2Error,
  ec2Ok,
  formList,
  jsonError,
  jsonOk,
  page,
  parseForm,
  parseSigV4,
  queryError,
  queryOk,
} from './wire';

export interface RecordedRequest {
  service: string;
  region: string;
  operation: string;
  method: string;
  path: string;
  auth: 'sigv4' | 'bearer' | 'none';
  accessKeyId?: string;
  userAgent: string;
  status: number;
  fault?: string;
}

export interface ServerOptions {
  scenario: Scenario;
  faults?: FaultRule[];
  /** Added to every answer, ms. */
  latencyMs?: number;
  /** SSO access tokens the fake SSO portal accepts → the credentials it hands out for them. */
  ssoTokens?: Record<string, { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresInMs?: number }>;
  /** Page size of paginated answers when the client asks for none. Default 100. */
  defaultPageSize?: number;
  /** Port to listen on; 0 (default) = any free port. Always 127.0.0.1. */
  port?: number;
  /** Caps every page at this size whatever the client asks (to exercise pagination). */
  maxPageSize?: number;
}

export interface AwsTestServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  scenario: Scenario;
  latencyMs: number;
  setFaults(rules: FaultRule[]): void;
  addFault(rule: FaultRule): void;
  setSsoToken(token: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresInMs?: number }): void;
  /** Environment variables pointing every SDK client at this server. */
  endpointEnv(): Record<string, string>;
  close(): Promise<void>;
}

interface Ctx {
  scenario: Scenario;
  region: string;
  service: string;
  method: string;
  path: string;
  query: URLSearchParams;
  form: Map<string, string>;
  json: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  pageSize: number;
  maxPageSize: number;
}

type Handler = (ctx: Ctx, params: string[]) => WireResponse;

const DEFAULT_DATE = '2025-03-01T12:00:00Z';

class NotFound extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function startAwsServer(options: ServerOptions): Promise<AwsTestServer> {
  let faults: (FaultRule & { fired: number })[] = [];
  const setFaults = (rules: FaultRule[]) => {
    faults = [...(options.scenario.faults ?? []), ...rules].map((r) => ({ ...r, fired: 0 }));
  };
  setFaults(options.faults ?? []);
  const ssoTokens = new Map(Object.entries(options.ssoTokens ?? {}));
  const requests: RecordedRequest[] = [];
  const state = { scenario: options.scenario, latencyMs: options.latencyMs ?? 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const sig = parseSigV4(req);
    const bearer = req.headers.authorization?.startsWith('Bearer ');
    let service = sig?.service ?? 'unknown';
    const region = sig?.region ?? Object.keys(state.scenario.regions)[0] ?? 'us-east-1';
    if (!sig && url.pathname === '/federation/credentials') service = 'sso';
    if (bearer) service = 'bedrock';
    if (service === 'bedrock' && /^\/(agents|knowledgebases)\//.test(url.pathname)) service = 'bedrock-agent';
    const protocol: Protocol = service === 'iam' || service === 'sts' ? 'query' : service === 'ec2' ? 'ec2' : 'restJson';
    const form = protocol === 'restJson' ? new Map<string, string>() : parseForm(body);
    let json: Record<string, unknown> = {};
    if (protocol === 'restJson' && body.trim()) {
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = {};
      }
    }
    const route = protocol === 'restJson' ? findRoute(service, req.method ?? 'GET', url.pathname) : undefined;
    const operation = protocol === 'restJson' ? (route?.operation ?? `${req.method} ${url.pathname}`) : (form.get('Action') ?? '');
    const record: RecordedRequest = {
      service,
      region,
      operation,
      method: req.method ?? 'GET',
      path: url.pathname,
      auth: sig ? 'sigv4' : bearer ? 'bearer' : 'none',
      ...(sig ? { accessKeyId: sig.accessKeyId } : {}),
      userAgent: [req.headers['user-agent'], req.headers['x-amz-user-agent']].filter(Boolean).join(' '),
      status: 0,
    };
    requests.push(record);

    // Faults: latency adds up; the first other matching rule answers.
    let delay = state.latencyMs;
    let fault: (FaultRule & { fired: number }) | undefined;
    for (const rule of faults) {
      if (rule.operation && rule.operation !== operation && rule.operation !== `${service}:${operation}`) continue;
      if (rule.service && rule.service !== service) continue;
      if (rule.region && rule.region !== region && service !== 'iam') continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (rule.kind === 'latency') {
        rule.fired++;
        delay += rule.ms ?? 0;
      } else if (!fault) {
        rule.fired++;
        fault = rule;
      }
    }
    const regionKnown = service === 'iam' || service === 'sts' || service === 'ec2' || service === 'sso' || region in state.scenario.regions;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (fault?.kind === 'reset' || !regionKnown) {
      record.fault = fault?.kind ?? 'region-not-offered';
      req.socket.destroy();
      return;
    }
    let answer: WireResponse;
    if (fault) {
      record.fault = fault.kind;
      answer = faultAnswer(protocol, service, operation, fault);
    } else {
      const ctx: Ctx = {
        scenario: state.scenario,
        region,
        service,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        form,
        json,
        headers: req.headers,
        pageSize: options.defaultPageSize ?? 100,
        maxPageSize: options.maxPageSize ?? Number.MAX_SAFE_INTEGER,
      };
      try {
        answer = dispatch(ctx, protocol, operation, route);
      } catch (e) {
        const err = e as Error;
        if (e instanceof NotFound) answer = errorFor(protocol, service, 404, e.code, err.message);
        else if (e instanceof RangeError) answer = errorFor(protocol, service, 400, protocol === 'restJson' ? 'ValidationException' : 'InvalidInput', err.message);
        else answer = errorFor(protocol, service, 500, protocol === 'restJson' ? 'InternalServerException' : 'ServiceFailure', err.message);
      }
    }
    record.status = answer.status;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  function dispatch(ctx: Ctx, protocol: Protocol, operation: string, route: RouteMatch | undefined): WireResponse {
    if (ctx.service === 'sso') return ssoGetRoleCredentials(ctx);
    if (protocol === 'restJson') {
      if (!route) return jsonError(404, 'UnknownOperationException', `Unknown operation ${ctx.method} ${ctx.path}`);
      return route.handler(ctx, route.params);
    }
    const handlers = protocol === 'ec2' ? EC2 : ctx.service === 'iam' ? IAM : STS;
    const h = handlers[operation];
    if (!h) {
      return protocol === 'ec2'
        ? ec2Error(400, 'InvalidAction', `The action ${operation} is not valid for this web service.`)
        : queryError(ctx.service === 'iam' ? NS.iam : NS.sts, 400, 'InvalidAction', `Could not find operation ${operation} for version ${ctx.form.get('Version') ?? ''}`);
    }
    return h(ctx, []);
  }

  function ssoGetRoleCredentials(ctx: Ctx): WireResponse {
    const token = String(ctx.headers['x-amz-sso_bearer_token'] ?? '');
    const creds = ssoTokens.get(token);
    if (!creds) return jsonError(401, 'UnauthorizedException', 'Session token not found or invalid');
    return jsonOk({
      roleCredentials: {
        accessKeyId: creds.accessKeyId,
        secretAccessKey: creds.secretAccessKey,
        sessionToken: creds.sessionToken,
        expiration: Date.now() + (creds.expiresInMs ?? 3_600_000),
      },
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  server.keepAliveTimeout = 1000;

  return {
    url,
    port,
    requests,
    get scenario() {
      return state.scenario;
    },
    set scenario(s: Scenario) {
      state.scenario = s;
    },
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    setFaults,
    addFault(rule) {
      faults.push({ ...rule, fired: 0 });
    },
    setSsoToken(token, creds) {
      ssoTokens.set(token, creds);
    },
    endpointEnv() {
      const env: Record<string, string> = { AWS_ENDPOINT_URL: url };
      for (const s of ['BEDROCK', 'BEDROCK_AGENT', 'BEDROCK_RUNTIME', 'IAM', 'STS', 'EC2', 'SSO', 'SSO_OIDC']) env[`AWS_ENDPOINT_URL_${s}`] = url;
      return env;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

function errorFor(protocol: Protocol, service: string, status: number, code: string, message: string): WireResponse {
  if (protocol === 'restJson') return jsonError(status, code, message);
  if (protocol === 'ec2') return ec2Error(status, code, message);
  return queryError(service === 'iam' ? NS.iam : NS.sts, status, code, message, status >= 500 ? 'Receiver' : 'Sender');
}

function faultAnswer(protocol: Protocol, service: string, operation: string, rule: FaultRule): WireResponse {
  const action = `${service === 'bedrock-agent' ? 'bedrock' : service}:${operation}`;
  const table: Record<Exclude<FaultRule['kind'], 'latency' | 'reset'>, Record<Protocol, [number, string, string]>> = {
    throttle: {
      restJson: [429, 'ThrottlingException', 'Too many requests, please wait before trying again.'],
      query: [400, 'Throttling', 'Rate exceeded'],
      ec2: [503, 'RequestLimitExceeded', 'Request limit exceeded.'],
    },
    accessDenied: {
      restJson: [403, 'AccessDeniedException', `User: arn:aws:iam::000000000000:user/test is not authorized to perform: ${action}`],
      query: [403, 'AccessDenied', `User: arn:aws:iam::000000000000:user/test is not authorized to perform: ${action}`],
      ec2: [403, 'UnauthorizedOperation', `You are not authorized to perform this operation. User is not authorized to perform: ${action}`],
    },
    expiredToken: {
      restJson: [403, 'ExpiredTokenException', 'The security token included in the request is expired'],
      query: [403, 'ExpiredToken', 'The security token included in the request is expired'],
      ec2: [400, 'RequestExpired', 'Request has expired.'],
    },
    unknownOperation: {
      restJson: [404, 'UnknownOperationException', `Unknown operation ${operation}`],
      query: [400, 'InvalidAction', `Could not find operation ${operation}`],
      ec2: [400, 'InvalidAction', `The action ${operation} is not valid for this web service.`],
    },
    serverError: {
      restJson: [500, 'InternalServerException', 'Internal server error'],
      query: [500, 'ServiceFailure', 'Internal failure'],
      ec2: [500, 'InternalError', 'An internal error has occurred'],
    },
  };
  const [status, code, message] = table[rule.kind as keyof typeof table][protocol];
  return errorFor(protocol, service, status, code, rule.message ?? message);
}

// ---------------------------------------------------------------------------------------------------------------
// awsQuery: STS and IAM

const STS: Record<string, Handler> = {
  GetCallerIdentity: (ctx) =>
    queryOk(NS.sts, 'GetCallerIdentity', { Arn: ctx.scenario.caller.arn, UserId: ctx.scenario.caller.userId, Account: ctx.scenario.account.id }),
};

function policyArn(ctx: Ctx, p: { name: string; arn?: string; path?: string }): string {
  return p.arn ?? `arn:aws:iam::${ctx.scenario.account.id}:policy${p.path ?? '/'}${p.name}`;
}

/** IAM returns policy documents URL-encoded (RFC 3986), inside XML. */
function encodeDoc(doc: JsonObject): string {
  return encodeURIComponent(JSON.stringify(doc));
}

function inlineList(inline: Record<string, JsonObject> | undefined): XmlValue[] {
  return Object.entries(inline ?? {}).map(([name, doc]) => ({ PolicyName: name, PolicyDocument: encodeDoc(doc) }));
}

function attachedList(byArn: Map<string, string>, arns: string[] | undefined): XmlValue[] {
  return (arns ?? []).map((arn) => ({ PolicyName: byArn.get(arn) ?? arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }));
}

function tagList(tags: Record<string, string> | undefined): XmlValue[] | undefined {
  const entries = Object.entries(tags ?? {});
  return entries.length ? entries.map(([Key, Value]) => ({ Key, Value })) : undefined;
}

function uniqueId(prefix: string, name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `${prefix}${h.toString(36).toUpperCase().padStart(8, '0')}EXAMPLE`.slice(0, 21);
}

function gaadEntities(ctx: Ctx, filters: string[]): { kind: string; xml: XmlValue }[] {
  const acct = ctx.scenario.account.id;
  const want = (k: string) => filters.length === 0 || filters.includes(k);
  const out: { kind: string; xml: XmlValue }[] = [];
  const byArn = new Map(ctx.scenario.iam.policies.map((p) => [policyArn(ctx, p), p.name]));
  if (want('User')) {
    for (const u of ctx.scenario.iam.users) {
      out.push({
        kind: 'user',
        xml: {
          Path: u.path ?? '/',
          UserName: u.name,
          UserId: uniqueId('AIDA', u.name),
          Arn: `arn:aws:iam::${acct}:user${u.path ?? '/'}${u.name}`,
          CreateDate: u.createDate ?? DEFAULT_DATE,
          UserPolicyList: inlineList(u.inline),
          GroupList: u.groups ?? [],
          AttachedManagedPolicies: attachedList(byArn, u.attached),
          PermissionsBoundary: u.permissionsBoundary ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: u.permissionsBoundary } : undefined,
          Tags: tagList(u.tags),
        },
      });
    }
  }
  if (want('Group')) {
    for (const g of ctx.scenario.iam.groups) {
      out.push({
        kind: 'group',
        xml: {
          Path: g.path ?? '/',
          GroupName: g.name,
          GroupId: uniqueId('AGPA', g.name),
          Arn: `arn:aws:iam::${acct}:group${g.path ?? '/'}${g.name}`,
          CreateDate: DEFAULT_DATE,
          GroupPolicyList: inlineList(g.inline),
          AttachedManagedPolicies: attachedList(byArn, g.attached),
        },
      });
    }
  }
  if (want('Role')) {
    for (const r of ctx.scenario.iam.roles) {
      out.push({
        kind: 'role',
        xml: {
          Path: r.path ?? '/',
          RoleName: r.name,
          RoleId: uniqueId('AROA', r.name),
          Arn: `arn:aws:iam::${acct}:role${r.path ?? '/'}${r.name}`,
          CreateDate: DEFAULT_DATE,
          AssumeRolePolicyDocument: encodeDoc(r.trust),
          InstanceProfileList: [],
          RolePolicyList: inlineList(r.inline),
          AttachedManagedPolicies: attachedList(byArn, r.attached),
          PermissionsBoundary: r.permissionsBoundary ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: r.permissionsBoundary } : undefined,
          Tags: tagList(r.tags),
          RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {},
        },
      });
    }
  }
  const attachments = new Map<string, number>();
  for (const e of [...ctx.scenario.iam.users, ...ctx.scenario.iam.groups, ...ctx.scenario.iam.roles]) {
    for (const arn of e.attached ?? []) attachments.set(arn, (attachments.get(arn) ?? 0) + 1);
  }
  for (const p of ctx.scenario.iam.policies) {
    const arn = policyArn(ctx, p);
    const aws = arn.includes(':iam::aws:policy/');
    if (!want(aws ? 'AWSManagedPolicy' : 'LocalManagedPolicy')) continue;
    const defaultIndex = Math.max(0, p.versions.findIndex((v) => v.default) >= 0 ? p.versions.findIndex((v) => v.default) : p.versions.length - 1);
    out.push({
      kind: 'policy',
      xml: {
        PolicyName: p.name,
        PolicyId: uniqueId('ANPA', arn),
        Arn: arn,
        Path: p.path ?? '/',
        DefaultVersionId: `v${defaultIndex + 1}`,
        AttachmentCount: attachments.get(arn) ?? 0,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        Description: p.description,
        CreateDate: DEFAULT_DATE,
        UpdateDate: DEFAULT_DATE,
        PolicyVersionList: p.versions.map((v, i) => ({
          Document: encodeDoc(v.document),
          VersionId: `v${i + 1}`,
          IsDefaultVersion: i === defaultIndex,
          CreateDate: v.createDate ?? DEFAULT_DATE,
        })),
      },
    });
  }
  return out;
}

function maxItems(ctx: Ctx, cap = 1000): number {
  const m = ctx.form.get('MaxItems');
  if (m === undefined) return Math.min(ctx.pageSize, ctx.maxPageSize);
  const n = Number(m);
  if (!Number.isInteger(n) || n < 1 || n > cap) throw new RangeError(`MaxItems must be between 1 and ${cap}`);
  return Math.min(n, ctx.maxPageSize);
}

const IAM: Record<string, Handler> = {
  GetAccountAuthorizationDetails(ctx) {
    const all = gaadEntities(ctx, formList(ctx.form, 'Filter.member'));
    const p = page(all, ctx.form.get('Marker'), maxItems(ctx));
    const of = (kind: string) => p.items.filter((e) => e.kind === kind).map((e) => e.xml);
    return queryOk(NS.iam, 'GetAccountAuthorizationDetails', {
      UserDetailList: of('user'),
      GroupDetailList: of('group'),
      RoleDetailList: of('role'),
      Policies: of('policy'),
      IsTruncated: p.next !== undefined,
      Marker: p.next,
    });
  },
  ListAccountAliases(ctx) {
    return queryOk(NS.iam, 'ListAccountAliases', { AccountAliases: ctx.scenario.account.aliases ?? [], IsTruncated: false });
  },
  ListServiceSpecificCredentials(ctx) {
    const all = ctx.form.get('AllUsers') === 'true';
    const user = ctx.form.get('UserName');
    if (all && user) throw new RangeError('AllUsers and UserName cannot both be specified');
    const service = ctx.form.get('ServiceName');
    const callerUser = /:user\/(?:.*\/)?([^/]+)$/.exec(ctx.scenario.caller.arn)?.[1];
    const creds = (ctx.scenario.iam.serviceSpecificCredentials ?? []).filter(
      (c) => (all || c.userName === (user ?? callerUser)) && (!service || (c.serviceName ?? 'bedrock.amazonaws.com') === service),
    );
    const p = page(creds, ctx.form.get('Marker'), maxItems(ctx));
    return queryOk(NS.iam, 'ListServiceSpecificCredentials', {
      ServiceSpecificCredentials: p.items.map((c, i) => ({
        UserName: c.userName,
        Status: c.status ?? 'Active',
        ServiceUserName: `${c.userName}-at-${ctx.scenario.account.id}`,
        ServiceCredentialAlias: c.alias,
        CreateDate: c.createDate ?? DEFAULT_DATE,
        ExpirationDate: c.expirationDate,
        ServiceSpecificCredentialId: c.id ?? `ACCA${String(i).padStart(17, '0')}`,
        ServiceName: c.serviceName ?? 'bedrock.amazonaws.com',
      })),
      Marker: p.next,
      IsTruncated: p.next !== undefined,
    });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// ec2Query

function lowerFirst(obj: Record<string, unknown>): Record<string, XmlValue> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v as XmlValue]));
}

const EC2: Record<string, Handler> = {
  DescribeVpcEndpoints(ctx) {
    const filters = new Map<string, string[]>();
    for (let i = 1; ctx.form.has(`Filter.${i}.Name`); i++) filters.set(ctx.form.get(`Filter.${i}.Name`)!, formList(ctx.form, `Filter.${i}.Value`));
    const endpoints = (ctx.scenario.regions[ctx.region]?.vpcEndpoints ?? []).filter((e) => {
      for (const [name, values] of filters) {
        const field = name === 'service-name' ? e['ServiceName'] : name === 'vpc-id' ? e['VpcId'] : name === 'vpc-endpoint-state' ? e['State'] : undefined;
        if (typeof field !== 'string' || !values.includes(field)) return false;
      }
      return true;
    });
    const max = ctx.form.get('MaxResults');
    const p = page(endpoints, ctx.form.get('NextToken'), Math.min(max ? Number(max) : 1000, ctx.maxPageSize));
    return ec2Ok('DescribeVpcEndpoints', { vpcEndpointSet: p.items.map((e) => lowerFirst(e)), nextToken: p.next });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// restJson1: Bedrock and bedrock-agent

interface Route {
  service: string;
  method: string;
  pattern: RegExp;
  operation: string;
  handler: Handler;
}
interface RouteMatch {
  operation: string;
  handler: Handler;
  params: string[];
}

const ROUTES: Route[] = [];
function route(service: string, method: string, template: string, operation: string, handler: Handler): void {
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  ROUTES.push({ service, method, pattern, operation, handler });
}

function findRoute(service: string, method: string, path: string): RouteMatch | undefined {
  for (const r of ROUTES) {
    if (r.service !== service || r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { operation: r.operation, handler: r.handler, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

function regionState(ctx: Ctx): ScenarioRegion {
  return ctx.scenario.regions[ctx.region] ?? {};
}

function restPage<T>(ctx: Ctx, items: T[]): { items: T[]; next?: string } {
  const max = ctx.query.get('maxResults') ?? (typeof ctx.json['maxResults'] === 'number' ? String(ctx.json['maxResults']) : null);
  const token = ctx.query.get('nextToken') ?? (typeof ctx.json['nextToken'] === 'string' ? ctx.json['nextToken'] : null);
  return page(items, token, Math.min(max ? Number(max) : ctx.pageSize, ctx.maxPageSize));
}

function arn(ctx: Ctx, resource: string): string {
  return `arn:aws:bedrock:${ctx.region}:${ctx.scenario.account.id}:${resource}`;
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function foundationModels(ctx: Ctx): JsonObject[] {
  return (regionState(ctx).foundationModels ?? []).map((m) => ({
    modelArn: `arn:aws:bedrock:${ctx.region}::foundation-model/${str(m['modelId'])}`,
    ...m,
  }));
}

function customModel(ctx: Ctx, m: JsonObject): JsonObject {
  return {
    modelArn: arn(ctx, `custom-model/${str(m['modelName'])}`),
    creationTime: DEFAULT_DATE,
    ...m,
  };
}

function importedModel(ctx: Ctx, m: JsonObject): JsonObject {
  return { modelArn: arn(ctx, `imported-model/${str(m['modelName'])}`), creationTime: DEFAULT_DATE, ...m };
}

function findBy(items: JsonObject[], id: string, ...keys: string[]): JsonObject | undefined {
  return items.find((m) => keys.some((k) => m[k] === id));
}

function guardrailVersionDetail(ctx: Ctx, g: { id: string; name: string; description?: string }, v: JsonObject): JsonObject {
  return {
    name: g.name,
    ...(g.description ? { description: g.description } : {}),
    guardrailId: g.id,
    guardrailArn: arn(ctx, `guardrail/${g.id}`),
    status: 'READY',
    createdAt: DEFAULT_DATE,
    updatedAt: DEFAULT_DATE,
    blockedInputMessaging: 'Sorry, the model cannot answer this question.',
    blockedOutputsMessaging: 'Sorry, the model cannot answer this question.',
    ...v,
  };
}

function guardrailSummary(ctx: Ctx, g: { id: string; name: string; description?: string }, v: JsonObject): JsonObject {
  const d = guardrailVersionDetail(ctx, g, v);
  return {
    id: g.id,
    arn: d['guardrailArn']!,
    status: d['status']!,
    name: g.name,
    ...(g.description ? { description: g.description } : {}),
    version: d['version']!,
    createdAt: d['createdAt']!,
    updatedAt: d['updatedAt']!,
  };
}

function findGuardrail(ctx: Ctx, id: string) {
  const g = (regionState(ctx).guardrails ?? []).find((x) => x.id === id || arn(ctx, `guardrail/${x.id}`) === id);
  if (!g) throw new NotFound('ResourceNotFoundException', `Guardrail ${id} not found`);
  return g;
}

function agent(ctx: Ctx, a: JsonObject): JsonObject {
  return {
    agentArn: arn(ctx, `agent/${str(a['agentId'])}`),
    agentVersion: 'DRAFT',
    agentStatus: 'PREPARED',
    idleSessionTTLInSeconds: 600,
    createdAt: DEFAULT_DATE,
    updatedAt: DEFAULT_DATE,
    ...a,
  };
}

function knowledgeBase(ctx: Ctx, kb: JsonObject): JsonObject {
  return {
    knowledgeBaseArn: arn(ctx, `knowledge-base/${str(kb['knowledgeBaseId'])}`),
    status: 'ACTIVE',
    createdAt: DEFAULT_DATE,
    updatedAt: DEFAULT_DATE,
    ...kb,
  };
}

function findKb(ctx: Ctx, id: string) {
  const kb = (regionState(ctx).knowledgeBases ?? []).find((k) => k.knowledgeBase['knowledgeBaseId'] === id);
  if (!kb) throw new NotFound('ResourceNotFoundException', `Knowledge base ${id} not found`);
  return kb;
}

function dataSource(kbId: string, ds: JsonObject): JsonObject {
  return { knowledgeBaseId: kbId, status: 'AVAILABLE', createdAt: DEFAULT_DATE, updatedAt: DEFAULT_DATE, ...ds };
}

route('bedrock', 'GET', '/foundation-models', 'ListFoundationModels', (ctx) => {
  const provider = ctx.query.get('byProvider');
  return jsonOk({ modelSummaries: foundationModels(ctx).filter((m) => !provider || str(m['providerName'])?.toLowerCase() === provider.toLowerCase()) });
});
route('bedrock', 'GET', '/foundation-models/{id}', 'GetFoundationModel', (ctx, [id]) => {
  const m = findBy(foundationModels(ctx), id!, 'modelId', 'modelArn');
  if (!m) throw new NotFound('ResourceNotFoundException', `The model ${id} does not exist`);
  return jsonOk({ modelDetails: m });
});
route('bedrock', 'GET', '/inference-profiles', 'ListInferenceProfiles', (ctx) => {
  const type = ctx.query.get('type');
  const all = (regionState(ctx).inferenceProfiles ?? [])
    .map((p) => ({ status: 'ACTIVE', type: 'SYSTEM_DEFINED', createdAt: DEFAULT_DATE, updatedAt: DEFAULT_DATE, inferenceProfileArn: arn(ctx, `inference-profile/${str(p['inferenceProfileId'])}`), ...p }))
    .filter((p) => !type || p['type'] === type);
  const p = restPage(ctx, all);
  return jsonOk({ inferenceProfileSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/provisioned-model-throughputs', 'ListProvisionedModelThroughputs', (ctx) => {
  const all = (regionState(ctx).provisionedThroughputs ?? []).map((t) => ({
    provisionedModelArn: arn(ctx, `provisioned-model/${str(t['provisionedModelName'])}`),
    status: 'InService',
    creationTime: DEFAULT_DATE,
    lastModifiedTime: DEFAULT_DATE,
    desiredModelArn: t['modelArn'] ?? null,
    desiredModelUnits: t['modelUnits'] ?? 1,
    ...t,
  }));
  const p = restPage(ctx, all);
  return jsonOk({ provisionedModelSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/custom-models', 'ListCustomModels', (ctx) => {
  const all = (regionState(ctx).customModels ?? []).map((m) => {
    const d = customModel(ctx, m);
    const summary: JsonObject = {
      modelArn: d['modelArn']!,
      modelName: d['modelName']!,
      creationTime: d['creationTime']!,
      baseModelArn: d['baseModelArn'] ?? null,
      baseModelName: str(d['baseModelArn'])?.split('/').pop() ?? '',
    };
    for (const k of ['customizationType', 'ownerAccountId', 'modelStatus']) if (d[k] !== undefined) summary[k] = d[k];
    return summary;
  });
  const p = restPage(ctx, all);
  return jsonOk({ modelSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/custom-models/{id}', 'GetCustomModel', (ctx, [id]) => {
  const m = findBy((regionState(ctx).customModels ?? []).map((x) => customModel(ctx, x)), id!, 'modelArn', 'modelName');
  if (!m) throw new NotFound('ResourceNotFoundException', `Custom model ${id} not found`);
  return jsonOk(m);
});
route('bedrock', 'GET', '/imported-models', 'ListImportedModels', (ctx) => {
  const all = (regionState(ctx).importedModels ?? []).map((m) => {
    const d = importedModel(ctx, m);
    return { modelArn: d['modelArn']!, modelName: d['modelName']!, creationTime: d['creationTime']!, ...(d['modelArchitecture'] ? { modelArchitecture: d['modelArchitecture'] } : {}) };
  });
  const p = restPage(ctx, all);
  return jsonOk({ modelSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/imported-models/{id}', 'GetImportedModel', (ctx, [id]) => {
  const m = findBy((regionState(ctx).importedModels ?? []).map((x) => importedModel(ctx, x)), id!, 'modelArn', 'modelName');
  if (!m) throw new NotFound('ResourceNotFoundException', `Imported model ${id} not found`);
  return jsonOk(m);
});
route('bedrock', 'GET', '/logging/modelinvocations', 'GetModelInvocationLoggingConfiguration', (ctx) => {
  const cfg = regionState(ctx).loggingConfig;
  return jsonOk(cfg ? { loggingConfig: cfg } : {});
});
route('bedrock', 'GET', '/guardrails', 'ListGuardrails', (ctx) => {
  const id = ctx.query.get('guardrailIdentifier');
  const all = id
    ? (() => {
        const g = findGuardrail(ctx, id);
        return g.versions.map((v) => guardrailSummary(ctx, g, v));
      })()
    : (regionState(ctx).guardrails ?? []).map((g) => guardrailSummary(ctx, g, g.versions.find((v) => v['version'] === 'DRAFT') ?? { version: 'DRAFT' }));
  const p = restPage(ctx, all);
  return jsonOk({ guardrails: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/guardrails/{id}', 'GetGuardrail', (ctx, [id]) => {
  const g = findGuardrail(ctx, id!);
  const version = ctx.query.get('guardrailVersion') ?? 'DRAFT';
  const v = g.versions.find((x) => x['version'] === version);
  if (!v) throw new NotFound('ResourceNotFoundException', `Guardrail ${id} has no version ${version}`);
  return jsonOk(guardrailVersionDetail(ctx, g, v));
});
route('bedrock', 'GET', '/enforcedGuardrailsConfiguration', 'ListEnforcedGuardrailsConfiguration', (ctx) => {
  const p = restPage(ctx, regionState(ctx).enforcedGuardrails ?? []);
  return jsonOk({ guardrailsConfig: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock', 'GET', '/foundation-model-availability/{modelId}', 'GetFoundationModelAvailability', (ctx, [modelId]) => {
  const a = regionState(ctx).modelAvailability?.[modelId!];
  if (!findBy(foundationModels(ctx), modelId!, 'modelId')) throw new NotFound('ResourceNotFoundException', `The model ${modelId} does not exist`);
  return jsonOk({
    modelId,
    agreementAvailability: { status: 'AVAILABLE' },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE',
    ...a,
  });
});
route('bedrock', 'GET', '/use-case-for-model-access', 'GetUseCaseForModelAccess', (ctx) => {
  const form = regionState(ctx).useCaseFormBase64;
  if (!form) throw new NotFound('ResourceNotFoundException', 'No use case form found');
  return jsonOk({ formData: form });
});
route('bedrock', 'GET', '/list-foundation-model-agreement-offers/{modelId}', 'ListFoundationModelAgreementOffers', (ctx, [modelId]) => {
  return jsonOk({ modelId, offers: regionState(ctx).agreementOffers?.[modelId!] ?? [] });
});

route('bedrock-agent', 'POST', '/agents/', 'ListAgents', (ctx) => {
  const all = (regionState(ctx).agents ?? []).map((a) => {
    const d = agent(ctx, a);
    const s: JsonObject = { agentId: d['agentId']!, agentName: d['agentName']!, agentStatus: d['agentStatus']!, updatedAt: d['updatedAt']!, latestAgentVersion: '1' };
    if (d['description']) s['description'] = d['description'];
    if (d['guardrailConfiguration']) s['guardrailConfiguration'] = d['guardrailConfiguration'];
    return s;
  });
  const p = restPage(ctx, all);
  return jsonOk({ agentSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock-agent', 'GET', '/agents/{id}/', 'GetAgent', (ctx, [id]) => {
  const a = (regionState(ctx).agents ?? []).find((x) => x['agentId'] === id);
  if (!a) throw new NotFound('ResourceNotFoundException', `Agent ${id} not found`);
  return jsonOk({ agent: agent(ctx, a) });
});
route('bedrock-agent', 'POST', '/knowledgebases/', 'ListKnowledgeBases', (ctx) => {
  const all = (regionState(ctx).knowledgeBases ?? []).map(({ knowledgeBase: kb }) => {
    const d = knowledgeBase(ctx, kb);
    return { knowledgeBaseId: d['knowledgeBaseId']!, name: d['name']!, status: d['status']!, updatedAt: d['updatedAt']! };
  });
  const p = restPage(ctx, all);
  return jsonOk({ knowledgeBaseSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock-agent', 'GET', '/knowledgebases/{id}', 'GetKnowledgeBase', (ctx, [id]) => jsonOk({ knowledgeBase: knowledgeBase(ctx, findKb(ctx, id!).knowledgeBase) }));
route('bedrock-agent', 'POST', '/knowledgebases/{id}/datasources/', 'ListDataSources', (ctx, [id]) => {
  const all = findKb(ctx, id!).dataSources.map((ds) => {
    const d = dataSource(id!, ds);
    return { knowledgeBaseId: id!, dataSourceId: d['dataSourceId']!, name: d['name']!, status: d['status']!, updatedAt: d['updatedAt']! };
  });
  const p = restPage(ctx, all);
  return jsonOk({ dataSourceSummaries: p.items, ...(p.next ? { nextToken: p.next } : {}) });
});
route('bedrock-agent', 'GET', '/knowledgebases/{id}/datasources/{ds}', 'GetDataSource', (ctx, [id, dsId]) => {
  const ds = findKb(ctx, id!).dataSources.find((d) => d['dataSourceId'] === dsId);
  if (!ds) throw new NotFound('ResourceNotFoundException', `Data source ${dsId} not found`);
  return jsonOk({ dataSource: dataSource(id!, ds) });
});
