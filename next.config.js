/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native code or their own file handles stay plain Node requires, so route
  // code and server/ share one instance of each (the PGlite client lives on globalThis).
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'ssh2', 'ws'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

module.exports = nextConfig;
