// A real OpenID Connect provider for the end-to-end tests (oidc-provider), on 127.0.0.1.
//
//   node playwright/oidc/provider.mjs [port]
//
// Settings (environment): OIDC_PORT (or argv[2]; 0 = a random free port), OIDC_CLIENT_ID,
// OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (Porthole's `<public url>/api/auth/callback/oidc`).
// Once listening it prints one JSON line, {"issuer":…,"port":…}, for the harness to read.
//
// Its own sign-in page takes a login name (one of accounts.json) and consent is granted
// automatically, as a company IdP does for a first-party application.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

/** Login name → claims; the specs read the same file. */
const ACCOUNTS = JSON.parse(fs.readFileSync(new URL('./accounts.json', import.meta.url), 'utf8'));

const port = Number(process.argv[2] ?? process.env.OIDC_PORT ?? 0);
const clientId = process.env.OIDC_CLIENT_ID ?? 'porthole';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'porthole-e2e-secret';
const redirectUri = process.env.OIDC_REDIRECT_URI;
if (!redirectUri) {
  console.error("[oidc] OIDC_REDIRECT_URI is required (Porthole's <public url>/api/auth/callback/oidc)");
  process.exit(2);
}

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(res, status, title, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;max-width:22rem;margin:3rem auto">${body}</body></html>`);
}

function loginForm(res, uid, { error, login = '' } = {}) {
  page(
    res,
    error ? 400 : 200,
    'Test IdP: sign in',
    `<h1>Test IdP</h1>
<p>Accounts: ${Object.keys(ACCOUNTS).join(', ')}</p>
${error ? `<p role="alert" style="color:#b00">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <label for="login">Login name</label>
  <input id="login" name="login" value="${escapeHtml(login)}" required autofocus>
  <button type="submit">Sign in</button>
</form>`,
  );
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' };

const server = http.createServer();
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const issuer = `http://127.0.0.1:${address.port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      // Porthole asks for `openid email profile`; the groups claim rides along with profile.
      profile: ['name', 'groups'],
    },
    // next-auth reads the user from the ID token (idToken: true), so put the scope's claims
    // there rather than only in the userinfo response.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: true, name: account.name, groups: account.groups };
        },
      };
    },
    // Consent is automatic for this first-party client: grant what it asks for.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Test IdP error</title><h1>Test IdP error</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre>`;
    },
  });

  const handleOidc = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return handleOidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) return page(res, 400, 'Test IdP error', '<p>Stale sign-in link.</p>');
      if (req.method === 'GET') return loginForm(res, details.uid);
      if (req.method !== 'POST' || !match[2]) return page(res, 405, 'Test IdP error', '<p>Method not allowed.</p>');
      const login = ((await readForm(req)).get('login') ?? '').trim().toLowerCase();
      if (!ACCOUNTS[login]) return loginForm(res, details.uid, { error: `No account named "${login}".`, login });
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    } catch (error) {
      console.error('[oidc] interaction failed:', error);
      if (!res.headersSent) page(res, 400, 'Test IdP error', `<p>${escapeHtml(error.message ?? error)}</p>`);
    }
  });

  provider.on('server_error', (_ctx, error) => console.error('[oidc] server error:', error));
  console.log(JSON.stringify({ issuer, port: address.port }));
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
