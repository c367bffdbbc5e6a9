import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type HarnessCert = { caPem: string; certPem: string; keyPem: string };

/**
 * A throwaway CA and a server certificate it signed for 127.0.0.1/localhost, made with the
 * openssl CLI (as an operator would), so clients verify the chain for real instead of
 * skipping TLS checks. Go (kubectl) wants the CA marked as one and the IP in the SAN.
 */
export async function makeHarnessCert(dir: string): Promise<HarnessCert> {
  const file = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-days',
    '2',
    '-subj',
    '/CN=porthole-kube-harness-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  ]);
  await run('openssl', ['req', ...ec, '-subj', '/CN=kube-apiserver', '-keyout', file('server.key'), '-out', file('server.csr')]);
  await fs.writeFile(
    file('server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ].join('\n'),
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.crt'),
  ]);
  const [caPem, certPem, keyPem] = await Promise.all(['ca.crt', 'server.crt', 'server.key'].map((name) => fs.readFile(file(name), 'utf8')));
  return { caPem: caPem!, certPem: certPem!, keyPem: keyPem! };
}
