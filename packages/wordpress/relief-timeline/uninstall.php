<?php
/**
 * Uninstall: the plugin stores no options, transients or tables, so there is nothing of its own
 * left in the database. Deletes any option a future version might add under its prefix.
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

foreach ( array( 'relief_timeline_settings', 'relief_timeline_version' ) as $relief_timeline_option ) {
	delete_option( $relief_timeline_option );
	delete_site_option( $relief_timeline_option );
}
