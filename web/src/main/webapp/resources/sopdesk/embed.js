/*
 * SOP Desk inside Qualitor's ticket screen: when a page framed by one of the configured Qualitor
 * origins (sopdesk.embed.origins) shows a new demand number, the framing screen is told with
 * postMessage({type: "sopdesk:demand", demand, ticket, sop}), addressed to those origins only.
 */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var meta = document.querySelector('meta[name="sopdesk-embed-origins"]');
  var origins = meta ? meta.getAttribute("content").split(/\s+/).filter(function (o) { return o; }) : [];
  if (origins.length === 0) {
    return;
  }
  var told = {};
  function tell() {
    var shown = document.getElementById("demand-number");
    var demand = shown ? shown.textContent.trim() : "";
    if (!/^\d+$/.test(demand) || told[demand]) {
      return;
    }
    told[demand] = true;
    var message = { type: "sopdesk:demand", demand: demand, ticket: shown.getAttribute("data-ticket"), sop: shown.getAttribute("data-sop") };
    origins.forEach(function (origin) {
      window.parent.postMessage(message, origin);
    });
  }
  new MutationObserver(tell).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", tell);
  } else {
    tell();
  }
})();
