// mentorat — progressive enhancement only: every page works without this file.
// Forms marked data-confirm="message" ask before an irreversible action.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form && form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
