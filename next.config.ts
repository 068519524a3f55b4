import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // The App Router does not route dot-folders, so A-26's `/.well-known/*` URLs are served from /api/well-known.
  async rewrites() {
    return [
      { source: "/.well-known/openssm/signing-keys.pem", destination: "/api/well-known/openssm/signing-keys.pem" },
      { source: "/.well-known/jwks.json", destination: "/api/well-known/jwks.json" },
    ];
  },
};

export default nextConfig;
