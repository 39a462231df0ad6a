export * from './inbox.js';
export * from './list.js';
export * from './notify.js';
export * from './read-all.js';
export * from './read-subject.js';
export * from './deliver-webhook.js';
