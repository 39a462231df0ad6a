export * from './inbox.js';
export * from './notify.js';
export * from './read-subject.js';
