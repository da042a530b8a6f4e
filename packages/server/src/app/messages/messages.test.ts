import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, as, domainError, openTestDeps, type TestContext } from '../../../test/engines.js';
import { queryAudit } from '../../store/audit-repo.js';
import { eventsAfter } from '../../store/event-repo.js';
import { setMemberStatus } from '../../store/member-repo.js';
import { inWriteTransaction } from '../../store/write-transaction.js';
import { getAttachment } from './get-attachment.js';
import { getMessage } from './get-message.js';
import { listMessages } from './list-messages.js';
import { sendMessage } from './send-message.js';

const pdf = Buffer.from('%PDF-1.7\n\u0000\u00ff binary tail');
const letter = (extra: Record<string, unknown> = {}) => ({
  to: ['fra', 'ITA'],
  subject: 'Stolen passports',
  body: 'The list of numbers is attached.',
  handlingCode: 'H1',
  attachments: [{ filename: 'list.pdf', contentType: 'application/pdf', dataBase64: pdf.toString('base64') }],
  ...extra,
});

describe.each(ENGINES)('messages between bureaus on %s', (engine) => {
  let t: TestContext;
  let dir: string | null = null;
  beforeEach(async () => {
    t = await openTestDeps(engine);
  });
  afterEach(async () => {
    await t.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('delivers a message with its attachment to each recipient and tells them', async () => {
    const sent = await sendMessage(t.deps, as('DEU'), letter());
    expect(sent).toMatchObject({ from: 'DEU', to: ['FRA', 'ITA'], subject: 'Stolen passports', handlingCode: 'H1', recipients: [{ member: 'FRA', readAt: null }, { member: 'ITA', readAt: null }] });
    expect(sent.attachments).toEqual([{ id: expect.any(String), filename: 'list.pdf', contentType: 'application/pdf', size: pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const inbox = await listMessages(t.deps, as('FRA'), { box: 'inbox' });
    expect(inbox.items.map((m) => [m.id, m.from, m.readAt])).toEqual([[sent.id, 'DEU', null]]);
    expect(inbox.items[0]).not.toHaveProperty('body');
    const got = await getAttachment(t.deps, as('FRA'), sent.id, sent.attachments[0]!.id);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got).toMatchObject({ filename: 'list.pdf', contentType: 'application/pdf' });

    for (const member of ['FRA', 'ITA']) {
      const received = (await eventsAfter(t.deps.db, member, 0, 100)).filter((e) => e.type === 'message.received').map((e) => e.data);
      expect(received).toEqual([{ messageId: sent.id, from: 'DEU', subject: 'Stolen passports' }]);
    }
  });

  it('shows the sender a read receipt the first time a recipient reads', async () => {
    let now = new Date('2026-03-01T08:00:00.000Z');
    t.deps.clock = () => now;
    const sent = await sendMessage(t.deps, as('DEU'), letter());
    now = new Date('2026-03-01T09:00:00.000Z');
    const read = await getMessage(t.deps, as('FRA'), sent.id);
    expect(read).toMatchObject({ body: 'The list of numbers is attached.', readAt: '2026-03-01T09:00:00.000Z' });
    // Who sent it and who else read it is for the sender's eyes.
    expect(read).not.toHaveProperty('recipients');
    expect(read).not.toHaveProperty('sentBy');
    now = new Date('2026-03-01T10:00:00.000Z');
    await getMessage(t.deps, as('FRA'), sent.id);

    const forSender = await getMessage(t.deps, as('DEU'), sent.id);
    expect(forSender.recipients).toEqual([
      { member: 'FRA', readAt: '2026-03-01T09:00:00.000Z' },
      { member: 'ITA', readAt: null },
    ]);
    const sentBox = await listMessages(t.deps, as('DEU'), { box: 'sent' });
    expect(sentBox.items[0]!.recipients).toEqual(forSender.recipients);
    expect((await listMessages(t.deps, as('DEU'), {})).items).toEqual([]);
  });

  it('hides a message and its attachments from members that neither sent nor received it', async () => {
    const sent = await sendMessage(t.deps, as('DEU'), letter());
    const hidden = await domainError(getMessage(t.deps, as('ESP'), sent.id));
    const missing = await domainError(getMessage(t.deps, as('ESP'), 'no-such-message'));
    expect([hidden.kind, hidden.code]).toEqual(['not-found', 'message.not-found']);
    expect(hidden.message).toBe(missing.message);
    expect((await domainError(getAttachment(t.deps, as('ESP'), sent.id, sent.attachments[0]!.id))).kind).toBe('not-found');
    expect((await listMessages(t.deps, as('ESP'), {})).items).toEqual([]);
  });

  it('refuses unknown and suspended recipients, naming the code', async () => {
    const unknown = await domainError(sendMessage(t.deps, as('DEU'), letter({ to: ['FRA', 'XXQ'] })));
    expect([unknown.kind, unknown.field]).toEqual(['validation', 'to.1']);
    expect(unknown.message).toContain('XXQ');
    await inWriteTransaction(t.deps.db, (tx) => setMemberStatus(tx, 'ITA', 'suspended'));
    expect((await domainError(sendMessage(t.deps, as('DEU'), letter()))).message).toContain('ITA');
    expect((await listMessages(t.deps, as('FRA'), {})).items).toEqual([]);
  });

  it('refuses an attachment over 1 MiB with a clear message, and frontline senders', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    const e = await domainError(sendMessage(t.deps, as('DEU'), letter({ attachments: [{ filename: 'scan.tif', contentType: 'image/tiff', dataBase64: big }] })));
    expect([e.kind, e.field]).toEqual(['too-large', 'attachments.0.dataBase64']);
    expect(e.message).toContain('scan.tif');
    expect(e.message).toContain('1 MiB');
    expect((await domainError(sendMessage(t.deps, as('DEU', 'frontline'), letter()))).kind).toBe('forbidden');
    const refusals = await queryAudit(t.deps.db, { action: 'message.send', limit: 10 });
    expect(refusals.map((r) => r.outcome).sort()).toEqual(['access.forbidden', 'message.attachment-too-large']);
  });

  it('keeps attachments in the configured folder when there is one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-attachments-'));
    t.deps.cooperation = { ...t.deps.cooperation, attachmentsDir: join(dir, 'files') };
    const sent = await sendMessage(t.deps, as('DEU'), letter());
    const sha = sent.attachments[0]!.sha256;
    expect(readdirSync(join(dir, 'files'))).toEqual([sha]);
    expect(readFileSync(join(dir, 'files', sha)).equals(pdf)).toBe(true);
    const row = await t.deps.db.selectFrom('message_attachments').select('data').where('id', '=', sent.attachments[0]!.id).executeTakeFirstOrThrow();
    expect(row.data).toBeNull();
    expect((await getAttachment(t.deps, as('ITA'), sent.id, sent.attachments[0]!.id)).bytes.equals(pdf)).toBe(true);
    // The same content twice is one file.
    await sendMessage(t.deps, as('FRA'), letter({ to: ['DEU'] }));
    expect(readdirSync(join(dir, 'files'))).toEqual([sha]);
  });
});
