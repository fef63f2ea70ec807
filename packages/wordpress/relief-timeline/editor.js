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

	// The scenario's fields from the widget itself (the bundle is this script's dependency), so the
	// panel offers every field and value the widget reads; the words for the known ones.
	var Widget = customElements.get("relief-timeline");
	var LABELS = {
		route: __("Route", "relief-timeline"),
		formulation: __("Formulation", "relief-timeline"),
		doseMgPerKg: __("Dose (mg per kg)", "relief-timeline"),
		sessionHours: __("Infusion hours", "relief-timeline"),
		sessions: __("Sessions", "relief-timeline"),
		sessionIntervalDays: __("Days between sessions", "relief-timeline"),
		condition: __("Condition", "relief-timeline"),
		metabolism: __("Metabolism", "relief-timeline"),
		painSensitivity: __("Pain sensitivity", "relief-timeline"),
		liverFunction: __("Liver function", "relief-timeline"),
		cyp3a4: __("CYP3A4 medicines", "relief-timeline"),
		opioidUse: __("Opioid use", "relief-timeline"),
		boosters: __("Boosters", "relief-timeline"),
		boosterEveryDays: __("Days between boosters", "relief-timeline"),
		maintenanceEveryHours: __("Maintenance every (hours)", "relief-timeline"),
		maintenanceUntilDay: __("Maintenance until day", "relief-timeline"),
		horizonDays: __("Timeline length (days)", "relief-timeline"),
	};
	var SELECTS = Widget.fields
		.filter(function (f) {
			return f.values;
		})
		.map(function (f) {
			return [f.field, LABELS[f.field] || f.attribute, f.values];
		})
		.concat([
			["theme", __("Theme", "relief-timeline"), ["auto", "light", "dark"]],
			["lang", __("Language", "relief-timeline"), Widget.languages],
		]);
	var NUMBERS = Widget.fields
		.filter(function (f) {
			return !f.values;
		})
		.map(function (f) {
			return [f.field, LABELS[f.field] || f.attribute, f.step];
		});
	// "Compare with": the widget's presets, each setting the block's `compare…` attributes (the
	// same scenario with those fields changed); the name shown for the compared plan.
	var camel = function (s) {
		return s.replace(/-([a-z])/g, function (_, c) {
			return c.toUpperCase();
		});
	};
	var COMPARE = Widget.observedAttributes
		.filter(function (n) {
			return n.indexOf("compare-") === 0 && n !== "compare-label";
		})
		.map(camel);
	var PRESETS = Widget.comparisons;
	function presetOf(a) {
		var set = COMPARE.filter(function (k) {
			return a[k] !== undefined;
		});
		if (!set.length) return "";
		var id = Object.keys(PRESETS).filter(function (p) {
			var keys = Object.keys(PRESETS[p]);
			return keys.length === set.length && keys.every(function (k) {
				return String(a[camel("compare-" + k)]) === PRESETS[p][k];
			});
		})[0];
		return id || "custom";
	}
	function setPreset(props) {
		return function (id) {
			var change = {};
			COMPARE.forEach(function (k) {
				change[k] = undefined;
			});
			var preset = PRESETS[id] || {};
			Object.keys(preset).forEach(function (k) {
				change[camel("compare-" + k)] = preset[k];
			});
			props.setAttributes(change);
		};
	}

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
			var preset = presetOf(a);
			var compareOptions = [{ label: __("Nothing", "relief-timeline"), value: "" }]
				.concat(
					Object.keys(PRESETS).map(function (id) {
						return { label: id.replace(/-/g, " "), value: id };
					})
				)
				.concat(preset === "custom" ? [{ label: __("Other (set in the code)", "relief-timeline"), value: "custom" }] : []);
			var comparison = [
				el(SelectControl, { key: "compare", label: __("Compare with", "relief-timeline"), value: preset, options: compareOptions, onChange: setPreset(props) }),
				el(TextControl, { key: "compareLabel", label: __("Name of the compared plan", "relief-timeline"), value: a.compareLabel || "", onChange: set("compareLabel") }),
			];
			return el(
				"div",
				useBlockProps(),
				el(InspectorControls, null, el(PanelBody, { title: __("Scenario", "relief-timeline") }, controls), el(PanelBody, { title: __("Compare with another plan", "relief-timeline"), initialOpen: false }, comparison)),
				el(ServerSideRender, { block: "relief-timeline/timeline", attributes: a })
			);
		},
		save: function () {
			return null; // Rendered on the server.
		},
	});
})(window.wp);
