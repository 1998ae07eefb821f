/**
 * Posture collection: reads an account's Amazon Bedrock posture into a {@link PostureSnapshot}.
 *
 * - Read-only calls only; never invokes a model. The calls that resemble LLM-jacking reconnaissance (model
 *   availability, the Anthropic use-case form, agreement offers) are not part of a refresh: they are separate
 *   methods ({@link PostureSession.modelAvailability} …), called when a model node is expanded, and cached.
 * - Every failed call becomes an `unknown` result with the reason; a partial list is never reported as complete.
 * - Calls fan out over regions and resources with bounded concurrency ({@link Limiter}); the SDK retries throttling.
 */
import {
  GetCustomModelCommand,
  GetFoundationModelAvailabilityCommand,
  GetGuardrailCommand,
  type GetGuardrailCommandOutput,
  GetImportedModelCommand,
  GetModelInvocationLoggingConfigurationCommand,
  GetUseCaseForModelAccessCommand,
  ListCustomModelsCommand,
  ListEnforcedGuardrailsConfigurationCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListGuardrailsCommand,
  ListImportedModelsCommand,
  ListInferenceProfilesCommand,
  ListProvisionedModelThroughputsCommand,
} from '@aws-sdk/client-bedrock';
import {
  GetAgentCommand,
  GetDataSourceCommand,
  GetKnowledgeBaseCommand,
  ListAgentsCommand,
  ListDataSourcesCommand,
  ListKnowledgeBasesCommand,
} from '@aws-sdk/client-bedrock-agent';
import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2';
import {
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  ListAccountAliasesCommand,
  ListServiceSpecificCredentialsCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type {
  Agent,
  BedrockApiKey,
  CallerIdentity,
  Collected,
  CustomModel,
  EnforcedGuardrailConfig,
  FoundationModel,
  Guardrail,
  GuardrailPolicy,
  GuardrailVersion,
  IamAuthorizationDetails,
  IamManagedPolicy,
  IamPolicyDocument,
  ImportedModel,
  InferenceProfile,
  InvocationLoggingConfig,
  KnowledgeBase,
  KnowledgeBaseDataSource,
  ModelAgreementOffers,
  ModelAvailability,
  PolicyDocumentValue,
  PostureSnapshot,
  PrincipalType,
  ProvisionedThroughput,
  RegionPosture,
  UnknownResult,
  UseCaseForModelAccess,
  VpcEndpoint,
} from '../engine/posture/snapshot';
import { ClientFactory, Limiter, partitionFor } from './clients';
import { createCredentialProvider, credentialError, describeCredentialSource } from './credentials';
import { AwsCredentialsError, errorName, known, unknownFrom } from './errors';

export interface CollectOptions {
  /** Shared-config profile; default: `AWS_PROFILE`, else the default chain. */
  profile?: string;
  /** Regions to collect, e.g. `['us-east-1', 'eu-central-1']`. At least one. */
  regions: string[];
  /** SDK attempts per command, retries included. Default 3. */
  maxAttempts?: number;
  /** Per-attempt request timeout, ms. Default 15 000. */
  requestTimeoutMs?: number;
  /** AWS calls in flight at once, over all regions. Default 16. */
  concurrency?: number;
  /** Use these credentials instead of the chain (e.g. an extension-managed provider). */
  credentials?: AwsCredentialIdentityProvider;
}

/** Bedrock VPC endpoint service short names checked in every region. */
export const BEDROCK_ENDPOINT_SERVICES = ['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime', 'bedrock-mantle'] as const;

const PAGE = 1000;

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown; unknown: UnknownResult };

/**
 * One user's connection to one account: owns the credential provider, clients and caches. `collect()` starts a
 * fresh credential provider and fresh clients each time (a refresh), so renewed credentials are used.
 */
export class PostureSession {
  private clients: ClientFactory | undefined;
  private limiter: Limiter;
  private stats = { calls: 0, failures: 0 };
  private readonly lazyCache = new Map<string, Promise<Collected<unknown>>>();

  constructor(readonly options: CollectOptions) {
    if (!options.regions.length) throw new RangeError('at least one region is required');
    this.limiter = new Limiter(options.concurrency ?? 16);
  }

