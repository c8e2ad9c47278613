import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // A Content Security Policy on every page: only this site's own scripts (with a nonce per page), styles,
    // images and fonts; no plugins; never inside another site's frame.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // the one style attribute SvelteKit writes: its route announcer's visually-hidden style (hash of the
        // attribute's value in @sveltejs/kit's write_root.js; the security-headers e2e spec fails if it changes)
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    // Form posts from other origins are refused by our own check (web/src/lib/server/request-guard.ts), which
    // runs in every mode, `vite dev` included, and answers with a sentence and the security headers.
    csrf: { trustedOrigins: ['*'] },
    alias: {
      '@lh/domain': '../libs/domain/src/index.ts',
      '@lh/graphql-client': '../libs/graphql-client/src/index.ts',
    },
  },
};
