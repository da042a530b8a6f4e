export * from './hit-schemas.js';
export * from './message-schemas.js';
export * from './reply-deadline.js';
