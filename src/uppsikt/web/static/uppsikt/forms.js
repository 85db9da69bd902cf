// Keeps the CSRF token of every form current. Logging in again (for instance in another
// tab after the session expired) gives a new token; without this, the forms of a page
// opened before would all be refused, and the writer would meet the CSRF error page.
(function () {
  "use strict";

  function cookieToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function refresh() {
    var token = cookieToken();
    if (!token) {
      return "";
    }
    document.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
      input.value = token;
    });
    return token;
  }

  // Capture: before htmx or the browser reads the form's values.
  document.addEventListener("submit", refresh, true);
  document.addEventListener("click", refresh, true);
  window.addEventListener("focus", refresh);
  document.addEventListener("visibilitychange", refresh);
  document.addEventListener("htmx:configRequest", function (event) {
    var token = refresh();
    if (!token) {
      return;
    }
    event.detail.headers["X-CSRFToken"] = token;
    var parameters = event.detail.parameters;
    if (parameters && parameters.csrfmiddlewaretoken !== undefined) {
      parameters.csrfmiddlewaretoken = token;
    }
  });
})();
