import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * govuk-frontend still carries IE-only hacks (`@media screen and (min-width: 0\0)`) that Sass turns
 * into a replacement character and the lightningcss minifier rejects. Drop them: no supported browser uses them.
 */
const dropIeCssHacks = {
  postcssPlugin: 'learning-hub-drop-ie-css-hacks',
  AtRule: {
    media(rule: { params: string; remove(): void }) {
      if (rule.params.includes('\uFFFD')) {
        rule.remove();
      }
    },
  },
};

export default defineConfig({
  plugins: [sveltekit()],
  server: { fs: { allow: ['..'] } },
  css: {
    postcss: { plugins: [dropIeCssHacks] },
    preprocessorOptions: {
      scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
});
