/** Regex building blocks for the catalogue. Every piece is bounded, so each pattern runs in linear time. */

/** Between a key name and its value: closing quote/bracket, spaces, an assignment operator, an opening quote (JSON-escaped quotes too, as in notebooks). */
export const SEP = String.raw`[\\"'\]]{0,3}[^\S\r\n]{0,8}(?:=>|:=|::|[=:,(>])?[^\S\r\n]{0,8}@?[(\\"'\x60]{0,3}`;

/** Not preceded by a token character (fixed-width lookbehind). */
export const NOT_AFTER = String.raw`(?<![A-Za-z0-9_])`;
/** Not followed by a token character. */
export const NOT_BEFORE = String.raw`(?![A-Za-z0-9_])`;

/**
 * A keyword-anchored pattern: `name` (a bounded regex source for the key, e.g. `wandb[A-Za-z_.-]{0,20}key`)
 * followed by an assignment, then `value` captured as `secret`. Case-insensitive: key names vary in case.
 */
export function anchored(name: string, value: string, valueEnd = String.raw`(?![A-Za-z0-9_/+=-])`): RegExp {
  return new RegExp(String.raw`(?:${name})(?![A-Za-z0-9])${SEP}(?<secret>${value})${valueEnd}`, 'gi');
}

/** A prefixed token with token-character boundaries on both sides. */
export function prefixed(source: string, flags = 'g'): RegExp {
  return new RegExp(String.raw`${NOT_AFTER}(?<secret>${source})(?![A-Za-z0-9_-])`, flags);
}
