/* Warta public site: text-size control and small navigation enhancements.
 * Everything here is optional: without JavaScript the site works at the default text
 * size, the menu is a plain <details> disclosure and submenus open on click. */
(function () {
  "use strict";

  var KEY = "warta-ukuran-teks";
  var SIZES = [87.5, 100, 112.5, 125, 150, 175]; // percent of the browser's own size
  var NORMAL = 1;
  var root = document.documentElement;

  function readLevel() {
    try {
      var level = parseInt(window.localStorage.getItem(KEY), 10);
      return level >= 0 && level < SIZES.length ? level : NORMAL;
    } catch (e) {
      return NORMAL; // storage blocked (private mode, policy)
    }
  }

  function applyLevel(level) {
    root.style.fontSize = level === NORMAL ? "" : SIZES[level] + "%";
  }

  function saveLevel(level) {
    try {
      if (level === NORMAL) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, String(level));
      }
    } catch (e) { /* not remembered, still applied */ }
  }

  // Runs in <head>: apply the saved size before the first paint.
  var level = readLevel();
  applyLevel(level);

  function setUpTextSize() {
    var group = document.querySelector("[data-text-size]");
    if (!group) return;
    var buttons = group.querySelectorAll("[data-text-size-step]");
    function refresh() {
      for (var i = 0; i < buttons.length; i++) {
        var step = parseInt(buttons[i].getAttribute("data-text-size-step"), 10);
        var limit = step < 0 ? level === 0 : step > 0 ? level === SIZES.length - 1 : false;
        buttons[i].disabled = limit;
        if (step === 0) buttons[i].setAttribute("aria-pressed", level === NORMAL ? "true" : "false");
      }
    }
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size-step]");
      if (!button) return;
      var step = parseInt(button.getAttribute("data-text-size-step"), 10);
      level = step === 0 ? NORMAL : Math.min(SIZES.length - 1, Math.max(0, level + step));
      applyLevel(level);
      saveLevel(level);
      refresh();
    });
    group.hidden = false;
    refresh();
  }

  function setUpNavigation() {
    var disclosure = document.querySelector("[data-nav-disclosure]");
    var submenus = document.querySelectorAll("[data-submenu]");
    var wide = window.matchMedia("(min-width: 60em)");

    // On wide screens the menu bar is always visible.
    function syncDisclosure() {
      if (disclosure) disclosure.open = wide.matches;
    }
    syncDisclosure();
    if (wide.addEventListener) wide.addEventListener("change", syncDisclosure);

    function closeSubmenus(except) {
      for (var i = 0; i < submenus.length; i++) {
        if (submenus[i] !== except) submenus[i].open = false;
      }
    }
    // One dropdown at a time on wide screens.
    for (var i = 0; i < submenus.length; i++) {
      submenus[i].addEventListener("toggle", function (event) {
        if (event.target.open && wide.matches) closeSubmenus(event.target);
      });
    }
    // Escape closes an open dropdown and returns focus to its toggle; so does a click outside.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelector("[data-submenu][open]");
      if (open && wide.matches) {
        open.open = false;
        open.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (wide.matches && !event.target.closest("[data-submenu]")) closeSubmenus(null);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTextSize();
    setUpNavigation();
  });
})();
