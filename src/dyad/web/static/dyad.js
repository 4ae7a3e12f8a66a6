// dyad article viewer: switch highlight layers and light an event's role mentions.
// Small and dependency-free; the pages work without it.
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  if (!text) { return; }
  document.querySelectorAll(".layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("no-" + box.dataset.layer, !box.checked);
    });
  });
  function light(ids, on) {
    ids.forEach(function (id) {
      if (!id) { return; }
      text.querySelectorAll('.hl-actor[data-actor="' + CSS.escape(id) + '"]').forEach(function (el) {
        el.classList.toggle("lit", on);
      });
    });
  }
  text.querySelectorAll(".hl-event").forEach(function (el) {
    var ids = (el.dataset.roles || "").split(" ");
    el.addEventListener("mouseenter", function () { light(ids, true); });
    el.addEventListener("mouseleave", function () { light(ids, false); });
  });
})();
