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
      manifest: {
        name: 'Cymorth',
        short_name: 'Cymorth',
        description: 'Gofyn am help gan eich cymuned / Ask for help from your community',
        lang: 'cy',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b0c0c',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      kit: { adapterFallback: '200.html', spa: true, trailingSlash: 'never' },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest,txt}',
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