  /** Collects the whole posture. Throws {@link AwsCredentialsError} when no usable credentials exist. */
  async collect(): Promise<PostureSnapshot> {
    const started = Date.now();
    const collectedAt = new Date(started).toISOString();
    this.refreshClients();
    this.stats = { calls: 0, failures: 0 };
    const credentials = this.credentials();
    try {
      await credentials();
    } catch (err) {
      throw err instanceof AwsCredentialsError ? err : await credentialError(err, this.options);
    }
    const regions = [...new Set(this.options.regions)];
    const home = regions[0]!;
    const identityAttempt = await this.attempt('sts:GetCallerIdentity', home, () => this.c().sts(home).send(new GetCallerIdentityCommand({})));
    if (!identityAttempt.ok && identityAttempt.unknown.cause === 'credentials') {
      throw await credentialError(identityAttempt.error, this.options);
    }
    const identity: Collected<CallerIdentity> = identityAttempt.ok
      ? known(toIdentity(identityAttempt.value.Arn ?? '', identityAttempt.value.Account ?? '', identityAttempt.value.UserId ?? ''))
      : identityAttempt.unknown;

    const [credentialSource, accountAliases, iam, bedrockApiKeys, regionPostures] = await Promise.all([
      describeCredentialSource(this.options.profile),
      this.accountAliases(home),
      this.iamDetails(home),
      this.apiKeys(home),
      Promise.all(regions.map((r) => this.region(r))),
    ]);
    const partition = identity.status === 'ok' ? (identity.value.arn.split(':')[1] ?? partitionFor(home)) : partitionFor(home);
    return {
      schemaVersion: 1,
      collectedAt,
      durationMs: Date.now() - started,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
      credentialSource,
      partition,
      identity,
      accountAliases,
      regionNames: regions,
      regions: regionPostures,
      iam,
      bedrockApiKeys,
      stats: { ...this.stats },
    };
  }

  /** Lazy: `GetFoundationModelAvailability` for one model (cached until the next `collect`). */
  modelAvailability(region: string, modelId: string): Promise<Collected<ModelAvailability>> {
    return this.lazy(`availability:${region}:${modelId}`, 'bedrock:GetFoundationModelAvailability', region, async () => {
      const out = await this.c().bedrock(region).send(new GetFoundationModelAvailabilityCommand({ modelId }));
      return {
        modelId,
        region,
        ...opt('agreementStatus', out.agreementAvailability?.status),
        ...opt('agreementErrorMessage', out.agreementAvailability?.errorMessage),
        ...opt('authorizationStatus', out.authorizationStatus),
        ...opt('entitlementAvailability', out.entitlementAvailability),
        ...opt('regionAvailability', out.regionAvailability),
      };
    });
  }

  /** Lazy: `GetUseCaseForModelAccess` (whether the Anthropic first-use form was submitted). */
  useCaseForModelAccess(region: string): Promise<Collected<UseCaseForModelAccess>> {
    return this.lazy(`usecase:${region}`, 'bedrock:GetUseCaseForModelAccess', region, async () => {
      try {
        const out = await this.c().bedrock(region).send(new GetUseCaseForModelAccessCommand({}));
        return { region, submitted: true, formBytes: out.formData?.byteLength ?? 0 };
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') return { region, submitted: false };
        throw err;
      }
    });
  }

  /** Lazy: `ListFoundationModelAgreementOffers` for one model. */
  agreementOffers(region: string, modelId: string): Promise<Collected<ModelAgreementOffers>> {
    return this.lazy(`offers:${region}:${modelId}`, 'bedrock:ListFoundationModelAgreementOffers', region, async () => {
      const out = await this.c().bedrock(region).send(new ListFoundationModelAgreementOffersCommand({ modelId }));
      return {
        modelId,
        region,
        offers: (out.offers ?? []).map((o) => ({
          ...opt('offerId', o.offerId),
          hasLegalTerm: Boolean(o.termDetails?.legalTerm),
          hasPricingTerm: Boolean(o.termDetails?.usageBasedPricingTerm),
        })),
      };
    });
  }

  dispose(): void {
    this.clients?.destroy();
    this.clients = undefined;
  }

  // -------------------------------------------------------------------------------------------------------------

  private credentialsProvider: AwsCredentialIdentityProvider | undefined;

  private credentials(): AwsCredentialIdentityProvider {
    this.credentialsProvider ??= this.options.credentials ?? createCredentialProvider({ ...(this.options.profile ? { profile: this.options.profile } : {}) });
    return this.credentialsProvider;
  }

  private refreshClients(): void {
    this.clients?.destroy();
    this.lazyCache.clear();
    this.credentialsProvider = undefined;
    this.clients = new ClientFactory({
      credentials: this.credentials(),
      ...(this.options.maxAttempts !== undefined ? { maxAttempts: this.options.maxAttempts } : {}),
      ...(this.options.requestTimeoutMs !== undefined ? { requestTimeoutMs: this.options.requestTimeoutMs } : {}),
    });
  }

  private c(): ClientFactory {
    if (!this.clients) this.refreshClients();
    return this.clients!;
  }

  private lazy<T>(key: string, operation: string, region: string, fn: () => Promise<T>): Promise<Collected<T>> {
    let p = this.lazyCache.get(key) as Promise<Collected<T>> | undefined;
    if (!p) {
      p = this.call(operation, region, fn);
      this.lazyCache.set(key, p);
      // A failure is not cached: expanding the node again retries.
      void p.then((r) => r.status === 'unknown' && this.lazyCache.delete(key));
    }
    return p;
  }

