/* The stand-in ticket screen: frames SOP Desk with the demand's context and lists the demand numbers
   SOP Desk reports with postMessage, accepted from SOP Desk's own origin only. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var demand = (params.get("chamado") || "").replace(/\D/g, "");
  var customer = (params.get("cnpj") || "").replace(/[^0-9./-]/g, "");
  var sopdesk = new URL(params.get("sopdesk") || (location.protocol + "//localhost:" + location.port + "/sopdesk/"));

  document.getElementById("ticket-number").textContent = demand || "—";
  document.getElementById("ticket-customer").textContent = customer || "—";

  if (demand) {
    fetch("../control/screen/tickets/" + demand).then(function (r) { return r.ok ? r.json() : null; }).then(function (t) {
      if (t) {
        document.getElementById("ticket-subject").textContent = t.nmtitulochamado || "—";
        document.getElementById("ticket-situation").textContent = t.nmsituacao || "—";
      }
    }).catch(function () { /* the screen works without the details */ });
  }

  document.getElementById("procedures").addEventListener("click", function () {
    var target = new URL("app/index.xhtml", sopdesk);
    if (customer) { target.searchParams.set("cnpj", customer); }
    if (demand) { target.searchParams.set("chamado", demand); }
    var frame = document.getElementById("sopdesk-frame");
    if (!frame.src) { frame.src = target.toString(); }
    document.getElementById("panel").hidden = false;
  });

  window.addEventListener("message", function (event) {
    if (event.origin !== sopdesk.origin || !event.data || event.data.type !== "sopdesk:demand") {
      return;
    }
    var number = String(event.data.demand || "").replace(/\D/g, "");
    if (!number || document.querySelector('[data-demand="' + number + '"]')) {
      return;
    }
    var item = document.createElement("li");
    item.setAttribute("data-demand", number);
    item.textContent = "Demanda " + number + (event.data.sop ? " (SOP " + String(event.data.sop) + ")" : "");
    document.getElementById("sopdesk-demands").appendChild(item);
    document.getElementById("no-demands").hidden = true;
  });
})();
