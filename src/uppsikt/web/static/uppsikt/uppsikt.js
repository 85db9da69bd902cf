// Focus after an htmx swap. When htmx replaces part of the page, the element that had
// focus (the button just pressed) is gone and the browser puts focus back at the top of
// the page. A swapped-in element marked `data-focus-after-swap` (with tabindex="-1")
// takes focus instead, and its `data-announce` text is read out by the polite live
// region named in `data-announce-in`, which lives outside the swapped part so that
// screen readers notice the change. Loaded as a file: the CSP allows no inline script.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.target;
    if (!(root instanceof Element)) {
      return;
    }
    var target = root.matches("[data-focus-after-swap]")
      ? root
      : root.querySelector("[data-focus-after-swap]");
    if (!target) {
      return;
    }
    target.removeAttribute("data-focus-after-swap");
    target.focus();
    var message = target.getAttribute("data-announce");
    var region = document.getElementById(target.getAttribute("data-announce-in") || "");
    if (message && region) {
      // Emptied first, so that the same message twice in a row is announced twice.
      region.textContent = "";
      window.setTimeout(function () {
        region.textContent = message;
      }, 50);
    }
  });
})();
