/* A citation marker opens its reference in place: on a tap, a click or Enter, the entry from
   the page's reference list is shown beside the marker, with a link to it in the list.
   Escape, the close button or a click elsewhere closes it and gives focus back to the
   marker. Without this script a marker is a plain link to the reference, which links back
   to each of its markers (↩). Runs on every page; no markup is written in pages. */
(function () {
  "use strict";
  var pop = null;
  var opener = null;

  function close(restore) {
    if (!pop) return;
    pop.remove();
    pop = null;
    if (restore && opener) opener.focus();
    opener = null;
  }

  function build(marker, entry) {
    var box = document.createElement("div");
    box.className = "cite-pop md-typeset";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Reference " + marker.textContent);
    box.tabIndex = -1;
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "cite-pop__close";
    shut.setAttribute("aria-label", "Close");
    shut.textContent = "×";
    shut.addEventListener("click", function () { close(true); });
    box.appendChild(shut);
    var line = entry.querySelector("summary");
    var more = entry.querySelector(".ref__more");
    var head = document.createElement("p");
    head.innerHTML = line ? line.innerHTML : "";
    box.appendChild(head);
    if (more) {
      var body = more.cloneNode(true);
      var here = body.querySelector(".ref__cited-at");
      if (here) here.remove();
      box.appendChild(body);
    }
    var go = document.createElement("p");
    var link = document.createElement("a");
    link.href = "#" + entry.id;
    link.textContent = "Show in the list of references";
    link.addEventListener("click", function () { close(false); });
    go.appendChild(link);
    box.appendChild(go);
    return box;
  }

  function place(box, marker) {
    var r = marker.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = r.bottom + window.scrollY + 4 + "px";
  }

  function open(marker) {
    var id = decodeURIComponent((marker.getAttribute("href") || "").slice(1));
    var entry = id && document.getElementById(id);
    if (!entry || !entry.querySelector("summary")) return false;
    close(false);
    opener = marker;
    pop = build(marker, entry);
    document.body.appendChild(pop);
    place(pop, marker);
    pop.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var marker = event.target.closest ? event.target.closest("a.cite") : null;
    if (marker) {
      if (open(marker)) event.preventDefault();
      return;
    }
    if (pop && !pop.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && pop) close(true);
  });
})();
