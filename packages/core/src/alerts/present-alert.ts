import type { AlertInput } from './alert-schemas.js';

/**
 * What a member sees of an alert body. Only the owner sees the visibility list: whom an owner
 * shares with, or keeps out, is itself sensitive and of no use to anyone else.
 */
export function presentBodyFor<T extends Pick<AlertInput, 'visibility'>>(member: string, owner: string, body: T): T | Omit<T, 'visibility'> {
  if (member === owner) return body;
  const { visibility: _hidden, ...rest } = body;
  return rest;
}
