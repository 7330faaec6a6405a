import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The v3 future flags put route modules and loaders in the shape React Router
// v7 expects, so the move is a codemod (docs/adr/0003-remix-v2-and-react-router-v7.md).
export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  css: {
    preprocessorOptions: {
      // GOV.UK Frontend's Sass is found through @heard/ui, which depends on it.
      scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'], loadPaths: [fileURLToPath(new URL('../../packages/ui/node_modules', import.meta.url))] },
    },
  },
  // Workspace packages are TypeScript source: bundle them into the server build.
  ssr: { noExternal: [/^@heard\//] },
  build: { target: 'es2020' },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
