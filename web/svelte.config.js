import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    alias: {
      '@lh/domain': '../libs/domain/src/index.ts',
      '@lh/graphql-client': '../libs/graphql-client/src/index.ts',
    },
  },
};
