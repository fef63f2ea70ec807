// For a page that shows relief-timeline's embed.html in an <iframe data-relief-timeline>: resizes
// that iframe to the height its page reports, so it neither scrolls nor leaves a gap. Load it once
// per page, anywhere: <script src="embed-parent.js"></script> (or paste these lines in a <script>).
addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "relief-timeline:height" || !(data.height > 0)) return;
  var frames = document.querySelectorAll("iframe[data-relief-timeline]");
  for (var i = 0; i < frames.length; i++) {
    // Only the iframe that sent the message: never another frame, nor the page itself.
    if (frames[i].contentWindow === event.source) frames[i].style.height = Math.min(data.height, 4000) + "px";
  }
});
