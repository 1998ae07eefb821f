/** A secret format the scanner reports and the redaction engine replaces (one catalogue, two users). */
export interface SecretPattern {
  /** Stable kebab-case id of the format, e.g. `aws-access-key-id`. */
  id: string;
  /** The scanner rule that reports it, e.g. `GG-SEC-001`. */
  ruleId: string;
  /** Human label used in messages: "AWS access key id". */
  label: string;
  /**
   * Global regex; capture group `secret` (named) or group 1 marks the secret itself, else the whole match.
   * Must run in time linear in the input (no nested quantifiers; lookarounds only of fixed width).
   */
  regex: RegExp;
  /** Cheap pre-filter: the regex only runs when the text contains one of these (case-sensitive). */
  keywords: readonly string[];
  /**
   * For patterns whose start the regex engine finds slowly (a long case-insensitive alternation): where a match can
   * start. `stems(text)` gives, in ascending order, every position of a word that each match contains at most `back`
   * characters after its start (a superset is fine). Candidate starts are tried with a sticky copy of `regex`, which
   * yields exactly the matches a full scan would.
   */
  anchor?: { stems: (text: string) => number[]; back: number };
  /** Extra check on the secret (entropy, checksum, placeholder filters); false drops the match. */
  validate?: (secret: string, context: SecretContext) => boolean;
  /** Details shown with the finding (e.g. a decoded expiry); never the secret itself. */
  describe?: (secret: string) => string | undefined;
  /** Severity of a match when it differs from the rule's default (e.g. `warning` for test-mode keys). */
  severity?: (secret: string) => 'error' | 'warning' | 'note' | undefined;
  /**
   * A low-confidence fallback (generic keyword or URL rules): a match is dropped when a specific (non-fallback)
   * pattern matches an overlapping span, so one secret is reported once, by the most precise rule.
   */
  fallback?: boolean;
}

export interface SecretContext {
  /** The whole text being scanned. */
  text: string;
  /** UTF-16 offset of the secret in the text. */
  start: number;
  end: number;
  /** The full regex match (named groups included), for validators that look at the key name or quoting. */
  match?: RegExpMatchArray;
  /** The keywords the caller found in the whole text (covering every catalogue pattern's keywords), if it did. */
  present?: ReadonlySet<string>;
}

export interface SecretMatch {
  patternId: string;
  ruleId: string;
  label: string;
  /** UTF-16 offsets of the secret, end exclusive. */
  start: number;
  end: number;
  value: string;
  detail?: string;
  /** Set when the pattern gives this match a severity other than its rule's default. */
  severity?: 'error' | 'warning' | 'note';
}