  private async attempt<T>(operation: string, region: string, fn: () => Promise<T>): Promise<Attempt<T>> {
    this.stats.calls++;
    try {
      return { ok: true, value: await this.limiter.run(fn) };
    } catch (error) {
      this.stats.failures++;
      return { ok: false, error, unknown: unknownFrom(error, operation, region) };
    }
  }

  private async call<T>(operation: string, region: string, fn: () => Promise<T>): Promise<Collected<T>> {
    const r = await this.attempt(operation, region, fn);
    return r.ok ? known(r.value) : r.unknown;
  }

  /** All pages, or `unknown` if any page fails (a partial list would look like a complete one). */
  private async paginate<T>(operation: string, region: string, fetch: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>): Promise<Collected<T[]>> {
    const out: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const r = await this.attempt(operation, region, () => fetch(token));
      if (!r.ok) return r.unknown;
      out.push(...(r.value.items ?? []));
      token = r.value.next;
      if (!token || seen.has(token)) return known(out);
      seen.add(token);
    }
  }

  /** Maps every item of a known list with a per-item async step (itself collected). */
  private async each<A, B>(list: Collected<A[]>, fn: (a: A) => Promise<B>): Promise<Collected<B[]>> {
    if (list.status !== 'ok') return list;
    return known(await Promise.all(list.value.map(fn)));
  }

  // --- account-wide -----------------------------------------------------------------------------------------

  private accountAliases(home: string): Promise<Collected<string[]>> {
    return this.paginate('iam:ListAccountAliases', home, async (Marker) => {
      const out = await this.c().iam(home).send(new ListAccountAliasesCommand({ ...(Marker ? { Marker } : {}) }));
      return { items: out.AccountAliases, next: out.IsTruncated ? out.Marker : undefined };
    });
  }

  private async iamDetails(home: string): Promise<Collected<IamAuthorizationDetails>> {
    const pages = await this.paginate<GetAccountAuthorizationDetailsCommandOutput>('iam:GetAccountAuthorizationDetails', home, async (Marker) => {
      const out = await this.c().iam(home).send(new GetAccountAuthorizationDetailsCommand({ MaxItems: PAGE, ...(Marker ? { Marker } : {}) }));
      return { items: [out], next: out.IsTruncated ? out.Marker : undefined };
    });
    if (pages.status !== 'ok') return pages;
    return known(toIamDetails(pages.value));
  }

  private async apiKeys(home: string): Promise<Collected<BedrockApiKey[]>> {
    return this.paginate('iam:ListServiceSpecificCredentials', home, async (Marker) => {
      const out = await this.c()
        .iam(home)
        .send(new ListServiceSpecificCredentialsCommand({ AllUsers: true, ServiceName: 'bedrock.amazonaws.com', MaxItems: PAGE, ...(Marker ? { Marker } : {}) }));
      return {
        items: (out.ServiceSpecificCredentials ?? []).map(
          (c): BedrockApiKey => ({
            serviceSpecificCredentialId: c.ServiceSpecificCredentialId ?? '',
            userName: c.UserName ?? '',
            status: c.Status ?? '',
            serviceName: c.ServiceName ?? 'bedrock.amazonaws.com',
            ...opt('serviceUserName', c.ServiceUserName),
            ...opt('serviceCredentialAlias', c.ServiceCredentialAlias),
            ...opt('createDate', iso(c.CreateDate)),
            expirationDate: iso(c.ExpirationDate) ?? null,
          }),
        ),
        next: out.IsTruncated ? out.Marker : undefined,
      };
    });
  }

  // --- per region -------------------------------------------------------------------------------------------

  private async region(region: string): Promise<RegionPosture> {
    const [foundationModels, inferenceProfiles, provisionedThroughputs, customModels, importedModels, invocationLogging, guardrails, enforcedGuardrails, agents, knowledgeBases, vpcEndpoints] =
      await Promise.all([
        this.foundationModels(region),
        this.inferenceProfiles(region),
        this.provisioned(region),
        this.customModels(region),
        this.importedModels(region),
        this.logging(region),
        this.guardrails(region),
        this.enforced(region),
        this.agents(region),
        this.knowledgeBases(region),
        this.vpcEndpoints(region),
      ]);
    return { region, foundationModels, inferenceProfiles, provisionedThroughputs, customModels, importedModels, invocationLogging, guardrails, enforcedGuardrails, agents, knowledgeBases, vpcEndpoints };
  }

  private async foundationModels(region: string): Promise<Collected<FoundationModel[]>> {
    const r = await this.call('bedrock:ListFoundationModels', region, () => this.c().bedrock(region).send(new ListFoundationModelsCommand({})));
    if (r.status !== 'ok') return r;
    return known(
      (r.value.modelSummaries ?? []).map((m) => ({
        modelId: m.modelId ?? '',
        modelArn: m.modelArn ?? '',
        ...opt('modelName', m.modelName),
        ...opt('providerName', m.providerName),
        inputModalities: m.inputModalities ?? [],
        outputModalities: m.outputModalities ?? [],
        inferenceTypesSupported: m.inferenceTypesSupported ?? [],
        customizationsSupported: m.customizationsSupported ?? [],
        ...opt('responseStreamingSupported', m.responseStreamingSupported),
        lifecycle: {
          status: m.modelLifecycle?.status ?? 'ACTIVE',
          ...opt('startOfLifeTime', iso(m.modelLifecycle?.startOfLifeTime)),
          ...opt('legacyTime', iso(m.modelLifecycle?.legacyTime)),
          ...opt('publicExtendedAccessTime', iso(m.modelLifecycle?.publicExtendedAccessTime)),
          ...opt('endOfLifeTime', iso(m.modelLifecycle?.endOfLifeTime)),
        },
      })),
    );
  }

  private inferenceProfiles(region: string): Promise<Collected<InferenceProfile[]>> {
    return this.paginate('bedrock:ListInferenceProfiles', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListInferenceProfilesCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return {
        items: (out.inferenceProfileSummaries ?? []).map((p): InferenceProfile => {
          const id = p.inferenceProfileId ?? '';
          const geography = p.type === 'SYSTEM_DEFINED' ? /^([a-z]+)\./.exec(id)?.[1] : undefined;
          return {
            inferenceProfileId: id,
            inferenceProfileArn: p.inferenceProfileArn ?? '',
            inferenceProfileName: p.inferenceProfileName ?? id,
            type: p.type ?? '',
            status: p.status ?? '',
            ...opt('description', p.description),
            ...opt('geography', geography),
            models: (p.models ?? []).map((m) => ({ modelArn: m.modelArn ?? '', ...opt('region', m.modelArn?.split(':')[3] || undefined) })),
            ...opt('createdAt', iso(p.createdAt)),
            ...opt('updatedAt', iso(p.updatedAt)),
          };
        }),
        next: out.nextToken,
      };
    });
  }

  private provisioned(region: string): Promise<Collected<ProvisionedThroughput[]>> {
    return this.paginate('bedrock:ListProvisionedModelThroughputs', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListProvisionedModelThroughputsCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return {
        items: (out.provisionedModelSummaries ?? []).map((t) => ({
          provisionedModelName: t.provisionedModelName ?? '',
          provisionedModelArn: t.provisionedModelArn ?? '',
          modelArn: t.modelArn ?? '',
          foundationModelArn: t.foundationModelArn ?? '',
          modelUnits: t.modelUnits ?? 0,
          status: t.status ?? '',
          ...opt('commitmentDuration', t.commitmentDuration),
          ...opt('commitmentExpirationTime', iso(t.commitmentExpirationTime)),
          ...opt('creationTime', iso(t.creationTime)),
        })),
        next: out.nextToken,
      };
    });
  }

  private async customModels(region: string): Promise<Collected<CustomModel[]>> {
    const list = await this.paginate('bedrock:ListCustomModels', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListCustomModelsCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return { items: out.modelSummaries, next: out.nextToken };
    });
    return this.each(list, async (m): Promise<CustomModel> => {
      const detail = await this.call('bedrock:GetCustomModel', region, () => this.c().bedrock(region).send(new GetCustomModelCommand({ modelIdentifier: m.modelArn ?? m.modelName ?? '' })));
      return {
        modelArn: m.modelArn ?? '',
        modelName: m.modelName ?? '',
        ...opt('baseModelArn', m.baseModelArn),
        ...opt('customizationType', m.customizationType),
        ...opt('modelStatus', m.modelStatus),
        ...opt('ownerAccountId', m.ownerAccountId),
        ...opt('creationTime', iso(m.creationTime)),
        kmsKeyArn: detail.status === 'ok' ? known(detail.value.modelKmsKeyArn ?? null) : detail,
      };
    });
  }

  private async importedModels(region: string): Promise<Collected<ImportedModel[]>> {
    const list = await this.paginate('bedrock:ListImportedModels', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListImportedModelsCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return { items: out.modelSummaries, next: out.nextToken };
    });
    return this.each(list, async (m): Promise<ImportedModel> => {
      const detail = await this.call('bedrock:GetImportedModel', region, () => this.c().bedrock(region).send(new GetImportedModelCommand({ modelIdentifier: m.modelArn ?? m.modelName ?? '' })));
      return {
        modelArn: m.modelArn ?? '',
        modelName: m.modelName ?? '',
        ...opt('modelArchitecture', m.modelArchitecture),
        ...opt('creationTime', iso(m.creationTime)),
        kmsKeyArn: detail.status === 'ok' ? known(detail.value.modelKmsKeyArn ?? null) : detail,
      };
    });
  }

  private async logging(region: string): Promise<Collected<InvocationLoggingConfig | null>> {
    const r = await this.call('bedrock:GetModelInvocationLoggingConfiguration', region, () => this.c().bedrock(region).send(new GetModelInvocationLoggingConfigurationCommand({})));
    if (r.status !== 'ok') return r;
    const c = r.value.loggingConfig;
    if (!c || (!c.cloudWatchConfig?.logGroupName && !c.s3Config?.bucketName)) return known(null);
    return known({
      ...(c.cloudWatchConfig?.logGroupName
        ? {
            cloudWatch: {
              logGroupName: c.cloudWatchConfig.logGroupName,
              ...opt('roleArn', c.cloudWatchConfig.roleArn),
              ...(c.cloudWatchConfig.largeDataDeliveryS3Config?.bucketName
                ? { largeDataDeliveryS3: { bucketName: c.cloudWatchConfig.largeDataDeliveryS3Config.bucketName, ...opt('keyPrefix', c.cloudWatchConfig.largeDataDeliveryS3Config.keyPrefix) } }
                : {}),
            },
          }
        : {}),
      ...(c.s3Config?.bucketName ? { s3: { bucketName: c.s3Config.bucketName, ...opt('keyPrefix', c.s3Config.keyPrefix) } } : {}),
      ...opt('textDataDeliveryEnabled', c.textDataDeliveryEnabled),
      ...opt('imageDataDeliveryEnabled', c.imageDataDeliveryEnabled),
      ...opt('embeddingDataDeliveryEnabled', c.embeddingDataDeliveryEnabled),
      ...opt('videoDataDeliveryEnabled', c.videoDataDeliveryEnabled),
      ...opt('audioDataDeliveryEnabled', c.audioDataDeliveryEnabled),
    });
  }

  private async guardrails(region: string): Promise<Collected<Guardrail[]>> {
    const list = await this.paginate('bedrock:ListGuardrails', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListGuardrailsCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return { items: out.guardrails, next: out.nextToken };
    });
    return this.each(list, async (g): Promise<Guardrail> => {
      const id = g.id ?? '';
      const versionList = await this.paginate('bedrock:ListGuardrails', region, async (nextToken) => {
        const out = await this.c().bedrock(region).send(new ListGuardrailsCommand({ guardrailIdentifier: id, maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
        return { items: out.guardrails, next: out.nextToken };
      });
      const versions = await this.each(versionList, async (v): Promise<GuardrailVersion> => {
        const version = v.version ?? 'DRAFT';
        const detail = await this.call('bedrock:GetGuardrail', region, () => this.c().bedrock(region).send(new GetGuardrailCommand({ guardrailIdentifier: id, guardrailVersion: version })));
        return {
          version,
          status: v.status ?? '',
          ...opt('description', v.description),
          ...opt('createdAt', iso(v.createdAt)),
          ...opt('updatedAt', iso(v.updatedAt)),
          policy: detail.status === 'ok' ? known(toGuardrailPolicy(detail.value)) : detail,
        };
      });
      return {
        id,
        arn: g.arn ?? '',
        name: g.name ?? '',
        status: g.status ?? '',
        ...opt('description', g.description),
        ...opt('createdAt', iso(g.createdAt)),
        ...opt('updatedAt', iso(g.updatedAt)),
        versions,
      };
    });
  }

  private enforced(region: string): Promise<Collected<EnforcedGuardrailConfig[]>> {
    return this.paginate('bedrock:ListEnforcedGuardrailsConfiguration', region, async (nextToken) => {
      const out = await this.c().bedrock(region).send(new ListEnforcedGuardrailsConfigurationCommand({ ...(nextToken ? { nextToken } : {}) }));
      return {
        items: (out.guardrailsConfig ?? []).map(
          (c): EnforcedGuardrailConfig => ({
            ...opt('configId', c.configId),
            ...opt('guardrailArn', c.guardrailArn),
            ...opt('guardrailId', c.guardrailId),
            ...opt('guardrailVersion', c.guardrailVersion),
            ...opt('owner', c.owner),
            ...(c.modelEnforcement ? { modelEnforcement: { includedModels: c.modelEnforcement.includedModels ?? [], excludedModels: c.modelEnforcement.excludedModels ?? [] } } : {}),
            ...(c.selectiveContentGuarding ? { selectiveContentGuarding: { ...opt('system', c.selectiveContentGuarding.system), ...opt('messages', c.selectiveContentGuarding.messages) } } : {}),
            ...opt('inputTags', c.inputTags),
            ...opt('createdAt', iso(c.createdAt)),
            ...opt('updatedAt', iso(c.updatedAt)),
          }),
        ),
        next: out.nextToken,
      };
    });
  }

  private async agents(region: string): Promise<Collected<Agent[]>> {
    const list = await this.paginate('bedrock-agent:ListAgents', region, async (nextToken) => {
      const out = await this.c().bedrockAgent(region).send(new ListAgentsCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return { items: out.agentSummaries, next: out.nextToken };
    });
    return this.each(list, async (a): Promise<Agent> => {
      const detail = await this.call('bedrock-agent:GetAgent', region, () => this.c().bedrockAgent(region).send(new GetAgentCommand({ agentId: a.agentId ?? '' })));
      const summaryGuardrail = guardrailRef(a.guardrailConfiguration);
      return {
        agentId: a.agentId ?? '',
        agentName: a.agentName ?? '',
        agentStatus: a.agentStatus ?? '',
        ...opt('latestAgentVersion', a.latestAgentVersion),
        ...opt('updatedAt', iso(a.updatedAt)),
        ...opt('guardrail', summaryGuardrail),
        detail:
          detail.status === 'ok'
            ? known({
                agentArn: detail.value.agent?.agentArn ?? '',
                ...opt('foundationModel', detail.value.agent?.foundationModel),
                ...opt('agentResourceRoleArn', detail.value.agent?.agentResourceRoleArn),
                ...opt('customerEncryptionKeyArn', detail.value.agent?.customerEncryptionKeyArn),
                ...opt('idleSessionTTLInSeconds', detail.value.agent?.idleSessionTTLInSeconds),
                ...opt('guardrail', guardrailRef(detail.value.agent?.guardrailConfiguration)),
              })
            : detail,
      };
    });
  }

  private async knowledgeBases(region: string): Promise<Collected<KnowledgeBase[]>> {
    const list = await this.paginate('bedrock-agent:ListKnowledgeBases', region, async (nextToken) => {
      const out = await this.c().bedrockAgent(region).send(new ListKnowledgeBasesCommand({ maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
      return { items: out.knowledgeBaseSummaries, next: out.nextToken };
    });
    return this.each(list, async (kb): Promise<KnowledgeBase> => {
      const knowledgeBaseId = kb.knowledgeBaseId ?? '';
      const [detail, dsList] = await Promise.all([
        this.call('bedrock-agent:GetKnowledgeBase', region, () => this.c().bedrockAgent(region).send(new GetKnowledgeBaseCommand({ knowledgeBaseId }))),
        this.paginate('bedrock-agent:ListDataSources', region, async (nextToken) => {
          const out = await this.c()
            .bedrockAgent(region)
            .send(new ListDataSourcesCommand({ knowledgeBaseId, maxResults: PAGE, ...(nextToken ? { nextToken } : {}) }));
          return { items: out.dataSourceSummaries, next: out.nextToken };
        }),
      ]);
      const dataSources = await this.each(dsList, async (ds): Promise<KnowledgeBaseDataSource> => {
        const d = await this.call('bedrock-agent:GetDataSource', region, () =>
          this.c().bedrockAgent(region).send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId: ds.dataSourceId ?? '' })),
        );
        const source = d.status === 'ok' ? d.value.dataSource : undefined;
        return {
          dataSourceId: ds.dataSourceId ?? '',
          name: ds.name ?? '',
          status: ds.status ?? '',
          kmsKeyArn: d.status === 'ok' ? known(source?.serverSideEncryptionConfiguration?.kmsKeyArn ?? null) : d,
          ...opt('type', source?.dataSourceConfiguration?.type),
          ...opt('dataDeletionPolicy', source?.dataDeletionPolicy),
        };
      });
      const k = detail.status === 'ok' ? detail.value.knowledgeBase : undefined;
      return {
        knowledgeBaseId,
        name: kb.name ?? '',
        status: kb.status ?? '',
        ...opt('updatedAt', iso(kb.updatedAt)),
        detail:
          detail.status === 'ok'
            ? known({
                knowledgeBaseArn: k?.knowledgeBaseArn ?? '',
                ...opt('roleArn', k?.roleArn),
                ...opt('type', k?.knowledgeBaseConfiguration?.type),
                ...opt('storageType', k?.storageConfiguration?.type),
                ...opt('embeddingModelArn', k?.knowledgeBaseConfiguration?.vectorKnowledgeBaseConfiguration?.embeddingModelArn ?? k?.knowledgeBaseConfiguration?.managedKnowledgeBaseConfiguration?.embeddingModelArn),
                ...opt('kmsKeyArn', k?.knowledgeBaseConfiguration?.managedKnowledgeBaseConfiguration?.serverSideEncryptionConfiguration?.kmsKeyArn),
              })
            : detail,
        dataSources,
      };
    });
  }

  private vpcEndpoints(region: string): Promise<Collected<VpcEndpoint[]>> {
    const names = BEDROCK_ENDPOINT_SERVICES.map((s) => `com.amazonaws.${region}.${s}`);
    return this.paginate('ec2:DescribeVpcEndpoints', region, async (NextToken) => {
      const out = await this.c()
        .ec2(region)
        .send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'service-name', Values: names }], MaxResults: PAGE, ...(NextToken ? { NextToken } : {}) }));
      return {
        items: (out.VpcEndpoints ?? []).map(
          (e): VpcEndpoint => ({
            vpcEndpointId: e.VpcEndpointId ?? '',
            vpcId: e.VpcId ?? '',
            serviceName: e.ServiceName ?? '',
            bedrockService: (e.ServiceName ?? '').slice(`com.amazonaws.${region}.`.length),
            ...opt('vpcEndpointType', e.VpcEndpointType),
            state: (e.State ?? '').toLowerCase(),
            ...opt('privateDnsEnabled', e.PrivateDnsEnabled),
            ...(e.PolicyDocument ? { policy: policyDocument(e.PolicyDocument, false) } : {}),
          }),
        ),
        next: out.NextToken,
      };
    });
  }
}

