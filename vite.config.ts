import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { appColours } from './src/lib/pwa/app-colours.ts';
import {
  isMapSourceRequest,
  isTileRequest,
  mapSourceCacheName,
  tileCacheName,
  tileCachePlugin,
} from './src/lib/pwa/tile-cache.ts';

/**
 * Staff code (PouchDB and the sync layer) stays out of the resident's precache: a resident's old
 * phone should not download it in the background. Staff devices cache it at runtime on first use
 * (runtimeCaching below) and then work offline as before. The list is filled while the client
 * bundle is written, before the service worker is generated. SvelteKit evaluates this config again
 * for its client build, so the list lives on `globalThis` to be one list for both evaluations.
 * The PNG icons stay out too: a browser fetches them once, online, when someone installs the staff
 * app (src/lib/pwa/staff-manifest.ts), and the resident's app does not use them.
 */
const shared = globalThis as { cymorthOutOfPrecache?: string[] };
const outOfPrecache = (shared.cymorthOutOfPrecache ??= ['client/icons/**']);
const isStaffModule = (id: string) =>
  id.includes('/node_modules/pouchdb') || id.includes('/src/lib/staff/sync/');

function keepStaffCodeOutOfPrecache(): Plugin {
  return {
    name: 'cymorth:staff-code-out-of-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some(isStaffModule)) {
          outOfPrecache.push(`client/${chunk.fileName}`);
        }
      }
    },
  };
}

export default defineConfig({
  build: {
    rolldownOptions: {
      treeshake: {
        // zxcvbn-ts's core declares no `sideEffects`, so the few constants it computes on import
        // (`new Date().getFullYear()`, a RegExp) were kept in the staff pages that import
        // #domain/people/account-rules.ts, though only the server judges passwords. It has none.
        moduleSideEffects: (id) => (id.includes('/node_modules/@zxcvbn-ts/') ? false : undefined),
      },
    },
  },
  plugins: [
    sveltekit(),
    keepStaffCodeOutOfPrecache(),
    SvelteKitPWA({
      strategies: 'generateSW',
      // We drive registration and the update prompt ourselves with workbox-window
      // (src/lib/pwa/), so nothing is injected and nothing activates behind the user's back.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Cymorth',
        short_name: 'Cymorth',
        description: 'Gofyn am help gan eich cymuned / Ask for help from your community',
        lang: 'cy',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: appColours.background,
        theme_color: appColours.theme,
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      kit: { adapterFallback: '200.html', spa: true, trailingSlash: 'never' },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest,txt}',
          'prerendered/**/*.{html,json}',
        ],
        globIgnores: outOfPrecache,
        runtimeCaching: [
          {
            // Hashed, immutable code left out of the precache (the staff code): cached on first use.
            urlPattern: /\/_app\/immutable\/.+\.js$/,
            handler: 'CacheFirst',
            options: { cacheName: 'cymorth-code', expiration: { maxEntries: 80 } },
          },
          {
            // The maps' tiles, kept within TILE_CACHE_MB for offline use (src/lib/pwa/tile-cache.ts).
            urlPattern: isTileRequest,
            handler: 'StaleWhileRevalidate',
            options: {
              cacheName: tileCacheName,
              // A tile server may vary on headers an <img> and a fetch send differently.
              matchOptions: { ignoreVary: true },
              plugins: [tileCachePlugin],
            },
          },
          {
            // The tile source and the limit above, which the worker reads from here.
            urlPattern: isMapSourceRequest,
            handler: 'NetworkFirst',
            options: { cacheName: mapSourceCacheName, networkTimeoutSeconds: 5 },
          },
        ],
        // A first worker takes control of the page that installed it, so what that page loads
        // from then on is kept, and it can ask for what it loaded before (src/lib/pwa/code-cache.ts).
        // An update still waits for "Update now" (registerType "prompt": no skipWaiting).
        clientsClaim: true,
        navigateFallback: '/200.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/db\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    // The staff device's PouchDB in Node: the same source as its browser bundle (see the file).
    alias: [
      {
        find: /^\.\/pouchdb\.ts$/,
        replacement: fileURLToPath(
          new URL('./tests/support/staff/pouchdb-in-node.ts', import.meta.url),
        ),
      },
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A few tests run real PouchDB and Dexie on fake IndexedDB over a thousand documents:
          // in a few hundred ms alone, several seconds when every file runs at once.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
