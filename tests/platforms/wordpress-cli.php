<?php
// The WordPress test's hands inside WordPress, run with PHP's CLI as root:
//   php wordpress-cli.php COMMAND '{"json": "arguments"}'
// with WP_TEST_HOST=127.0.0.1:PORT in the environment (Debian's wp-config.php picks
// /etc/wordpress/config-<host>.php by the request's host). Prints one JSON result.
//   install    {url, adminPassword}   wp_install(), site URL, pretty permalinks, an Author, and
//                                     an application password for each of admin and the Author
//   activate   {plugin}               activate_plugin()
//   option     {name, value}          update_option()
//   uninstall  {plugin}               deactivate_plugins() + delete_plugins() (runs uninstall.php)
//   options    {like}                 the option names matching a LIKE pattern

[$command, $args] = [$argv[1] ?? '', json_decode($argv[2] ?? '{}', true)];
$_SERVER['HTTP_HOST'] = getenv('WP_TEST_HOST');
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = explode(':', getenv('WP_TEST_HOST'))[1] ?? '80';
$_SERVER['REQUEST_URI'] = '/blog/';
$_SERVER['REQUEST_METHOD'] = 'GET';

if ('install' === $command) {
	define('WP_INSTALLING', true);
	// No mail on install (pluggable, checked with function_exists by upgrade.php).
	function wp_new_blog_notification() {}
}
require '/usr/share/wordpress/wp-load.php';

$out = [];
switch ($command) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		// The install's own pretty-permalink probe makes HTTP requests: the test sets them itself.
		add_filter('pre_http_request', fn() => new WP_Error('offline', 'no HTTP during install'));
		$installed = wp_install('Relief Timeline test', 'admin', 'admin@example.invalid', true, '', $args['adminPassword'], 'en_US');
		update_option('siteurl', $args['url']);
		update_option('home', $args['url']);
		update_option('WPLANG', '');
		update_option('permalink_structure', '/%postname%/');
		delete_option('rewrite_rules');
		$author = wp_insert_user([
			'user_login' => 'author',
			'user_pass'  => wp_generate_password(24),
			'user_email' => 'author@example.invalid',
			'role'       => 'author',
		]);
		if (is_wp_error($author)) {
			throw new Exception($author->get_error_message());
		}
		$out['admin'] = ['user' => 'admin', 'password' => WP_Application_Passwords::create_new_application_password($installed['user_id'], ['name' => 'test'])[0]];
		$out['author'] = ['user' => 'author', 'password' => WP_Application_Passwords::create_new_application_password($author, ['name' => 'test'])[0]];
		break;
	case 'activate':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$result = activate_plugin($args['plugin']);
		if (is_wp_error($result)) {
			throw new Exception($result->get_error_message());
		}
		$out['active'] = is_plugin_active($args['plugin']);
		break;
	case 'option':
		update_option($args['name'], $args['value']);
		if (get_option($args['name']) !== $args['value']) { // WPLANG takes only installed languages
			throw new Exception("option {$args['name']} refused {$args['value']}" . ('WPLANG' === $args['name'] ? ' (is the Debian package wordpress-l10n installed?)' : ''));
		}
		break;
	case 'uninstall':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/file.php';
		deactivate_plugins($args['plugin'], true);
		$out['uninstallable'] = is_uninstallable_plugin($args['plugin']);
		$result = delete_plugins([$args['plugin']]); // runs uninstall_plugin() first
		if (true !== $result) {
			throw new Exception(is_wp_error($result) ? $result->get_error_message() : 'delete_plugins failed');
		}
		$out['active'] = in_array($args['plugin'], (array) get_option('active_plugins', []), true);
		break;
	case 'options':
		global $wpdb;
		$out['names'] = $wpdb->get_col($wpdb->prepare("SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $args['like']));
		break;
	default:
		throw new Exception("unknown command $command");
}
echo json_encode((object) $out);
