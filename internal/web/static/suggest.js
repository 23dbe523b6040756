// Search suggestions as you type: a small progressive enhancement. Without
// JavaScript every form still submits as usual (the search box to /search,
// the compare page's boxes to /compare). Each input with data-suggest gets
// the list named by its aria-controls; an input with data-pick="film" keeps
// film suggestions only and fills itself with the chosen film's slug
// instead of following the link.
(function () {
  "use strict";
  if (!window.fetch) return;
  var inputs = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(inputs, attach);

  function attach(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    var endpoint = input.getAttribute("data-suggest");
    var pick = input.getAttribute("data-pick");
    var timer = 0, seq = 0, active = -1;

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(a) {
      if (pick) {
        input.value = a.getAttribute("data-slug");
        close();
      } else {
        window.location.href = a.href;
      }
    }

    function show(items) {
      list.textContent = "";
      active = -1;
      if (pick) items = items.filter(function (s) { return s.kind === pick; });
      if (!items.length) { close(); return; }
      items.forEach(function (s, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "presentation");
        var a = document.createElement("a");
        a.href = s.url;
        a.id = list.id + "-opt-" + i;
        a.setAttribute("role", "option");
        a.setAttribute("data-slug", s.slug);
        var label = document.createElement("span");
        label.textContent = s.label + (s.year ? " (" + s.year + ")" : "");
        var kind = document.createElement("span");
        kind.className = "k";
        kind.textContent = s.kind;
        a.appendChild(label);
        a.appendChild(kind);
        if (pick) a.addEventListener("click", function (e) { e.preventDefault(); choose(a); });
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
        choose(list.querySelectorAll("a")[active]);
      }
    });
    document.addEventListener("click", function (e) {
      if (e.target !== input && !list.contains(e.target)) close();
    });
  }
})();