/** Collects once with a fresh session. Throws {@link AwsCredentialsError} when credentials are missing or expired. */
export async function collectPosture(options: CollectOptions): Promise<PostureSnapshot> {
  const session = new PostureSession(options);
  try {
    return await session.collect();
  } finally {
    session.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping helpers (exported for tests)

function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function iso(d: Date | undefined): string | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

function guardrailRef(g: { guardrailIdentifier?: string | undefined; guardrailVersion?: string | undefined } | undefined) {
  if (!g?.guardrailIdentifier) return undefined;
  return { guardrailIdentifier: g.guardrailIdentifier, ...opt('guardrailVersion', g.guardrailVersion) };
}

export function toIdentity(arn: string, account: string, userId: string): CallerIdentity {
  const [, partition = 'aws', , , , resource = ''] = arn.split(':');
  let principalType: PrincipalType = 'unknown';
  let roleArn: string | undefined;
  let sessionName: string | undefined;
  if (resource === 'root') principalType = 'root';
  else if (resource.startsWith('user/')) principalType = 'user';
  else if (resource.startsWith('federated-user/')) principalType = 'federated-user';
  else if (resource.startsWith('assumed-role/')) {
    const [, role = '', session] = resource.split('/');
    principalType = role.startsWith('AWSReservedSSO_') ? 'sso-role' : 'assumed-role';
    roleArn = `arn:${partition}:iam::${account}:role/${role}`;
    sessionName = session;
  }
  return { account, arn, userId, principalType, ...opt('roleArn', roleArn), ...opt('sessionName', sessionName) };
}

/** IAM returns documents URL-encoded (RFC 3986); EC2 endpoint policies come as plain JSON. */
export function policyDocument(raw: string, urlEncoded = true): PolicyDocumentValue {
  let text = raw;
  if (urlEncoded) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      text = raw;
    }
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && 'Statement' in parsed) return { text, parsed: parsed as IamPolicyDocument };
    return { text, parsed: null, parseError: 'not an IAM policy document (no Statement)' };
  } catch (e) {
    return { text, parsed: null, parseError: (e as Error).message };
  }
}

