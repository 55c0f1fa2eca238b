// Agent Assist: the agent's view of one payment session. Plain JS, no build step.
// It authenticates only with the session-scoped token from its own link, and it only ever
// receives and shows asterisks, the brand and the last four digits: never card data.
(function () {
  "use strict";

  var FIELD_NAMES = {
    card_number: "Card number", expiry: "Expiry date", security_code: "Security code", postal_code: "Postcode",
    sort_code: "Sort code", routing_number: "Routing number", bsb: "BSB", account_number: "Account number", account_type: "Account type"
  };
  var FIELD_ORDER = ["card_number", "expiry", "security_code", "postal_code", "sort_code", "routing_number", "bsb", "account_number", "account_type"];
  // Bank sessions: what the agent reads before taking the payment (the server records which one was read).
  var CONFIRMATIONS = {
    direct_debit_guarantee: "Your payments are protected by the Direct Debit Guarantee. If an error is made in the amount or date of your Direct Debit, you are entitled to a full and immediate refund from your bank. You can cancel a Direct Debit at any time by contacting your bank.",
    ach_authorization: "By confirming, you authorize us to debit the bank account you gave for the amount shown, today and, for recurring payments, on each scheduled date, until you revoke this authorization by contacting us.",
    becs_service_agreement: "By confirming, you request us to debit your account through the Bulk Electronic Clearing System (BECS) under the Direct Debit Request Service Agreement, which we will send you."
  };
  var OPEN = { created: true, capturing: true, ready: true };
  var STATUS_TEXT = {
    created: "Ready to start", capturing: "Capturing", ready: "Ready to take payment", submitting: "Taking payment…",
    succeeded: "Completed", failed: "Failed", cancelled: "Cancelled", expired: "Expired",
    reconciling: "Checking with the gateway"
  };
  // Exactly the codes the server sends (AgentAssistVocabulary.cs; a test compares the two lists).
  // A field's error: CardErrorCodes.
  var FIELD_ERRORS = {
    invalid_card_number: "That card number is not valid. Ask the customer to key it again.",
    card_type_not_accepted: "This card type is not accepted. Ask for another card.",
    invalid_expiry: "That expiry date is not valid. It is 4 digits: month then year (MMYY).",
    expired_card: "That card has expired. Ask for another card.",
    invalid_security_code: "That security code is not valid. It is the 3 digits on the back (4 on the front for Amex).",
    invalid_postal_code: "That postcode is not valid.",
    invalid_sort_code: "That sort code is not valid. It is 6 digits.",
    invalid_account_number: "That account number is not valid for this bank. Ask the customer to check it and key it again.",
    invalid_routing_number: "That routing number is not valid. It is 9 digits. Ask the customer to check it and key it again.",
    invalid_bsb: "That BSB is not valid. It is 6 digits.",
    invalid_account_type: "Choose checking or savings.",
    input_timeout: "No key was pressed in time. Capture the field again and ask the customer to key it.",
    inputs_do_not_match: "The two entries did not match. Capture the field again and ask for it twice."
  };
  // A declined result's declineCode: DeclineCodes (every gateway's codes are mapped onto these).
  var DECLINES = {
    card_declined: "Card declined — ask for another card",
    insufficient_funds: "Insufficient funds — ask for another card",
    expired_card: "The card has expired — ask for another card",
    incorrect_cvc: "Security code incorrect — start a new payment and capture the card again",
    incorrect_number: "Card number incorrect — start a new payment and capture the card again",
    incorrect_zip: "Postcode did not match — check it with the customer, then start a new payment",
    lost_card: "Card declined — ask for another card",
    stolen_card: "Card declined — ask for another card",
    processing_error: "The bank could not process the card — try again in a moment",
    authentication_required: "The bank wants the cardholder to authenticate, which a phone payment cannot do — ask for another card",
    card_velocity_exceeded: "Too many attempts on this card — ask for another card",
    currency_not_supported: "This card cannot pay in this currency — ask for another card",
    card_not_supported: "This card cannot be used for this payment — ask for another card"
  };
  // The one event the session's event stream sends (data = the session).
  var SESSION_EVENT = "session";
  var DIGITS_LOST = "A key press may have been missed: reset and ask again.";

  var params = new URLSearchParams(window.location.search);
  var token = params.get("token") || "";
  var sessionId = document.body.getAttribute("data-session-id") || "";
  var region = document.body.getAttribute("data-region") || "";
  var $ = function (id) { return document.getElementById(id); };
  var current = null, busy = false, source = null, retryMs = 500, gone = false, lastAnnounced = {};

  function api(method, path, body) {
    var init = { method: method, headers: { "Authorization": "Bearer " + token, "Accept": "application/json" }, cache: "no-store" };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (res.status === 401) { linkGone(); throw new Error("unauthenticated"); }
        if (!res.ok) { var err = new Error((json && (json.detail || json.title)) || ("Request failed (" + res.status + ")")); err.problem = json; throw err; }
        return json;
      });
    });
  }

  function linkGone() {
    if (gone) { return; }
    gone = true;
    if (source) { source.close(); source = null; }
    var main = $("app");
    main.innerHTML = "";
    var box = document.createElement("div");
    box.className = "card gone";
    box.setAttribute("role", "alert");
    var h = document.createElement("h1");
    h.textContent = "This payment link has expired or is not valid";
    var p = document.createElement("p");
    p.textContent = "Open the payment again from your agent desktop to get a new link.";
    box.appendChild(h); box.appendChild(p); main.appendChild(box);
  }

  function showBanner(text) {
    var b = $("banner");
    b.textContent = text || "";
    b.hidden = !text;
  }

  function announce(text) { $("live").textContent = text; }

  function money(amount, currency) {
    if (typeof amount !== "number" || !currency) { return "—"; }
    try {
      var fmt = new Intl.NumberFormat("en-GB", { style: "currency", currency: currency });
      var digits = fmt.resolvedOptions().maximumFractionDigits;
      return fmt.format(amount / Math.pow(10, digits));
    } catch (e) { return amount + " " + currency; }
  }

  function minorUnits(text, currency) {
    var digits = 2;
    try { digits = new Intl.NumberFormat("en-GB", { style: "currency", currency: currency }).resolvedOptions().maximumFractionDigits; } catch (e) { digits = 2; }
    if (!/^\d+(\.\d+)?$/.test(text)) { return NaN; }
    var parts = text.split(".");
    if (parts[1] && parts[1].length > digits) { return NaN; }
    return Math.round(parseFloat(text) * Math.pow(10, digits));
  }

  // Asterisks grouped the way the number is printed on the card (Amex 4-6-5, Diners 4-6-4, else 4s).
  function groupMasked(name, masked, brand) {
    masked = (masked || "").replace(/[^*]/g, "*");
    if (name === "expiry") { return masked.length > 2 ? masked.slice(0, 2) + " / " + masked.slice(2) : masked; }
    if (name === "sort_code") { return masked.replace(/(\*{2})(?=\*)/g, "$1 "); } // ** ** **
    if (name === "bsb") { return masked.length > 3 ? masked.slice(0, 3) + " " + masked.slice(3) : masked; }
    if (name !== "card_number") { return masked; }
    var sizes = brand === "amex" ? [4, 6, 5] : brand === "diners" ? [4, 6, 4] : null;
    var out = [], i = 0, g = 0;
    while (i < masked.length) {
      var size = sizes ? (sizes[g] || 4) : 4;
      out.push(masked.slice(i, i + size)); i += size; g++;
    }
    return out.join(" ");
  }

  function brandName(brand) {
    var names = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", diners: "Diners Club", unionpay: "UnionPay", maestro: "Maestro" };
    return names[brand] || (brand ? brand.charAt(0).toUpperCase() + brand.slice(1) : "");
  }

  function fieldBadge(f) {
    if (f.state === "capturing" && f.confirming) { return "Listening for the second entry"; }
    return { empty: "Waiting", capturing: "Listening for keys", complete: "Complete", invalid: "Invalid" }[f.state] || f.state;
  }

  function fieldInfo(name, f) {
    var parts = [];
    var n = f.length || 0;
    if (f.state === "capturing" || n > 0) { parts.push(n + (n === 1 ? " digit" : " digits")); }
    if (name === "card_number" && f.brand && f.last4 && f.state === "complete") { parts.push(brandName(f.brand) + " ending " + f.last4); }
    if (typeof f.attemptsLeft === "number") { parts.push(f.attemptsLeft + (f.attemptsLeft === 1 ? " attempt left" : " attempts left")); }
    // Per-session controls the agent must act on while a field is being keyed.
    var controls = (current && current.controls) || {};
    if (f.state === "capturing" && f.confirming) { parts.push("ask the customer to key it again to confirm"); }
    if (f.state === "capturing" && controls.timeout) { parts.push(controls.timeout + " s allowed between keys"); }
    return parts.join(" · ");
  }

  function fieldError(f) {
    if (f.state !== "invalid" && !f.error) { return ""; }
    return FIELD_ERRORS[f.error] || (f.error ? "Not valid (" + f.error.replace(/_/g, " ") + "). Reset and ask again." : "Not valid. Reset and ask again.");
  }

  function fieldRow(name) {
    var row = document.querySelector('.field[data-field="' + name + '"]');
    if (row) { return row; }
    row = $("field-template").content.firstElementChild.cloneNode(true);
    row.setAttribute("data-field", name);
    row.id = "field-" + name;
    var label = FIELD_NAMES[name] || name;
    row.querySelector(".field-name").textContent = label;
    var capture = row.querySelector(".capture"), reset = row.querySelector(".reset");
    capture.textContent = "Capture " + label.toLowerCase();
    capture.id = "capture-" + name;
    reset.textContent = "Reset";
    reset.id = "reset-" + name;
    reset.setAttribute("aria-label", "Reset " + label.toLowerCase());
    capture.addEventListener("click", function () { act("capture", { field: name }); });
    reset.addEventListener("click", function () { act("reset", { field: name }); });
    if ((name === "postal_code" && region === "uk") || name === "account_type") { capture.hidden = true; }
    $("fields").appendChild(row);
    return row;
  }

  function announceField(name, f) {
    var label = FIELD_NAMES[name] || name;
    var key = f.state + "|" + (f.length || 0) + "|" + (f.error || "");
    if (lastAnnounced[name] === key) { return; }
    var first = lastAnnounced[name] === undefined;
    lastAnnounced[name] = key;
    if (first && f.state === "empty") { return; }
    if (f.state === "complete") {
      announce(label + " complete" + (f.brand && f.last4 ? ": " + brandName(f.brand) + " ending " + f.last4 : "") + ".");
    } else if (f.state === "invalid") {
      announce(label + " not valid. " + fieldError(f));
    } else if (f.state === "capturing") {
      announce(label + ": " + (f.length || 0) + " digits.");
    }
  }

  var FINAL = { succeeded: true, failed: true, cancelled: true, expired: true };

  function render(s) {
    if (!s || gone) { return; }
    // Responses and events can cross on the wire: never go back to an older version.
    if (current && typeof s.version === "number" && typeof current.version === "number" && s.version < current.version) { s = current; }
    current = s;
    if (FINAL[s.status] && source) { source.close(); source = null; $("connection").textContent = ""; }
    if (s.captureInterrupted && OPEN[s.status]) { showBanner("The capture was interrupted and the keyed digits were lost. Capture the field again."); }
    if (s.digitsLost > 0 && OPEN[s.status]) { showBanner(DIGITS_LOST); } // the banner is role=alert: read out by itself
    var open = !!OPEN[s.status];
    $("status").textContent = STATUS_TEXT[s.status] || s.status;
    $("status").setAttribute("data-status", s.status);
    $("details").hidden = false; $("fields-section").hidden = false; $("actions").hidden = false;
    $("amount-view").textContent = money(s.amount, s.currency);
    $("description-view").textContent = s.description || "—";
    $("reference-view").textContent = s.reference || "—";
    $("call-id").textContent = s.callId || "—";
    $("session-id").textContent = s.id || "—";
    if (document.activeElement === null || document.activeElement.form !== $("edit-form")) {
      if (typeof s.amount === "number" && s.currency) { $("amount-input").value = money(s.amount, s.currency).replace(/[^0-9.]/g, ""); }
      $("currency-input").value = s.currency || "";
      $("reference-input").value = s.reference || "";
    }
    $("postcode-label").hidden = region !== "uk";
    var fields = s.fields || {};
    var names = FIELD_ORDER.filter(function (n) { return fields[n]; })
      .concat(Object.keys(fields).filter(function (n) { return FIELD_ORDER.indexOf(n) < 0; }));
    names.forEach(function (name) {
      var f = fields[name];
      var row = fieldRow(name);
      row.setAttribute("data-state", f.state);
      row.querySelector(".badge").textContent = fieldBadge(f);
      var masked = row.querySelector(".masked");
      masked.textContent = groupMasked(name, f.masked, f.brand);
      row.querySelector(".field-info").textContent = fieldInfo(name, f);
      row.querySelector(".field-error").textContent = fieldError(f);
      var attemptsLeft = typeof f.attemptsLeft === "number" ? f.attemptsLeft : 1;
      row.querySelector(".capture").disabled = busy || !open || f.state === "capturing" || f.state === "complete" || attemptsLeft <= 0;
      row.querySelector(".reset").disabled = busy || !open || (f.state === "empty" && !(f.length > 0));
      announceField(name, f);
    });
    renderBank(s, open);
    $("submit-button").disabled = busy || s.status !== "ready" || !!(s.confirmation && !s.confirmation.confirmedAt);
    $("cancel-button").disabled = busy || !open;
    Array.prototype.forEach.call($("edit-form").elements, function (el) { el.disabled = busy || !open; });
    $("edit-form").hidden = !open;
    renderOutcome(s);
  }

  // A bank session: the account type (US) and the confirmation the agent reads before submit.
  function renderBank(s, open) {
    var c = s.confirmation;
    $("bank-section").hidden = !c;
    if (!c) { return; }
    $("title").textContent = "Bank payment";
    $("fields-title").textContent = "Bank details";
    $("postcode-label").hidden = true; // a bank debit takes no postcode
    $("account-type-label").hidden = !(s.fields && s.fields.account_type);
    $("confirmation-text").textContent = CONFIRMATIONS[c.required] || "";
    $("confirm-button").disabled = busy || !open || !!c.confirmedAt;
    $("confirmation-done").hidden = !c.confirmedAt;
    $("confirmation-done").textContent = c.confirmedAt ? "Read and agreed. You can take the payment once every field is complete." : "";
  }

  function renderOutcome(s) {
    var box = $("outcome"), text = "", next = "", outcome = "";
    var r = s.result;
    if (r && r.outcome === "approved") {
      outcome = "approved";
      var ref = r.paymentId || r.tokenId || r.scheduleId || "";
      text = s.intent === "tokenize" ? "Card saved" : s.intent === "recurring" ? "Approved — recurring payments set up" : "Approved";
      next = (ref ? "Payment reference " + ref : "") + (r.authorizationCode ? " · authorization code " + r.authorizationCode : "");
    } else if (r && r.outcome === "declined") {
      outcome = "declined";
      text = "Declined: " + (DECLINES[r.declineCode] || r.message || "Card declined — ask for another card");
      next = "To try another card, start a new payment on this call.";
    } else if (r && r.outcome === "error") {
      outcome = "error";
      text = "The payment did not go through — nothing was charged";
      next = "Start a new payment on this call and try again. If it happens again, contact support.";
    } else if (s.status === "reconciling") {
      outcome = "pending";
      text = "Checking with the gateway — do not take the payment again";
      next = "The gateway has not yet confirmed whether the card was charged. This page updates as soon as it does.";
    } else if (s.status === "failed") {
      outcome = "error";
      text = "The payment failed — nothing was charged";
      next = "Start a new payment on this call to try again.";
    } else if (s.status === "cancelled") {
      outcome = "error"; text = "Payment cancelled"; next = "Nothing was charged.";
    } else if (s.status === "expired") {
      outcome = "error"; text = "This payment has expired"; next = "Nothing was charged. Start a new payment from your desktop.";
    }
    box.hidden = !outcome;
    box.setAttribute("data-outcome", outcome);
    if ($("outcome-text").textContent !== text && text) { announce(text + ". " + next); }
    $("outcome-text").textContent = text;
    $("outcome-next").textContent = next;
    var canRefund = s.status === "succeeded" && r && r.paymentId && s.agentCanRefund === true && s.intent !== "tokenize";
    $("refund-form").hidden = !canRefund;
    $("refund-button").disabled = busy || !canRefund;
  }

  function act(action, body) {
    if (!current || busy) { return; }
    busy = true; render(current); showBanner("");
    api("POST", "/v1/payment-sessions/" + encodeURIComponent(sessionId) + "/" + action, body || {})
      .then(function (s) { busy = false; render(s); })
      .catch(function (e) { busy = false; if (!gone) { showBanner(e.message); render(current); } });
  }

  function saveDetails(ev) {
    ev.preventDefault();
    if (!current || busy) { return; }
    var currency = $("currency-input").value.trim().toUpperCase();
    var patch = {};
    var amountText = $("amount-input").value.trim();
    if (amountText) {
      var amount = minorUnits(amountText, currency || current.currency);
      if (!(amount > 0)) { showBanner("Enter the amount as a number, for example 19.99."); $("amount-input").focus(); return; }
      if (amount !== current.amount) { patch.amount = amount; }
    }
    if (currency && currency !== current.currency) {
      if (!/^[A-Z]{3}$/.test(currency)) { showBanner("Enter the currency as 3 letters, for example GBP."); $("currency-input").focus(); return; }
      patch.currency = currency;
    }
    var reference = $("reference-input").value.trim();
    if (reference !== (current.reference || "")) { patch.reference = reference; }
    var postcode = $("postcode-input").value.trim().toUpperCase();
    if (region === "uk" && postcode) { patch.postalCode = postcode; }
    if (Object.keys(patch).length === 0) { showBanner(""); announce("Nothing to save."); return; }
    busy = true; render(current); showBanner("");
    api("PATCH", "/v1/payment-sessions/" + encodeURIComponent(sessionId), patch)
      .then(function (s) { busy = false; $("postcode-input").value = ""; announce("Details saved."); render(s); })
      .catch(function (e) { busy = false; if (!gone) { showBanner(e.message); render(current); } });
  }

  function refund(ev) {
    ev.preventDefault();
    if (!current || busy || !current.result || !current.result.paymentId) { return; }
    var body = {};
    var text = $("refund-input").value.trim();
    if (text) {
      var amount = minorUnits(text, current.currency);
      if (!(amount > 0)) { showBanner("Enter the refund amount as a number, for example 5.00, or leave it empty for a full refund."); return; }
      body.amount = amount;
    }
    busy = true; render(current); showBanner("");
    api("POST", "/v1/payments/" + encodeURIComponent(current.result.paymentId) + "/refunds", body)
      .then(function (r) { busy = false; render(current); $("outcome-next").textContent = "Refund " + (r && r.id ? r.id + " " : "") + (r && r.status ? r.status : "requested") + " for " + money(r && r.amount, current.currency) + "."; announce($("outcome-next").textContent); })
      .catch(function (e) { busy = false; if (!gone) { showBanner(e.message); render(current); } });
  }

  // Live updates: the session's event stream. EventSource retries network drops by itself; when
  // the server closes it for good we reopen it with a growing pause, and resync with a GET.
  function connect() {
    if (gone || (current && FINAL[current.status])) { return; }
    var url = "/v1/payment-sessions/" + encodeURIComponent(sessionId) + "/events?token=" + encodeURIComponent(token);
    source = new EventSource(url);
    var onData = function (ev) {
      try { render(JSON.parse(ev.data)); } catch (e) { /* a malformed event is ignored; the next one resyncs */ }
    };
    source.addEventListener(SESSION_EVENT, onData);
    source.onopen = function () { retryMs = 500; $("connection").textContent = ""; refresh(); };
    source.onerror = function () {
      if (gone || !source) { return; }
      $("connection").textContent = "Reconnecting to live updates…";
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(function () { refresh(); connect(); }, retryMs);
        retryMs = Math.min(retryMs * 2, 10000);
      }
    };
  }

  function refresh() {
    return api("GET", "/v1/payment-sessions/" + encodeURIComponent(sessionId))
      .then(render)
      .catch(function (e) { if (!gone) { showBanner(e.message); } });
  }

  function start() {
    if (!token || !/^ps_[A-Za-z0-9_-]+$/.test(sessionId)) { linkGone(); return; }
    $("edit-form").addEventListener("submit", saveDetails);
    $("refund-form").addEventListener("submit", refund);
    $("submit-button").addEventListener("click", function () { act("submit"); });
    $("confirm-button").addEventListener("click", function () {
      if (current && current.confirmation) { act("confirm", { confirmation: current.confirmation.required }); }
    });
    $("account-type-input").addEventListener("change", function (ev) {
      if (!current || busy || !ev.target.value) { return; }
      busy = true; render(current); showBanner("");
      api("PATCH", "/v1/payment-sessions/" + encodeURIComponent(sessionId), { accountType: ev.target.value })
        .then(function (s) { busy = false; render(s); })
        .catch(function (e) { busy = false; if (!gone) { showBanner(e.message); render(current); } });
    });
    $("cancel-button").addEventListener("click", function () {
      if (window.confirm("Cancel this payment? Nothing will be charged.")) { act("cancel"); }
    });
    refresh().then(connect);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
