import { z } from 'zod';

// Validation messages reach clerks in the UI: speak Chinese everywhere the schemas are used.
z.config(z.locales.zhCN());

export * from './accounts/password-policy.js';
export * from './accounts/schemas.js';
export * from './audit/schemas.js';
export * from './common/schemas.js';
export * from './common/list-query.js';
export * from './errors.js';
export * from './roles.js';
export * from './units/schemas.js';
export * from './calendar/index.js';
export * from './calendar/schemas.js';
export * from './policy/index.js';
export * from './supervision/schemas.js';
export * from './notifications/schemas.js';
export * from './clocks/ladder.js';
export * from './tasks/index.js';
export * from './clues/index.js';
export * from './handoffs/index.js';
export * from './meetings/index.js';
export * from './letters/index.js';
export * from './stat-reports/index.js';
export * from './briefings/index.js';
export * from './dashboard/index.js';
export * from './operations/queues.js';
export * from './conferences/index.js';
