<?php
/**
 * Plugin Name:       Relief Timeline
 * Description:       An educational chart of how long ketamine pain relief may last: the relief-timeline widget as a shortcode ([relief_timeline]) and a block. Education, not medical advice.
 * Version:           0.1.0
 * Requires at least: 5.8
 * Requires PHP:      7.4
 * Author:            relief-timeline contributors
 * License:           MIT OR Apache-2.0
 * Text Domain:       relief-timeline
 *
 * The widget is one self-contained script (assets/relief-timeline.js, the wasm inlined) plus
 * optional language scripts (assets/relief-timeline.<lang>.js). The markup is generated at render
 * time and the scripts are enqueued only on pages that use the shortcode or the block: no inline
 * script, no external URL, no option stored.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The plugin's version, read from the header above (one place to change it). */
function relief_timeline_version() {
	static $version = null;
	if ( null === $version ) {
		$data    = get_file_data( __FILE__, array( 'Version' => 'Version' ) );
		$version = $data['Version'] ? $data['Version'] : false;
	}
	return $version;
}

/**
 * The widget's attributes (kebab-case, as the element reads them), in output order. Each maps to
 * 'string' or 'flag'.
 */
function relief_timeline_attributes() {
	return array(
		'route'                           => 'string',
		'formulation'                     => 'string',
		'dose-mg-per-kg'                  => 'string',
		'session-hours'                   => 'string',
		'sessions'                        => 'string',
		'session-interval-days'           => 'string',
		'condition'                       => 'string',
		'metabolism'                      => 'string',
		'pain-sensitivity'                => 'string',
		'liver-function'                  => 'string',
		'cyp3a4'                          => 'string',
		'opioid-use'                      => 'string',
		'boosters'                        => 'string',
		'booster-every-days'              => 'string',
		'maintenance-every-hours'         => 'string',
		'maintenance-until-day'           => 'string',
		'horizon-days'                    => 'string',
		'compare-route'                   => 'string',
		'compare-formulation'             => 'string',
		'compare-dose-mg-per-kg'          => 'string',
		'compare-session-hours'           => 'string',
		'compare-sessions'                => 'string',
		'compare-session-interval-days'   => 'string',
		'compare-condition'               => 'string',
		'compare-metabolism'              => 'string',
		'compare-pain-sensitivity'        => 'string',
		'compare-liver-function'          => 'string',
		'compare-cyp3a4'                  => 'string',
		'compare-opioid-use'              => 'string',
		'compare-boosters'                => 'string',
		'compare-booster-every-days'      => 'string',
		'compare-maintenance-every-hours' => 'string',
		'compare-maintenance-until-day'   => 'string',
		'compare-label'                   => 'string',
		'controls'                        => 'flag',
		'theme'                           => 'string',
		'lang'                            => 'string',
	);
}

/**
 * An attribute name as the widget spells it, from any spelling: dose-mg-per-kg, dose_mg_per_kg,
 * doseMgPerKg (a block attribute) or dosemgperkg (WordPress lower-cases shortcode keys).
 * Returns null for a name the widget does not know.
 */
function relief_timeline_attribute_name( $name ) {
	static $by_key = null;
	if ( null === $by_key ) {
		$by_key = array();
		foreach ( array_keys( relief_timeline_attributes() ) as $attr ) {
			$by_key[ str_replace( '-', '', $attr ) ] = $attr;
		}
	}
	$key = strtolower( str_replace( array( '-', '_' ), '', (string) $name ) );
	return isset( $by_key[ $key ] ) ? $by_key[ $key ] : null;
}

/** Whether a flag's value turns it on: present, "true", "1", "yes"; not "false", "0", "no", "off". */
function relief_timeline_flag_on( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	return ! in_array( strtolower( trim( (string) $value ) ), array( 'false', '0', 'no', 'off' ), true );
}

/** The primary language subtag of a locale or language tag: es_ES, es-ES, ES -> es. */
function relief_timeline_primary_language( $tag ) {
	$parts = preg_split( '/[-_]/', strtolower( trim( (string) $tag ) ) );
	return preg_match( '/^[a-z]{2,3}$/', $parts[0] ) ? $parts[0] : '';
}