function tags(list: { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
}

function inline(list: { PolicyName?: string | undefined; PolicyDocument?: string | undefined }[] | undefined) {
  return (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', document: policyDocument(p.PolicyDocument ?? '') }));
}

function attached(list: { PolicyName?: string | undefined; PolicyArn?: string | undefined }[] | undefined) {
  return (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' }));
}

export function toIamDetails(pages: GetAccountAuthorizationDetailsCommandOutput[]): IamAuthorizationDetails {
  const details: IamAuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
  for (const p of pages) {
    for (const u of p.UserDetailList ?? []) {
      details.users.push({
        userName: u.UserName ?? '',
        userId: u.UserId ?? '',
        arn: u.Arn ?? '',
        path: u.Path ?? '/',
        ...opt('createDate', iso(u.CreateDate)),
        inlinePolicies: inline(u.UserPolicyList),
        attachedManagedPolicies: attached(u.AttachedManagedPolicies),
        groups: u.GroupList ?? [],
        ...opt('permissionsBoundaryArn', u.PermissionsBoundary?.PermissionsBoundaryArn),
        tags: tags(u.Tags),
      });
    }
    for (const g of p.GroupDetailList ?? []) {
      details.groups.push({
        groupName: g.GroupName ?? '',
        groupId: g.GroupId ?? '',
        arn: g.Arn ?? '',
        path: g.Path ?? '/',
        ...opt('createDate', iso(g.CreateDate)),
        inlinePolicies: inline(g.GroupPolicyList),
        attachedManagedPolicies: attached(g.AttachedManagedPolicies),
      });
    }
    for (const r of p.RoleDetailList ?? []) {
      const path = r.Path ?? '/';
      const lastUsed = r.RoleLastUsed && (r.RoleLastUsed.LastUsedDate || r.RoleLastUsed.Region) ? { ...opt('lastUsedDate', iso(r.RoleLastUsed.LastUsedDate)), ...opt('region', r.RoleLastUsed.Region) } : undefined;
      details.roles.push({
        roleName: r.RoleName ?? '',
        roleId: r.RoleId ?? '',
        arn: r.Arn ?? '',
        path,
        ...opt('createDate', iso(r.CreateDate)),
        inlinePolicies: inline(r.RolePolicyList),
        attachedManagedPolicies: attached(r.AttachedManagedPolicies),
        trustPolicy: policyDocument(r.AssumeRolePolicyDocument ?? ''),
        ...opt('permissionsBoundaryArn', r.PermissionsBoundary?.PermissionsBoundaryArn),
        tags: tags(r.Tags),
        serviceLinked: path.startsWith('/aws-service-role/'),
        ssoReserved: (r.RoleName ?? '').startsWith('AWSReservedSSO_'),
        ...opt('roleLastUsed', lastUsed),
      });
    }
    for (const m of p.Policies ?? []) {
      const versions = (m.PolicyVersionList ?? []).map((v) => ({
        versionId: v.VersionId ?? '',
        isDefaultVersion: Boolean(v.IsDefaultVersion),
        ...opt('createDate', iso(v.CreateDate)),
        document: policyDocument(v.Document ?? ''),
      }));
      const def = versions.find((v) => v.isDefaultVersion) ?? versions.find((v) => v.versionId === m.DefaultVersionId);
      const policy: IamManagedPolicy = {
        arn: m.Arn ?? '',
        policyName: m.PolicyName ?? '',
        ...opt('policyId', m.PolicyId),
        path: m.Path ?? '/',
        awsManaged: /^arn:[^:]+:iam::aws:policy\//.test(m.Arn ?? ''),
        ...opt('defaultVersionId', m.DefaultVersionId),
        ...opt('attachmentCount', m.AttachmentCount),
        ...opt('permissionsBoundaryUsageCount', m.PermissionsBoundaryUsageCount),
        ...opt('isAttachable', m.IsAttachable),
        ...opt('description', m.Description),
        ...opt('createDate', iso(m.CreateDate)),
        ...opt('updateDate', iso(m.UpdateDate)),
        defaultDocument: def?.document ?? null,
        versions,
      };
      details.policies.push(policy);
    }
  }
  return details;
}

export function toGuardrailPolicy(g: GetGuardrailCommandOutput): GuardrailPolicy {
  const sip = g.sensitiveInformationPolicy;
  return {
    ...(g.contentPolicy
      ? {
          contentPolicy: {
            filters: (g.contentPolicy.filters ?? []).map((f) => ({
              type: f.type ?? '',
              inputStrength: f.inputStrength ?? 'NONE',
              outputStrength: f.outputStrength ?? 'NONE',
              ...opt('inputAction', f.inputAction),
              ...opt('outputAction', f.outputAction),
              ...opt('inputEnabled', f.inputEnabled),
              ...opt('outputEnabled', f.outputEnabled),
              ...opt('inputModalities', f.inputModalities),
              ...opt('outputModalities', f.outputModalities),
            })),
            ...opt('tier', g.contentPolicy.tier?.tierName),
          },
        }
      : {}),
    ...(sip
      ? {
          sensitiveInformationPolicy: {
            piiEntities: (sip.piiEntities ?? []).map((e) => ({
              ...opt('type', e.type),
              action: e.action ?? 'NONE',
              ...opt('inputAction', e.inputAction),
              ...opt('outputAction', e.outputAction),
              ...opt('inputEnabled', e.inputEnabled),
              ...opt('outputEnabled', e.outputEnabled),
            })),
            regexes: (sip.regexes ?? []).map((r) => ({
              name: r.name ?? '',
              pattern: r.pattern ?? '',
              action: r.action ?? 'NONE',
              ...opt('inputAction', r.inputAction),
              ...opt('outputAction', r.outputAction),
              ...opt('inputEnabled', r.inputEnabled),
              ...opt('outputEnabled', r.outputEnabled),
            })),
          },
        }
      : {}),
    ...(g.contextualGroundingPolicy
      ? {
          contextualGroundingPolicy: {
            filters: (g.contextualGroundingPolicy.filters ?? []).map((f) => ({ type: f.type ?? '', threshold: f.threshold ?? 0, ...opt('action', f.action), ...opt('enabled', f.enabled) })),
          },
        }
      : {}),
    ...(g.topicPolicy
      ? {
          topicPolicy: {
            topics: (g.topicPolicy.topics ?? []).map((t) => ({
              name: t.name ?? '',
              ...opt('type', t.type),
              ...opt('inputAction', t.inputAction),
              ...opt('outputAction', t.outputAction),
              ...opt('inputEnabled', t.inputEnabled),
              ...opt('outputEnabled', t.outputEnabled),
            })),
            ...opt('tier', g.topicPolicy.tier?.tierName),
          },
        }
      : {}),
    ...(g.wordPolicy
      ? {
          wordPolicy: {
            wordCount: g.wordPolicy.words?.length ?? 0,
            managedWordLists: (g.wordPolicy.managedWordLists ?? []).map((w) => ({ type: w.type ?? '', ...opt('inputAction', w.inputAction), ...opt('outputAction', w.outputAction) })),
          },
        }
      : {}),
    ...(g.automatedReasoningPolicy ? { automatedReasoningPolicy: { policies: g.automatedReasoningPolicy.policies ?? [], ...opt('confidenceThreshold', g.automatedReasoningPolicy.confidenceThreshold) } } : {}),
    ...opt('kmsKeyArn', g.kmsKeyArn),
    ...opt('crossRegionProfileArn', g.crossRegionDetails?.guardrailProfileArn),
  };
}
