<?php
// tests/e2e/cms.test.mjs runs it: php tests/cms/kses.php WORDPRESS_DIR < snippet.html.
// WordPress itself comes from Debian's package (make setup-wordpress), not from here.
// WordPress's own filter for authors without `unfiltered_html` (wp_kses_post), run on
// standard input, with the few WordPress functions it calls.
define('ABSPATH', $argv[1] . '/');
define('WPINC', 'wp-includes');
// WordPress's default filters on kses's own hook (default-filters.php): the stray `<` one
// runs; the block-attributes one needs the block parser and acts only on block comments,
// which snippets have none of.
function apply_filters($tag, $value, ...$args) {
  if ($tag === 'pre_kses') return wp_pre_kses_less_than($value);
  return $value;
}
function has_filter($tag, $cb = false) { return false; }
function add_filter(...$a) { return true; }
function add_action(...$a) { return true; }
function do_action(...$a) {}
function _deprecated_function(...$a) {}
function _doing_it_wrong(...$a) {}
function __($t, $d = null) { return $t; }
function wp_allowed_protocols() {
  return array('http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn');
}
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';
echo wp_kses_post(stream_get_contents(STDIN));
