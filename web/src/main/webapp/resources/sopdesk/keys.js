/*
 * The desk from the keyboard alone (docs/keyboard.md): focus starts on the thing to do and moves to
 * the next one after every Ajax update (never to the top of the page); digits answer the open
 * question, Enter goes on, "?" opens the shortcuts overlay. A file of its own: the CSP runs no
 * inline script. The page marks what the script needs with data-keys-* attributes.
 */
(function () {
  "use strict";

  var ONE_LINE = /^(text|search|email|tel|url|password|number|date|datetime-local|month|time|week)$/i;
  var FIELDS = "input:not([type=hidden]):not([type=file]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled])";
  var lastKey = { key: "", at: 0, radio: false };
  var helpReturn = null;
  var lastFocused = null;
  /** The button or link last pressed outside a dialog: what opened the dialog that shows next. */
  var lastPressed = null;

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function visible(el) {
    return !!el && el.isConnected && el.getClientRects().length > 0;
  }

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  /** Where typed characters belong to the field (text inputs, text areas, menus, comboboxes). */
  function typing(el) {
    if (!el || el === document.body) {
      return false;
    }
    var role = el.getAttribute("role");
    if (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || role === "combobox" || role === "listbox") {
      return true;
    }
    return el.tagName === "INPUT" && ONE_LINE.test(el.type || "text");
  }

  function oneLineField(el) {
    return !!el && el.tagName === "INPUT" && ONE_LINE.test(el.type || "text") && !el.readOnly && el.getAttribute("role") !== "combobox";
  }

  function focusOn(el) {
    if (!el) {
      return false;
    }
    if (!el.matches("a[href], button, input, select, textarea, [tabindex]")) {
      el.setAttribute("tabindex", "-1");
    }
    el.focus();
    return document.activeElement === el;
  }

  /** The element itself when it takes focus, else the first control inside that Tab reaches, else itself made focusable. */
  function focusInto(el) {
    var inner = el.matches("a[href], button, input, select, textarea") ? el
      : all(FIELDS + ", button:not([disabled]), a[href], [tabindex]", el).filter(function (c) {
        return visible(c) && c.getAttribute("tabindex") !== "-1";
      })[0];
    return focusOn(inner || el);
  }

  // --- the walk: path nodes, the open question, the stops Enter goes on through ---

  function pathNodes() {
    return all("li[data-node]");
  }

  function radiosOf(node) {
    return node ? all("input[type=radio]:not([disabled])", node) : [];
  }

  /** The question waiting for an answer: the last node of the path, when it asks one. */
  function openQuestion() {
    var nodes = pathNodes();
    var last = nodes[nodes.length - 1];
    var radios = radiosOf(last);
    return radios.length > 0 && !radios.some(function (r) { return r.checked; }) ? last : null;
  }

  function questionAt(el) {
    var node = el && el.closest ? el.closest("li[data-node]") : null;
    return radiosOf(node).length > 0 ? node : null;
  }

  function stops() {
    return all("[data-keys-stop]").filter(visible);
  }

  /** A stop: a result or a path node takes focus itself, a group of fields its first empty field. */
  function enterStop(stop) {
    if (stop.getAttribute("data-keys-stop") !== "fields") {
      return focusOn(stop);
    }
    var fields = all(FIELDS, stop).filter(visible);
    var empty = fields.filter(function (f) { return (f.type === "checkbox" || f.type === "radio") ? false : !f.value; })[0];
    return focusOn(empty || fields[0] || stop);
  }

  /** Enter outside a text field: on to the next stop after where focus is. */
  function goOn(from) {
    var next = stops().filter(function (s) {
      return !s.contains(from) && (from.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
    })[0];
    return next ? enterStop(next) : false;
  }

  /** The thing to do on a page that has a walk: its result, the open question, else where the path ends. */
  function thingToDo() {
    var result = shownResults()[0];
    if (result) {
      return result;
    }
    var nodes = pathNodes();
    return openQuestion() || nodes[nodes.length - 1] || null;
  }

  function shownResults() {
    return all("[data-keys-stop=result]").filter(visible);
  }

  /** A result's identity: its id and which of its panels shows (queued, sent, refused...). */
  function resultKey(el) {
    return el.id + "|" + Array.prototype.map.call(el.children, function (c) { return visible(c) ? c.className : ""; }).join(",");
  }

  /** Digit n: the n-th option of the question focus is in, else of the open question. */
  function pick(n) {
    var node = questionAt(document.activeElement) || openQuestion();
    var radio = radiosOf(node)[n - 1];
    if (!radio) {
      return false;
    }
    if (radio.checked) {
      return goOn(node) || true;
    }
    var label = document.querySelector("label[for='" + CSS.escape(radio.id) + "']");
    var box = radio.parentNode && radio.parentNode.nextElementSibling;
    (label || (box && box.classList.contains("ui-radiobutton-box") ? box : radio)).click();
    return true;
  }

  // --- the SOP list: Enter opens the first result, arrows walk the list ---

  function resultLinks(input) {
    var list = byId(input.getAttribute("data-keys-results"));
    return list ? all("a[href]", list).filter(visible) : [];
  }

  function openFirstResult(input) {
    // the search runs 250 ms after the last key (p:ajax delay): let it start, then finish
    setTimeout(function settled() {
      if (window.PrimeFaces && PrimeFaces.ajax && !PrimeFaces.ajax.Queue.isEmpty()) {
        setTimeout(settled, 100);
        return;
      }
      var first = resultLinks(input)[0];
      if (first) {
        first.click();
      }
    }, 400);
  }

  function moveInList(el, step) {
    var input = document.querySelector("[data-keys-results]");
    if (!input) {
      return false;
    }
    var links = resultLinks(input);
    var at = el === input ? -1 : links.indexOf(el);
    if (el !== input && at < 0) {
      return false;
    }
    var to = at + step;
    return to < 0 ? focusOn(input) : (to < links.length ? focusOn(links[to]) : true);
  }

  // --- Enter in a one-line field: the button its group names, never a button the form happens to list first ---

  /**
   * The button a group's data-keys-enter names: its client id, or, in a table row (one button per
   * row), its own id inside the group ("saveTeam" finds "qualitor:teams:3:saveTeam").
   */
  function enterButton(group) {
    var name = group.getAttribute("data-keys-enter");
    return byId(name) || all("button", group).filter(function (b) { return b.id.slice(-name.length - 1) === ":" + name; })[0] || null;
  }

  function enterInField(field, event) {
    var group = field.closest("[data-keys-enter]");
    if (group) {
      var button = enterButton(group);
      if (visible(button) && !button.disabled) {
        event.preventDefault();
        button.click();
      }
      return;
    }
    var form = field.form;
    if (form && all("button[type=submit], input[type=submit]", form).filter(visible).length > 1) {
      // the browser would press whichever button the form lists first (a triage chip, "Trocar de SOP"...)
      event.preventDefault();
    }
  }

  function saveShown() {
    var groups = stops().filter(function (s) { return s.hasAttribute("data-keys-enter"); });
    var button = groups.length ? enterButton(groups[0]) : null;
    if (visible(button)) {
      button.click();
      return true;
    }
    return false;
  }

  // --- the shortcuts overlay ---

  function help() {
    return byId("keys-help");
  }

  function helpOpen() {
    var overlay = help();
    return !!overlay && !overlay.hidden;
  }

  function openHelp() {
    var overlay = help();
    if (!overlay) {
      return;
    }
    helpReturn = document.activeElement;
    overlay.hidden = false;
    all("body > header, body > main").forEach(function (e) { e.inert = true; });
    focusOn(overlay.querySelector(".keys-help-box"));
  }

  function closeHelp() {
    var overlay = help();
    overlay.hidden = true;
    all("body > header, body > main").forEach(function (e) { e.inert = false; });
    if (helpReturn && helpReturn.isConnected && helpReturn !== document.body) {
      helpReturn.focus();
    } else {
      focusOn(thingToDo() || document.querySelector("main h1"));
    }
    helpReturn = null;
  }

  /** Tab and Shift+Tab go round inside the overlay while it is open. */
  function trapTab(event) {
    var inside = all("button, a[href], input, [tabindex]:not([tabindex='-1'])", help()).filter(visible);
    var first = inside[0];
    var last = inside[inside.length - 1];
    var at = document.activeElement;
    if (!first) {
      event.preventDefault();
    } else if (event.shiftKey && (at === first || !help().contains(at) || at.classList.contains("keys-help-box"))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (at === last || !help().contains(at))) {
      event.preventDefault();
      first.focus();
    }
  }

  function anyDialogOpen() {
    return all(".ui-dialog").some(visible);
  }

  // --- keys ---

  function onKey(event) {
    var el = document.activeElement;
    lastKey = { key: event.key, at: Date.now(), radio: !!el && el.type === "radio" };
    if (helpOpen()) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        closeHelp();
      } else if (event.key === "Tab") {
        trapTab(event);
      }
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if (saveShown()) {
        event.preventDefault();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    if (el && el.hasAttribute && el.hasAttribute("data-keys-results")) {
      if (event.key === "Enter") {
        event.preventDefault();
        openFirstResult(el);
      } else if (event.key === "ArrowDown" && moveInList(el, 1)) {
        event.preventDefault();
      }
      return;
    }
    if (event.key === "Enter" && oneLineField(el)) {
      enterInField(el, event);
      return;
    }
    if (typing(el)) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (moveInList(el, event.key === "ArrowDown" ? 1 : -1)) {
        event.preventDefault();
      }
    } else if (event.key === "?") {
      if (!anyDialogOpen()) {
        event.preventDefault();
        openHelp();
      }
    } else if (/^[1-9]$/.test(event.key)) {
      if (pick(Number(event.key))) {
        event.preventDefault();
      }
    } else if (event.key === "Enter") {
      var control = el && el.matches && el.matches("a[href], button, select, summary, [role=button], [role=link], [role=tab], [role=menuitem]");
      if (!el || el === document.body) {
        if (focusOn(thingToDo())) {
          event.preventDefault();
        }
      } else if (!control && goOn(el)) {
        event.preventDefault();
      } else if (el && (el.type === "radio" || el.type === "checkbox")) {
        event.preventDefault(); // Enter on an option submits the form in some browsers: it only goes on here
      }
    } else if (event.key.length === 1) {
      var target = all("[data-keys-key]").filter(function (t) {
        return t.getAttribute("data-keys-key") === event.key && visible(t);
      })[0];
      if (target && focusInto(target)) {
        event.preventDefault();
      }
    }
  }

  // --- after every Ajax update: focus on the next thing to do, the reading position kept ---

  function sourceId(settings) {
    var source = settings && settings.source;
    return !source ? "" : (typeof source === "string" ? source : source.id || source.name || "");
  }

  function idChain(el) {
    var ids = [];
    for (var e = el; e && e.nodeType === 1; e = e.parentNode) {
      if (e.id) {
        ids.push(e.id);
      }
    }
    return ids;
  }

  /** The first element on screen the page can find again after an update, and where it stood. */
  function readingAnchor() {
    if (window.scrollY === 0) {
      return null;
    }
    var candidates = all("main h1, main h2, main h3, main [id], main tr[data-rk]");
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i];
      var top = visible(c) ? c.getBoundingClientRect().top : -1;
      if (top >= 0) {
        return { el: c, id: c.id, rk: c.getAttribute("data-rk"), top: top };
      }
    }
    return null;
  }

  function keepReading(anchor) {
    if (!anchor) {
      return;
    }
    var el = anchor.el.isConnected ? anchor.el : byId(anchor.id)
      || (anchor.rk ? document.querySelector("tr[data-rk='" + CSS.escape(anchor.rk) + "']") : null);
    if (el) {
      window.scrollBy(0, el.getBoundingClientRect().top - anchor.top);
    }
  }

  function snapshot(settings) {
    var active = document.activeElement;
    var source = byId(sourceId(settings));
    return {
      chain: idChain(active),
      nodes: pathNodes().map(function (n) { return n.getAttribute("data-node"); }),
      results: shownResults().map(resultKey),
      submit: !!source && source.tagName === "BUTTON",
      form: source && source.form ? source.form.id : "", // by id: an update of @form replaces the form itself
      browsing: lastKey.radio && /^Arrow/.test(lastKey.key) && Date.now() - lastKey.at < 2000,
      anchor: /(^|:)poll$/.test(sourceId(settings)) ? readingAnchor() : null
    };
  }

  /** The field of an error message: the one it names, else the field it sits beside (each field is a .field with its message). */
  function fieldOf(message) {
    var named = byId(message.getAttribute("data-target"));
    if (visible(named)) {
      return named;
    }
    var box = message.closest(".field") || message.parentNode;
    return all(FIELDS, box).filter(visible)[0] || null;
  }

  /** The first field, in the page's order, marked invalid or with an error message beside it. */
  function firstInvalid(form) {
    var root = form || document;
    var fields = all("[aria-invalid=true]", root).filter(visible)
      .concat(all(".ui-message-error", root).filter(visible).map(fieldOf))
      .filter(function (f) { return !!f; });
    fields.sort(function (a, b) {
      return a === b ? 0 : (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    });
    return fields[0] || null;
  }

  function focusLost() {
    var active = document.activeElement;
    return !active || active === document.body || !active.isConnected || !visible(active);
  }

  /** Focus back where it was (the same element, re-rendered), else on the nearest region left, else on the thing to do. */
  function restore(chain) {
    for (var i = 0; i < chain.length; i++) {
      var el = byId(chain[i]);
      if (el && el.tagName === "FORM") {
        break;
      }
      if (visible(el)) {
        return focusInto(el);
      }
    }
    var todo = thingToDo();
    return todo ? focusOn(todo) : false;
  }

  function afterUpdate(before) {
    var invalid = before.submit ? firstInvalid(byId(before.form)) : null;
    if (invalid) {
      focusInto(invalid);
      return;
    }
    var fresh = pathNodes().filter(function (n) { return before.nodes.indexOf(n.getAttribute("data-node")) < 0; })[0];
    if (fresh && !before.browsing) {
      focusOn(fresh);
      return;
    }
    var result = shownResults().filter(function (r) { return before.results.indexOf(resultKey(r)) < 0; })[0];
    if (result) {
      focusOn(result);
      return;
    }
    if (before.chain.length && focusLost()) {
      restore(before.chain);
    }
    keepReading(before.anchor);
  }

  /**
   * A dialog closed: focus back on what opened it, or where that was when an update replaced it.
   * PrimeFaces remembers what had focus when the dialog shows: by then, after the Ajax request of the
   * button that opened it, that is the table cell around the button (the data table takes focus on
   * a click in a cell) or nothing. The control last pressed outside a dialog stands in.
   */
  function patchDialogs() {
    var Dialog = window.PrimeFaces && PrimeFaces.widget && PrimeFaces.widget.Dialog;
    if (!Dialog || Dialog.prototype.sopdeskKeys) {
      return;
    }
    var show = Dialog.prototype.show;
    var returnFocus = Dialog.prototype.returnFocus;
    Dialog.prototype.sopdeskKeys = true;
    Dialog.prototype.show = function () {
      var active = document.activeElement && document.activeElement !== document.body ? document.activeElement : lastFocused;
      var opener = lastPressed && lastPressed.isConnected ? lastPressed : active;
      var shown = this.isVisible();
      var result = show.apply(this, arguments);
      if (!shown && opener) {
        this.focusedElementBeforeDialogOpened = opener;
        lastPressed = null;
      }
      return result;
    };
    Dialog.prototype.returnFocus = function () {
      var opener = this.focusedElementBeforeDialogOpened;
      if (opener && !opener.isConnected) {
        var chain = idChain(opener);
        setTimeout(function () {
          if (focusLost()) {
            restore(chain);
          }
        }, 150);
      }
      return returnFocus.apply(this, arguments);
    };
  }

  /** p:poll onstart on the dashboard: no refresh while a timeline is open or a dialog is in use. */
  window.sopdeskKeys = {
    mayRefresh: function () {
      return !anyDialogOpen() && !document.querySelector(".ui-expanded-row-content");
    }
  };

  function start() {
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", function (event) {
      var control = event.target.closest && event.target.closest("button, a[href], [role=button]");
      if (control && !control.closest(".ui-dialog, #keys-help")) {
        lastPressed = control;
      }
    }, true);
    document.addEventListener("focusin", function (event) {
      if (event.target !== document.body && event.target.closest && !event.target.closest(".ui-dialog, #keys-help")) {
        lastFocused = event.target;
      }
    });
    var open = byId("keys-help-open");
    if (open) {
      open.addEventListener("click", openHelp);
    }
    var close = byId("keys-help-close");
    if (close) {
      close.addEventListener("click", closeHelp);
    }
    if (window.jQuery) {
      jQuery(document).on("pfAjaxSend", function (event, xhr, settings) {
        xhr.sopdeskKeys = snapshot(settings);
      }).on("pfAjaxComplete", function (event, xhr) {
        var before = xhr.sopdeskKeys;
        if (before) {
          setTimeout(function () { afterUpdate(before); }, 0);
        }
      });
    }
    patchDialogs();
    var active = document.activeElement;
    if ((!active || active === document.body) && !location.hash) {
      var arrival = document.querySelector("[data-keys-arrival]");
      focusOn(visible(arrival) ? arrival : thingToDo());
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
