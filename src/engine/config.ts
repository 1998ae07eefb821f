/**
 * `.genai-guard.yml` at the workspace root: include/exclude globs, disabled rules, severity overrides, a baseline of
 * accepted findings. Parsed from text (no I/O here); an invalid file is a clear error naming the file and the line.
 *
 * ```yaml
 * exclude: ["**\/test/fixtures/**"]
 * disable: [GG-IAM-011]
 * severity: { GG-ENC-001: warning }
 * baseline: .genai-guard-baseline.json
 * ```
 */
import picomatch from 'picomatch';
import type { Node as YamlNode } from 'yaml';
import { yamlLib } from './iac/yamlLib';
import type { Severity } from './finding';
import { getRule } from './rules';
import type { ScanOptions } from './scan';
import { LineIndex } from './text';

export const CONFIG_FILE_NAMES = ['.genai-guard.yml', '.genai-guard.yaml'] as const;

export interface GuardFileConfig {
  include: string[];
  exclude: string[];
  disable: string[];
  severity: Record<string, Severity | 'off'>;
  baseline?: string;
  /** Sections other features read (e.g. `redaction`), passed through untouched. */
  extra: Record<string, unknown>;
}

export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class ConfigFileError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

const KNOWN = new Set(['version', 'include', 'exclude', 'disable', 'severity', 'baseline']);
const SEVERITIES = new Set(['error', 'warning', 'note', 'off']);

export const EMPTY_CONFIG: GuardFileConfig = { include: [], exclude: [], disable: [], severity: {}, extra: {} };

/** Parses a config file's text. Throws ConfigFileError (every problem, with positions) when it is invalid. */
export function parseConfig(text: string, file: string): GuardFileConfig {
  const lines = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string) => {
    const p = lines.position(offset);
    errors.push({ file, line: p.line, column: p.column, message });
  };
  const { isMap, isScalar, isSeq, parseDocument } = yamlLib();
  const doc = parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) at(e.pos[0], e.message.split('\n')[0] ?? e.message);
  const config: GuardFileConfig = { include: [], exclude: [], disable: [], severity: {}, extra: {} };
  const root = doc.contents as YamlNode | null;
  if (errors.length === 0 && root !== null && !isMap(root)) at(root.range?.[0] ?? 0, 'expected a mapping of settings (include, exclude, disable, severity, baseline)');
  if (errors.length === 0 && root && isMap(root)) {
    for (const pair of root.items) {
      const keyNode = pair.key as YamlNode;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const value = pair.value as YamlNode | null;
      const offset = keyNode.range?.[0] ?? 0;
      const valueOffset = value?.range?.[0] ?? offset;
      const stringList = (what: string): string[] => {
        if (!value || !isSeq(value)) {
          at(valueOffset, `"${key}" must be a list of ${what}`);
          return [];
        }
        const out: string[] = [];
        for (const item of value.items as YamlNode[]) {
          if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
          else at(item.range?.[0] ?? valueOffset, `"${key}" entries must be strings`);
        }
        return out;
      };
      switch (key) {
        case 'version':
          if (!isScalar(value) || value.value !== 1) at(valueOffset, '"version" must be 1');
          break;
        case 'include':
        case 'exclude':
          for (const glob of stringList('glob patterns')) {
            try {
              picomatch(glob);
              config[key].push(glob);
            } catch (e) {
              at(valueOffset, `invalid glob "${glob}": ${(e as Error).message}`);
            }
          }
          break;
        case 'disable':
          for (const id of stringList('rule ids')) {
            if (!getRule(id)) at(valueOffset, `unknown rule id "${id}" in "disable"`);
            else config.disable.push(id);
          }
          break;
        case 'severity':
          if (!value || !isMap(value)) {
            at(valueOffset, '"severity" must map rule ids to error, warning, note or off');
            break;
          }
          for (const p of value.items) {
            const k = p.key as YamlNode;
            const v = p.value as YamlNode | null;
            const id = isScalar(k) ? String(k.value) : '';
            const sev = v && isScalar(v) ? String(v.value) : '';
            if (!getRule(id)) at(k.range?.[0] ?? valueOffset, `unknown rule id "${id}" in "severity"`);
            else if (!SEVERITIES.has(sev)) at(v?.range?.[0] ?? valueOffset, `severity of ${id} must be error, warning, note or off (got "${sev}")`);
            else config.severity[id] = sev as Severity | 'off';
          }
          break;
        case 'baseline':
          if (!isScalar(value) || typeof value.value !== 'string' || !value.value) at(valueOffset, '"baseline" must be a file path');
          else config.baseline = value.value;
          break;
        default:
          if (KNOWN.has(key)) break;
          if (/^[a-z][a-zA-Z]*$/.test(key) && ['redaction', 'cards', 'posture', 'sandbox'].includes(key)) {
            config.extra[key] = value ? (value.toJSON() as unknown) : null;
          } else {
            at(offset, `unknown setting "${key}" (expected include, exclude, disable, severity, baseline)`);
          }
      }
    }
  }
  if (errors.length) throw new ConfigFileError(errors);
  return config;
}

export function toScanOptions(config: GuardFileConfig, base: ScanOptions = {}): ScanOptions {
  return {
    ...base,
    disabledRules: [...(base.disabledRules ?? []), ...config.disable],
    severityOverrides: { ...config.severity, ...(base.severityOverrides ?? {}) },
  };
}

/** A path filter from the config's include/exclude globs (paths relative to the config's folder, POSIX). */
export function pathFilter(config: GuardFileConfig): (relativePath: string) => boolean {
  const include = config.include.length ? picomatch(config.include, { dot: true }) : undefined;
  const exclude = config.exclude.length ? picomatch(config.exclude, { dot: true }) : undefined;
  return (p) => (!include || include(p)) && !exclude?.(p);
}

// ── baseline ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  reason?: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export function parseBaseline(text: string, file: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigFileError([{ file, line: 1, column: 1, message: `baseline is not valid JSON (${(e as Error).message})` }]);
  }
  const findings = (data as Partial<Baseline>).findings;
  if (!Array.isArray(findings)) throw new ConfigFileError([{ file, line: 1, column: 1, message: 'baseline must be {"version": 1, "findings": [{"fingerprint", "ruleId", "file"}]}' }]);
  return new Set(findings.map((f: Partial<BaselineEntry>) => f.fingerprint).filter((f): f is string => typeof f === 'string'));
}
