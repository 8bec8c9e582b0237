import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere, from the first commit (docs/toolchain.md).
    runes: true,
  },
  kit: {
    // Every resident page is prerendered in both languages; `200.html` is the SPA fallback the
    // sync server and the service worker use for routes that are not prerendered.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
    prerender: { handleMissingId: 'fail', handleHttpError: 'fail' },
  },
};

export default config;
