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
  /** Extra check on the secret (entropy, checksum, placeholder filters); false drops the match. */
  validate?: (secret: string, context: SecretContext) => boolean;
  /** Details shown with the finding (e.g. a decoded expiry); never the secret itself. */
  describe?: (secret: string) => string | undefined;
}

export interface SecretContext {
  /** The whole text being scanned. */
  text: string;
  /** UTF-16 offset of the secret in the text. */
  start: number;
  end: number;
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
}
