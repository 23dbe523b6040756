// Search suggestions as you type: a small progressive enhancement. Without
// JavaScript the search form submits to /search as usual.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggest");
  if (!input || !list || !window.fetch) return;
  var endpoint = input.getAttribute("data-suggest");
  var timer = 0, seq = 0, active = -1;

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show(items) {
    list.textContent = "";
    active = -1;
    if (!items.length) { close(); return; }
    items.forEach(function (s, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "presentation");
      var a = document.createElement("a");
      a.href = s.url;
      a.id = "q-opt-" + i;
      a.setAttribute("role", "option");
      var label = document.createElement("span");
      label.textContent = s.label + (s.year ? " (" + s.year + ")" : "");
      var kind = document.createElement("span");
      kind.className = "k";
      kind.textContent = s.kind;
      a.appendChild(label);
      a.appendChild(kind);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var mine = ++seq;
    fetch(endpoint + "?n=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { if (mine === seq) show(data.suggestions || []); })
      .catch(function () { /* suggestions are optional; the form still works */ });
  }

  function move(step) {
    var opts = list.querySelectorAll("a");
    if (!opts.length) return;
    if (active >= 0) opts[active].removeAttribute("aria-selected");
    active = (active + step + opts.length) % opts.length;
    opts[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", opts[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    }
  });
  document.addEventListener("click", function (e) {
    if (e.target !== input && !list.contains(e.target)) close();
  });
})();
