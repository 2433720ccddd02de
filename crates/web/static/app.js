// mentorat — progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Forms marked data-confirm="message" ask before an irreversible action. Once asked
  // here, the form says so (confirm=1) and the server skips its own confirmation page,
  // which is what people without JavaScript see.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form && form.getAttribute && form.getAttribute("data-confirm");
    if (!message) return;
    if (!window.confirm(message)) {
      event.preventDefault();
      return;
    }
    if (!form.querySelector('input[name="confirm"]')) {
      var yes = document.createElement("input");
      yes.type = "hidden";
      yes.name = "confirm";
      yes.value = "1";
      form.appendChild(yes);
    }
  });

  // The commune picker: an input marked data-commune-picker becomes an ARIA 1.2
  // combobox fed by /api/v1/communes. data-picker-target="id" names a hidden input
  // that receives the commune code; data-submit-on-choose submits the form on choice.
  var pickers = document.querySelectorAll("input[data-commune-picker]");
  Array.prototype.forEach.call(pickers, enhance);

  function enhance(input, index) {
    var listId = "picker-list-" + index;
    var wrapper = document.createElement("div");
    wrapper.className = "picker";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", (input.labels && input.labels[0] && input.labels[0].textContent) || "");
    list.hidden = true;
    wrapper.appendChild(list);
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var target = input.getAttribute("data-picker-target");
    var hidden = target ? document.getElementById(target) : null;
    var results = [];
    var active = -1;
    var timer = null;
    var lang = document.documentElement.lang || "fr";
    var messages = {
      fr: ["Aucune commune trouvée.", "Une commune trouvée. Utilisez les flèches pour la choisir.", " communes trouvées. Utilisez les flèches pour choisir."],
      en: ["No town found.", "One town found. Use the arrow keys to choose it.", " towns found. Use the arrow keys to choose."]
    }[lang === "en" ? "en" : "fr"];

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      var items = list.children;
      for (var k = 0; k < items.length; k++) {
        items[k].setAttribute("aria-selected", k === i ? "true" : "false");
      }
      active = i;
      if (i >= 0 && items[i]) {
        input.setAttribute("aria-activedescendant", items[i].id);
        items[i].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(i) {
      var r = results[i];
      if (!r) return;
      input.value = r.label;
      if (hidden) hidden.value = r.code;
      close();
      if (input.hasAttribute("data-submit-on-choose") && input.form) {
        input.form.submit();
      }
    }

    function render() {
      list.textContent = "";
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(document.createTextNode(r.label));
        var detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = [r.postal_codes.slice(0, 3).join(", "), r.departement ? r.departement.name : ""]
          .filter(Boolean).join(" — ");
        li.appendChild(detail);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      var open = results.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = results.length === 0 ? messages[0]
        : results.length === 1 ? messages[1] : results.length + messages[2];
      active = -1;
    }

    function fetchResults() {
      var q = input.value.trim();
      if (hidden) hidden.value = "";
      if (q.length < 2) { results = []; close(); return; }
      fetch("/api/v1/communes?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (body) {
          if (input.value.trim() !== q) return;
          results = body.results || [];
          render();
        })
        .catch(function () { results = []; close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchResults, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, results.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }
})();

// An import running in the background: its page follows the progress (every two
// seconds, the state part of the page is fetched again and replaced; without a script,
// the page has a « Rafraîchir » link).
(function () {
  "use strict";
  if (!document.querySelector("[data-import-running]")) return;
  function follow() {
    fetch(location.href, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("import-state");
        var shown = document.getElementById("import-state");
        if (!fresh || !shown) return;
        shown.replaceWith(fresh);
        if (fresh.hasAttribute("data-import-running")) setTimeout(follow, 2000);
      })
      .catch(function () { setTimeout(follow, 5000); });
  }
  setTimeout(follow, 2000);
})();
