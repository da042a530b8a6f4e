export * from './pre-checks.js';
