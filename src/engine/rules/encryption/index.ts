import type { Rule } from '../rule';

/** Encryption and exposure rules, in id order. */
export const ENCRYPTION_RULES: readonly Rule[] = [];
