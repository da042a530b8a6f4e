import { AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS } from '@crosscheck/core';
import { describe, expect, it } from 'vitest';
import { EN, type Dictionary, type MessageKey } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dictionary as ar } from '../../i18n/languages/ar.ts';
import { dictionary as es } from '../../i18n/languages/es.ts';
import { dictionary as fr } from '../../i18n/languages/fr.ts';
import { actionText, actorText, outcomeKind, outcomeText, roleText, targetParts } from './audit-words.ts';

const LANGUAGES: [string, Dictionary][] = [
  ['en', EN],
  ['fr', fr],
  ['es', es],
  ['ar', ar],
];

const translate =
  (dict: Dictionary): Translate =>
  (key: MessageKey, params?: Record<string, string | number>) =>
    dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));

describe.each(LANGUAGES)('the audit trail in words (%s)', (language, dict) => {
  const t = translate(dict);

  it.each(AUDIT_ACTIONS.map((a) => [a]))('says what %s means', (action) => {
    const text = actionText(t, action);
    expect(text).toBeTruthy();
    expect(text).not.toContain(action);
    // English is the reference; another language that only copies it has not been translated.
    if (language !== 'en') expect(text).not.toBe(actionText(translate(EN), action));
  });

  it('reads entries written under an older action name as the current one', () => {
    for (const [old, current] of Object.entries(LEGACY_AUDIT_ACTIONS)) expect(actionText(t, old)).toBe(actionText(t, current));
    expect(actionText(t, 'future.action')).toBeNull();
  });

  it('puts every outcome, role and target kind into words', () => {
    const outcomes = ['ok', 'alert.not-found', 'access.forbidden', 'auth.required', 'auth.locked-out', 'validation.invalid', 'alert.version', 'rate.limited', 'photo.too-large', 'something.else'];
    expect(outcomes.map(outcomeKind)).toEqual(['ok', 'not-found', 'forbidden', 'unauthenticated', 'limited', 'invalid', 'conflict', 'limited', 'too-large', 'other']);
    for (const o of outcomes) expect(outcomeText(t, o)).not.toMatch(/[a-z]+\.[a-z-]+/);
    // Some words are the codes themselves ("bureau" in English and French); in Arabic none may be.
    for (const role of ['bureau', 'frontline', 'reviewer', 'analyst', 'auditor', 'admin', 'replica', 'carrier', 'system', '']) {
      expect(roleText(t, role)).toBeTruthy();
      if (language === 'ar') expect(roleText(t, role)).not.toMatch(/[a-z]/);
    }
    for (const target of ['alert:1', 'hit:1', 'link:1', 'user:1', 'key:1', 'member:FRA', 'message:1', 'screening:1', 'webhook:1', 'username:x', 'source:1', 'audit', 'alerts', 'changes', 'events:FRA', 'hits', 'keys', 'links', 'members', 'messages', 'replica:x', 'review', 'screenings', 'session', 'stats', 'un-sc', 'users', 'webhooks:FRA']) {
      expect(targetParts(t, target).kind).not.toBe(t('audit.targetKind.other'));
    }
    expect(targetParts(t, 'whatever:1')).toEqual({ kind: t('audit.targetKind.other'), id: '1' });
  });

  it('names who acted without showing a credential code', () => {
    expect(actorText(t, 'user:0190-aa', 'fra.anna')).toBe('fra.anna');
    expect(actorText(t, 'key:0190-bb', 'border gate 3')).toContain('border gate 3');
    expect(actorText(t, 'system:scheduler', null)).toBe(t('audit.actorSystem'));
    for (const c of ['key:0190-bb', 'cli:root', 'system', 'key-prefix:cc_abc', 'username:nobody', 'session', 'malformed-header', 'user:gone']) expect(actorText(t, c, null)).not.toMatch(/^(user|key|cli|system|key-prefix|username):/);
  });
});
