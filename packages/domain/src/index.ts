import { z } from 'zod';

// Validation messages reach clerks in the UI: speak Chinese everywhere the schemas are used.
z.config(z.locales.zhCN());

export * from './accounts/password-policy.js';
export * from './accounts/schemas.js';
export * from './audit/schemas.js';
export * from './common/schemas.js';
export * from './errors.js';
export * from './roles.js';
export * from './units/schemas.js';
