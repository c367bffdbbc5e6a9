import fs from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createResource } from '@/server/resources/create-resource';
import type { CreateResourceInput } from '@/server/resources/resource-schemas';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeUser } from '@/test/factories';
import { makeHarnessCert } from '@/test/harness/kube/tls-cert';
import { createSession } from './create-session';
import { listKubernetesPods } from './list-kubernetes-pods';

/**
 * An API server that ignores `labelSelector` (an old proxy, a misconfigured gateway): it
 * returns every pod and allows everything. Porthole's own check of the selector is all that
 * keeps the scope.
 */
const TOKEN = 'selector-ignoring-token';
const pod = (name: string, app: string) => ({
  metadata: { name, namespace: 'web', labels: { app } },
  spec: { containers: [{ name: 'app' }] },
  status: { phase: 'Running' },
});
const PODS = [pod('web-0', 'web'), pod('db-0', 'db')];

let server: https.Server;
let url = '';
let caPem = '';
beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'porthole-kube-ignoring-'));
  const cert = await makeHarnessCert(dir);
  caPem = cert.caPem;
  server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end('{}');
    const route = new URL(req.url ?? '/', 'https://x').pathname;
    if (route.endsWith('/selfsubjectrulesreviews')) return send({ status: { resourceRules: [{ verbs: ['*'], resources: ['*'], apiGroups: ['*'] }] } });
    if (route.endsWith('/selfsubjectaccessreviews')) return send({ status: { allowed: true } });
    if (route === '/api/v1/namespaces/web/pods') return send({ items: PODS });
    const one = /^\/api\/v1\/namespaces\/web\/pods\/([^/]+)$/.exec(route);
    const found = one && PODS.find((p) => p.metadata.name === one[1]);
    if (found) return send(found);
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describeEachDriver('a label selector the API server ignores', () => {
  it('is still applied: other pods are neither listed nor opened', async () => {
    const { actor: admin } = await makeAdmin();
    const input: CreateResourceInput = {
      type: 'kubernetes',
      name: 'ignoring',
      apiUrl: url,
      tls: { mode: 'verify-full', ca: caPem },
      token: TOKEN,
      namespaces: ['web'],
      labelSelector: 'app=web',
    };
    const resource = await createResource({ actor: admin, input });
    const { actor } = await makeUser();
    expect(await listKubernetesPods({ actor, resourceId: resource.id, query: { namespace: 'web' } })).toEqual({
      pods: [{ name: 'web-0', phase: 'Running', containers: ['app'] }],
    });
    await rejectsWith(createSession({ actor, input: { resourceId: resource.id, target: { namespace: 'web', pod: 'db-0', container: 'app' } } }), 'FORBIDDEN');
    await createSession({ actor, input: { resourceId: resource.id, target: { namespace: 'web', pod: 'web-0', container: 'app' } } });
  });
});
