import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      // We drive registration and the update prompt ourselves with workbox-window
      // (src/lib/pwa/), so nothing is injected and nothing activates behind the user's back.
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      kit: { adapterFallback: '200.html', spa: true, trailingSlash: 'never' },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}',
          'prerendered/**/*.{html,json}',
        ],
        navigateFallback: '/200.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/db\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
