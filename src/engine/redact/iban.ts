/**
 * ibantools ships as an ES module with a CommonJS build; TypeScript (node16, CommonJS output) only lets a CommonJS
 * file reach it through require(). Types come from the package itself.
 */
import type * as Ibantools from 'ibantools' with { 'resolution-mode': 'require' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ibantools = require('ibantools') as typeof Ibantools;

export const { isValidIBAN, electronicFormatIBAN, countrySpecs } = ibantools;
