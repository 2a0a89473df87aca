// The npm README's example: boxes written at build time by a shortcode, the script-tag
// build copied beside the site, which hydrates them by itself.
import { prerender } from 'factbox';

export default function (config) {
  config.addPassthroughCopy({ 'node_modules/factbox/script': 'factbox' });
  config.addPassthroughCopy('data');
  config.addAsyncShortcode('factbox', async (file, id) =>
    (await prerender(file, { id, src: '/' + file, script: '/factbox/factbox.js' }))[0].html);
}
