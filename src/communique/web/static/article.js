// Article reader: link side-panel records and highlighted spans both ways; switch layers on and off.
"use strict";
(function () {
  const text = document.getElementById("text");
  if (!text) return;
  const spansOf = (id) => text.querySelectorAll('[data-r~="' + CSS.escape(id) + '"]');
  let focused = [];

  function focus(id, scroll) {
    focused.forEach((el) => el.classList.remove("focus"));
    focused = Array.from(spansOf(id));
    document.querySelectorAll(".record.focus").forEach((el) => el.classList.remove("focus"));
    const record = document.querySelector('.record[data-rec="' + CSS.escape(id) + '"]');
    if (record) record.classList.add("focus");
    // a position shows the quote and the event it comes from with it
    const links = record && record.dataset.links ? record.dataset.links.split(" ") : [];
    links.forEach((other) => { focused = focused.concat(Array.from(spansOf(other))); });
    focused.forEach((el) => el.classList.add("focus"));
    if (scroll && focused.length) focused[0].scrollIntoView({ behavior: "smooth", block: "center" });
    return record;
  }

  document.querySelectorAll(".record").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", "#" + link.dataset.rec);
      focus(link.dataset.rec, true);
    });
  });

  // Clicking highlighted text shows its records in the panel (the innermost, shortest one first).
  text.addEventListener("click", (event) => {
    const span = event.target.closest("[data-r]");
    if (!span) return;
    const ids = span.dataset.r.split(" ");
    const record = focus(ids[ids.length - 1], false);
    if (record) record.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });

  document.querySelectorAll("input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => text.classList.toggle("show-" + box.dataset.layer, box.checked));
  });

  if (location.hash.length > 1) focus(decodeURIComponent(location.hash.slice(1)), true);
})();
