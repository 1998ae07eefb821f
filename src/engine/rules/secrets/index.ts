import type { Rule } from '../rule';
import awsAccessKeyId from './awsAccessKeyId';

/** Secret-family rules, in id order. */
export const SECRET_RULES: readonly Rule[] = [awsAccessKeyId];
