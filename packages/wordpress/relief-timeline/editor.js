/* The Relief Timeline block in the editor: no build step, plain wp.* globals. The preview is the
 * server's rendering (the same element as on the published page), drawn by the bundle, which is a
 * dependency of this script. */
(function (wp) {
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var TextControl = wp.components.TextControl;
	var ToggleControl = wp.components.ToggleControl;
	var ServerSideRender = wp.serverSideRender;

	/** A select's options: "default" (attribute left out) first, then the widget's values. */
	function options(values) {
		return [{ label: __("Default", "relief-timeline"), value: "" }].concat(
			values.map(function (v) {
				return { label: v, value: v };
			})
		);
	}

	var SELECTS = [
		["route", __("Route", "relief-timeline"), ["iv-infusion", "im-injection", "subcutaneous", "intranasal", "sublingual", "oral"]],
		["formulation", __("Formulation", "relief-timeline"), ["racemic", "esketamine"]],
		["condition", __("Condition", "relief-timeline"), ["crps", "fibromyalgia", "neuropathic", "mixed-chronic"]],
		["metabolism", __("Metabolism", "relief-timeline"), ["slow", "typical", "fast"]],
		["painSensitivity", __("Pain sensitivity", "relief-timeline"), ["low", "typical", "high"]],
		["theme", __("Theme", "relief-timeline"), ["auto", "light", "dark"]],
		["lang", __("Language", "relief-timeline"), ["en", "es", "de"]],
	];
	var NUMBERS = [
		["doseMgPerKg", __("Dose (mg per kg)", "relief-timeline"), "0.05"],
		["sessionHours", __("Infusion hours", "relief-timeline"), "0.5"],
		["sessions", __("Sessions", "relief-timeline"), "1"],
		["sessionIntervalDays", __("Days between sessions", "relief-timeline"), "1"],
		["boosters", __("Boosters", "relief-timeline"), "1"],
		["boosterEveryDays", __("Days between boosters", "relief-timeline"), "1"],
		["horizonDays", __("Timeline length (days)", "relief-timeline"), "1"],
	];

	wp.blocks.registerBlockType("relief-timeline/timeline", {
		edit: function (props) {
			var a = props.attributes;
			var set = function (name) {
				return function (value) {
					var change = {};
					change[name] = value === "" ? undefined : value;
					props.setAttributes(change);
				};
			};
			var setNumber = function (name) {
				return function (value) {
					var n = parseFloat(String(value).replace(",", "."));
					var change = {};
					change[name] = value === "" || !isFinite(n) ? undefined : n;
					props.setAttributes(change);
				};
			};
			var controls = SELECTS.map(function (s) {
				return el(SelectControl, { key: s[0], label: s[1], value: a[s[0]] || "", options: options(s[2]), onChange: set(s[0]) });
			}).concat(
				NUMBERS.map(function (n) {
					return el(TextControl, { key: n[0], label: n[1], type: "number", step: n[2], value: a[n[0]] === undefined ? "" : String(a[n[0]]), onChange: setNumber(n[0]) });
				}),
				[el(ToggleControl, { key: "controls", label: __("Show the input panel to readers", "relief-timeline"), checked: !!a.controls, onChange: set("controls") })]
			);
			return el(
				"div",
				useBlockProps(),
				el(InspectorControls, null, el(PanelBody, { title: __("Scenario", "relief-timeline") }, controls)),
				el(ServerSideRender, { block: "relief-timeline/timeline", attributes: a })
			);
		},
		save: function () {
			return null; // Rendered on the server.
		},
	});
})(window.wp);
