import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native addon and CommonJS protobuf code: load them with Node's own require, not the bundler.
  serverExternalPackages: ['better-sqlite3', 'otlp-schema', 'protobufjs', 'long'],
  poweredByHeader: false,
  // Route handlers read raw OTLP bodies themselves (size-limited); nothing else needs a body parser.
  typedRoutes: false,
};

export default nextConfig;