/** Registers the scripts (not enqueued: the shortcode and the block enqueue them when used). */
function relief_timeline_register_scripts() {
	$version = relief_timeline_version();
	wp_register_script( 'relief-timeline', plugins_url( 'assets/relief-timeline.js', __FILE__ ), array(), $version, true );
	foreach ( glob( __DIR__ . '/assets/relief-timeline.*.js' ) as $file ) {
		if ( preg_match( '/relief-timeline\.([a-z]{2,3})\.js$/', $file, $m ) ) {
			wp_register_script( 'relief-timeline-' . $m[1], plugins_url( 'assets/' . basename( $file ), __FILE__ ), array( 'relief-timeline' ), $version, true );
		}
	}
	wp_register_script(
		'relief-timeline-editor',
		plugins_url( 'editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render', 'relief-timeline' ),
		$version,
		true
	);
	if ( function_exists( 'wp_set_script_translations' ) ) {
		wp_set_script_translations( 'relief-timeline-editor', 'relief-timeline' );
	}
}

/** Enqueues the bundle, and the script of `$lang` after it when the plugin has one. */
function relief_timeline_enqueue( $lang ) {
	wp_enqueue_script( 'relief-timeline' );
	if ( '' !== $lang && 'en' !== $lang && wp_script_is( 'relief-timeline-' . $lang, 'registered' ) ) {
		wp_enqueue_script( 'relief-timeline-' . $lang );
	}
}

/**
 * The element for a set of attributes (shortcode attributes, or a block's camelCase ones), and
 * its scripts enqueued. Unknown attributes are dropped; values are escaped.
 *
 * @param array|string $atts Shortcode attributes ('' when none); a bare flag has a numeric key.
 * @return string The <relief-timeline> element.
 */
function relief_timeline_render( $atts ) {
	$known = relief_timeline_attributes();
	$given = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) { // A bare word: `controls`.
			$name = relief_timeline_attribute_name( $value );
			if ( null !== $name && 'flag' === $known[ $name ] ) {
				$given[ $name ] = true;
			}
			continue;
		}
		$name = relief_timeline_attribute_name( $key );
		if ( null === $name || null === $value || is_array( $value ) || is_object( $value ) ) {
			continue;
		}
		if ( 'flag' === $known[ $name ] ) {
			$given[ $name ] = relief_timeline_flag_on( $value );
		} elseif ( is_bool( $value ) ) {
			continue;
		} else {
			$value = trim( is_float( $value ) ? rtrim( rtrim( sprintf( '%.10F', $value ), '0' ), '.' ) : (string) $value );
			if ( '' !== $value ) {
				$given[ $name ] = $value;
			}
		}
	}

	// The language: the `lang` attribute, else the site's (WordPress puts it on <html>; the
	// element reads the nearest `lang`, so it gets one only when the locale says otherwise).
	$locale_lang = relief_timeline_primary_language( determine_locale() );
	if ( isset( $given['lang'] ) ) {
		$lang = relief_timeline_primary_language( $given['lang'] );
	} else {
		$lang = $locale_lang;
		if ( '' !== $lang && relief_timeline_primary_language( get_bloginfo( 'language' ) ) !== $lang ) {
			$given['lang'] = $lang;
		}
	}

	$html = '<relief-timeline';
	foreach ( $known as $name => $kind ) {
		if ( ! isset( $given[ $name ] ) ) {
			continue;
		}
		if ( 'flag' === $kind ) {
			$html .= $given[ $name ] ? ' ' . $name : '';
		} else {
			$html .= ' ' . $name . '="' . esc_attr( $given[ $name ] ) . '"';
		}
	}
	$html .= '></relief-timeline>';

	relief_timeline_enqueue( $lang );
	return $html;
}

/** The [relief_timeline] shortcode. */
function relief_timeline_shortcode( $atts ) {
	return relief_timeline_render( $atts );
}

/** The block's render callback: the shortcode's element from the block's attributes. */
function relief_timeline_render_block( $attributes ) {
	return relief_timeline_render( is_array( $attributes ) ? $attributes : array() );
}

/** Registers the scripts, the shortcode and the block. */
function relief_timeline_init() {
	relief_timeline_register_scripts();
	add_shortcode( 'relief_timeline', 'relief_timeline_shortcode' );
	if ( function_exists( 'register_block_type' ) ) {
		register_block_type( __DIR__ . '/block.json', array( 'render_callback' => 'relief_timeline_render_block' ) );
	}
}
add_action( 'init', 'relief_timeline_init' );
