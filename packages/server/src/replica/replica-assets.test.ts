import type { FastifyInstance } from 'fastify';
import { waitFor } from '../../test/wait-for.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, as, openTestDeps, personAlert, readFull, type TestContext } from '../../test/engines.js';
import { testHttpOptions } from '../../test/http-harness.js';
import { createAlert } from '../app/create-alert.js';
import { createKey } from '../app/manage-keys.js';
import { getAlert } from '../app/get-alert.js';
import { buildApp } from '../http/build-app.js';
import { ReplicaNode } from './replica-node.js';

// A national copy follows asset alerts as its member sees them at the centre: the persons it may
// not see are not in the copy's bodies, and its own links table lists the assets on the persons.
/** This file's waits are longer than the default: a copy catches up over HTTP. */
const waitForLong = <T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> => waitFor(what, probe, ms, 20);

describe.each(ENGINES)('asset alerts on a national copy of a centre on %s', (engine) => {
  let centre: TestContext;
  let copy: TestContext;
  let app: FastifyInstance;
  let node: ReplicaNode;
  const ids = { shared: '', hidden: '', asset: '' };

  beforeAll(async () => {
    centre = await openTestDeps(engine);
    copy = await openTestDeps('sqlite');
    app = await buildApp(centre.deps, testHttpOptions({ bodyLimit: 1 << 20 }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const key = (await createKey(centre.deps, as('IPO', 'admin'), { member: 'DEU', role: 'replica' })).key;
    ids.shared = (await createAlert(centre.deps, as('FRA'), personAlert('ERIKSSON'))).id;
    ids.hidden = (await createAlert(centre.deps, as('FRA'), personAlert('LARSSON', { mode: 'only', members: ['ITA'] }))).id;
    ids.asset = (await createAlert(centre.deps, as('FRA'), { kind: 'asset', category: 'asset-tracing', asset: { type: 'vessel', imo: 'IMO 9074729', flag: 'MLT' }, persons: [ids.shared, ids.hidden], visibility: { mode: 'all' } })).id;
    node = new ReplicaNode(copy.deps, { from: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, key, trustOnFirstUse: true, pollMs: 20 });
    await node.prepare();
    node.start();
    await waitForLong('the copy to hold the asset', async () => ((await copy.deps.db.selectFrom('alerts').select('id').where('id', '=', ids.asset).executeTakeFirst()) ? true : undefined)).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await node.status())}`);
    });
  });
  afterAll(async () => {
    await node.stop();
    await app.close();
    await copy.close();
    await centre.close();
  });

  it('holds the asset with only the persons its member may see, linked both ways', async () => {
    const stored = await copy.deps.db.selectFrom('alerts').select('body').where('id', '=', ids.asset).executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(ids.hidden);
    expect(JSON.parse(stored.body)).toMatchObject({ kind: 'asset', persons: [ids.shared] });
    expect(await copy.deps.db.selectFrom('alerts').select('id').where('id', '=', ids.hidden).execute()).toEqual([]);
    const asset = await readFull(copy.deps, as('DEU'), ids.asset);
    expect(asset).toMatchObject({ persons: [ids.shared], personAlerts: [{ id: ids.shared, kind: 'person' }] });
    expect(await getAlert(copy.deps, as('DEU'), ids.shared)).toMatchObject({ assetAlerts: [{ id: ids.asset, subject: { kind: 'asset', assetType: 'vessel', identifier: 'IMO 9074729' } }] });
  });
});
