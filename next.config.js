/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native code or their own file handles stay plain Node requires, so route
  // code and server/ share one instance of each (the PGlite client lives on globalThis).
  // prom-client too: its registry lives on globalThis and must be one copy for server/ and routes.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'ssh2', 'ws', 're2', 'prom-client'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
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
