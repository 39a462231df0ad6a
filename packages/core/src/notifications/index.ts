export * from './inbox.js';
export * from './notify.js';
