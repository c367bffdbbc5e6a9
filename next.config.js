/*
 * `npm test` builds after its own typecheck has passed (`npm run typecheck`: next typegen, then
 * tsc --noEmit over the whole tree and the route types next build would check): it sets
 * PORTHOLE_BUILD_TYPES_CHECKED=1 so that next build does not check the same types again (~30 s
 * on two cores). Any other build checks them.
 */
const typesChecked = process.env.PORTHOLE_BUILD_TYPES_CHECKED === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native code or their own file handles stay plain Node requires, so route
  // code and server/ share one instance of each (the PGlite client lives on globalThis).
  // prom-client too: its registry lives on globalThis and must be one copy for server/ and routes.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'ssh2', 'ws', 're2', 'prom-client'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  typescript: { ignoreBuildErrors: typesChecked },
  // Turbopack's build cache makes the next build of this checkout faster; CI builds a fresh
  // clone once and throws it away, so there it only costs the time to write it (~19 s).
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
