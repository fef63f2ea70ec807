// The demo page's language picker: every language the widget has a script for, by its own name.
(function () {
  "use strict";
  var chart = document.querySelector("relief-timeline");
  var select = document.getElementById("lang");
  customElements.get("relief-timeline").languages.forEach(function (lang) {
    var option = document.createElement("option");
    option.value = lang;
    option.textContent = new Intl.DisplayNames([lang], { type: "language" }).of(lang);
    select.appendChild(option);
  });
  select.value = (chart.getAttribute("lang") || document.documentElement.lang || "en").toLowerCase().split("-")[0];
  select.addEventListener("change", function () {
    chart.setAttribute("lang", select.value);
  });
})();
