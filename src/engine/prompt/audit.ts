/**
 * The local audit record of a request that was sent: the redacted request exactly as sent (never an original value),
 * its SHA-256, model, region and time, what was redacted (counts per type) and what the user chose to restore
 * (channel, offsets and type only). One JSON object per line (JSON Lines); the caller appends it to a file.
 */
import { createHash } from 'node:crypto';
import type { EntityType } from '../redact';
import type { ConverseRequest, SpanRef } from './request';

export interface AuditRecord {
  time: string;
  model: string;
  region: string;
  guardrail?: string;
  /** SHA-256 (hex) of `request` serialised as in this record. */
  sha256: string;
  request: ConverseRequest;
  redacted: Partial<Record<EntityType, number>>;
  restoredByUser: SpanRef[];
  source: 'sandbox' | 'cli';
}

export function requestHash(request: ConverseRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

export function auditRecord(args: {
  request: ConverseRequest;
  region: string;
  redacted: Partial<Record<EntityType, number>>;
  restored: SpanRef[];
  source: 'sandbox' | 'cli';
  now?: Date;
}): AuditRecord {
  const g = args.request.guardrailConfig;
  return {
    time: (args.now ?? new Date()).toISOString(),
    model: args.request.modelId,
    region: args.region,
    ...(g ? { guardrail: `${g.guardrailIdentifier}:${g.guardrailVersion}` } : {}),
    sha256: requestHash(args.request),
    request: args.request,
    redacted: args.redacted,
    restoredByUser: args.restored,
    source: args.source,
  };
}

export function auditLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}
