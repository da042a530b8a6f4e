import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines.js';
import { bearer, httpHarness, type Harness } from '../../../test/http-harness.js';

describe.each(ENGINES)('messages over HTTP on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await httpHarness(engine, [['FRA', 'bureau'], ['DEU', 'bureau'], ['ESP', 'bureau']], 3 * 1024 * 1024);
  });
  afterAll(async () => h.close());

  const call = (member: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({ method, url, headers: bearer(h.key(member)), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 254, 255]);
  const message = (dataBase64: string) => ({ to: ['FRA'], subject: 'Photo of the subject', body: 'Taken at the gate.', handlingCode: 'H2', attachments: [{ filename: 'photo ü.jpg', contentType: 'image/jpeg', dataBase64 }] });

  it('round-trips an attachment, records the read receipt for the sender, and hides the message from others', async () => {
    const sent = await call('DEU', 'POST', '/api/v1/messages', message(photo.toString('base64')));
    expect(sent.statusCode).toBe(201);
    const { id, attachments } = sent.json();
    expect(sent.headers.location).toBe(`/api/v1/messages/${id}`);

    const inbox = (await call('FRA', 'GET', '/api/v1/messages?box=inbox')).json();
    expect(inbox.items.map((m: { id: string; readAt: unknown }) => [m.id, m.readAt])).toEqual([[id, null]]);
    expect((await call('FRA', 'GET', `/api/v1/messages/${id}`)).json()).toMatchObject({ from: 'DEU', body: 'Taken at the gate.', readAt: expect.any(String) });

    const file = await call('FRA', 'GET', `/api/v1/messages/${id}/attachments/${attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(photo)).toBe(true);
    // Whatever the sender declared, a download of opaque bytes, never rendered by the browser.
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="photo _.jpg"; filename\*=UTF-8''photo%20%C3%BC\.jpg$/);

    expect((await call('DEU', 'GET', `/api/v1/messages/${id}`)).json().recipients).toEqual([{ member: 'FRA', readAt: expect.any(String) }]);
    expect((await call('ESP', 'GET', `/api/v1/messages/${id}`)).statusCode).toBe(404);
    expect((await call('ESP', 'GET', `/api/v1/messages/${id}/attachments/${attachments[0].id}`)).statusCode).toBe(404);
  });

  it('refuses an attachment over 1 MiB with 413 naming the file', async () => {
    const res = await call('DEU', 'POST', '/api/v1/messages', message(Buffer.alloc(1024 * 1024 + 1, 7).toString('base64')));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'message.attachment-too-large', field: 'attachments.0.dataBase64' });
    expect(res.json().detail).toContain('photo ü.jpg');
    expect((await call('FRA', 'GET', '/api/v1/messages')).json().items).toHaveLength(1);
  });

  it('names an unknown recipient', async () => {
    const res = await call('DEU', 'POST', '/api/v1/messages', { to: ['FRA', 'QQQ'], subject: 's', body: 'b', handlingCode: 'H0' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'message.unknown-recipient', field: 'to.1' });
    expect(res.json().detail).toContain('QQQ');
  });

  it('documents the hit and message endpoints in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const [path, method] of [
      ['/api/v1/hits', 'get'],
      ['/api/v1/hits/{id}', 'get'],
      ['/api/v1/hits/{id}/outcome', 'post'],
      ['/api/v1/hits/{id}/forms', 'post'],
      ['/api/v1/messages', 'post'],
      ['/api/v1/messages', 'get'],
      ['/api/v1/messages/{id}', 'get'],
      ['/api/v1/messages/{id}/attachments/{attachmentId}', 'get'],
    ] as const) {
      expect(doc.paths[path], `${method} ${path}`).toHaveProperty(method);
    }
    expect(JSON.stringify(doc.paths['/api/v1/hits/{id}/forms']!.post)).toContain('handlingCode');
    expect(JSON.stringify(doc.paths['/api/v1/messages']!.post)).toContain('dataBase64');
  });
});
