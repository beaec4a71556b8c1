// The replica's page script: loads the licenses, expands rows, and performs Add,
// Make Primary (after "Promote to primary technical/billing contact?" → Yes) and Delete
// (after "Delete … contact?" → Yes) in the Technical and the Billing Contacts sections through
// the page's own API, like the real My Atlassian. Only for the local sandbox; no third parties.
(function () {
  "use strict";
  var BASE = "/my-atlassian";
  var config = JSON.parse(document.getElementById("ma-config").textContent);
  var L = config.labels;
  var CLASSIC = config.layout === "classic";
  var list = document.getElementById("ma-licenses");
  var flags = document.getElementById("ma-flags");
  var dialogRoot = document.getElementById("ma-dialog-root");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function flag(message, kind) {
    flags.textContent = "";
    var box = el("div", "ma-flag " + (kind || "ma-error"), message);
    box.setAttribute("role", "alert");
    flags.appendChild(box);
  }

  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(BASE + "/api/" + path, init).then(function (response) {
      if (response.status === 401) signIn();
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.message || "Something went wrong. Try again.");
        return data;
      });
    });
  }

  // The session has ended (expired, or signed out elsewhere): to the sign-in page, which
  // comes back here afterwards, as the real site does.
  function signIn() {
    var here = location.pathname + location.search;
    location.assign(BASE + "/login?next=" + encodeURIComponent(here));
  }

  function load() {
    var path = "licenses" + (config.sen ? "?sen=" + encodeURIComponent(config.sen) : "");
    api("GET", path)
      .then(function (data) {
        list.innerHTML = data.html;
        list.setAttribute("aria-busy", "false");
      })
      .catch(function (error) {
        list.textContent = "";
        list.setAttribute("aria-busy", "false");
        flag(error.message);
      });
  }

  // A license's block: its element (standard), or its heading and details rows (classic).
  function blockOf(node) {
    return node.closest(CLASSIC ? "tr[data-sen]" : ".ma-license");
  }

  function replaceBlock(block, html) {
    var sen = block.dataset.sen;
    var holder = document.createElement(CLASSIC ? "tbody" : "div");
    holder.innerHTML = html;
    var old = document.querySelectorAll("[data-sen='" + CSS.escape(sen) + "']");
    var fresh = [].slice.call(holder.children);
    fresh.forEach(function (node) { old[0].parentNode.insertBefore(node, old[0]); });
    [].forEach.call(old, function (node) { node.remove(); });
    return fresh[0];
  }

  // The caller deleted itself: it no longer sees the license, so the page drops it.
  function removeBlock(block) {
    var old = document.querySelectorAll("[data-sen='" + CSS.escape(block.dataset.sen) + "']");
    [].forEach.call(old, function (node) { node.remove(); });
  }

  function detailsOf(summary) {
    return CLASSIC ? summary.nextElementSibling : blockOf(summary).querySelector(".ma-details");
  }

  function toggle(summary) {
    var details = detailsOf(summary);
    var open = details.hasAttribute("hidden");
    if (open) details.removeAttribute("hidden");
    else details.setAttribute("hidden", "");
    summary.setAttribute("aria-expanded", open ? "true" : "false");
    var link = summary.querySelector("[aria-expanded]");
    if (link) link.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function write(block, method, path, body, button) {
    if (button) button.disabled = true;
    flags.textContent = "";
    return api(method, path, body)
      .then(function (data) {
        if (data.gone) removeBlock(block);
        else replaceBlock(block, data.html);
      })
      .catch(function (error) {
        if (button) button.disabled = false;
        flag(error.message);
      });
  }

  function closeDialog() {
    dialogRoot.textContent = "";
  }

  function dialog(title, paragraphs, bullets, onYes) {
    closeDialog();
    var backdrop = el("div", "ma-backdrop");
    var box = el("section", "ma-dialog");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.appendChild(el("h2", "ma-dialog-title", title));
    paragraphs.forEach(function (part, index) {
      var p = el("p");
      part.forEach(function (piece) {
        if (typeof piece === "string") p.appendChild(document.createTextNode(piece));
        else p.appendChild(el("strong", "", piece.strong));
      });
      box.appendChild(p);
      if (index === 0 && bullets.length) {
        box.appendChild(el("p", "", "This means they will be able to:"));
        var ul = el("ul");
        bullets.forEach(function (item) { ul.appendChild(el("li", "", item)); });
        box.appendChild(ul);
      }
    });
    var buttons = el("div", "ma-dialog-buttons");
    var yes = el("button", "ma-button ma-primary ma-yes", L.yes);
    var cancel = el("button", "ma-button ma-subtle ma-cancel", L.cancel);
    yes.type = cancel.type = "button";
    yes.addEventListener("click", function () {
      yes.disabled = true;
      onYes().then(closeDialog);
    });
    cancel.addEventListener("click", closeDialog);
    buttons.appendChild(yes);
    buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(cancel);
    box.appendChild(buttons);
    backdrop.appendChild(box);
    dialogRoot.appendChild(backdrop);
  }

  function contactPath(block, role, email) {
    return "licenses/" + encodeURIComponent(block.dataset.sen) + "/" + role + "-contacts/" +
      encodeURIComponent(email);
  }

  // What each section's dialogs say (the technical one as in the seed).
  var WORDS = {
    technical: {
      promote: L.promote_title,
      remove: L.delete_title,
      bullets: [
        "access any invoices for this product via email or through My Atlassian",
        "promote other contacts to primary in the future.",
      ],
    },
    billing: {
      promote: L.promote_billing_title,
      remove: L.delete_billing_title,
      bullets: [
        "receive renewal quotes and invoices for this product",
        "promote other contacts to primary in the future.",
      ],
    },
  };

  var SUMMARY = CLASSIC ? "tr.headingRow" : ".ma-summary";
  var CONTROL = CLASSIC ? "a.ma-add, a.ma-make-primary, a.ma-delete, button" : "button";

  document.addEventListener("click", function (event) {
    var target = event.target;
    var summary = target.closest(SUMMARY);
    var link = target.closest("a");
    if (summary && (!link || link.classList.contains("expandLink"))) {
      event.preventDefault();
      toggle(summary);
      return;
    }
    var button = target.closest(CONTROL);
    if (!button && link && link.getAttribute("href") === "#") {
      event.preventDefault();
      return;
    }
    if (button && button.tagName === "A") event.preventDefault();
    if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return;
    var block = blockOf(button);
    if (!block) return;
    var sen = block.dataset.sen;
    if (button.classList.contains("ma-add")) {
      var box = button.closest(".ma-add-box");
      var input = box.querySelector("input");
      var email = input.value.trim();
      if (!email) {
        flag("Enter a valid email address.");
        return;
      }
      write(block, "POST", "licenses/" + encodeURIComponent(sen) + "/" + box.dataset.kind +
        "-contacts", { email: email }, button);
      return;
    }
    var role = button.dataset.role === "billing" ? "billing" : "technical";
    var words = WORDS[role];
    if (button.classList.contains("ma-make-primary")) {
      var who = button.dataset.email;
      var old = button.dataset.old;
      var paragraphs = [
        ["You're about to make ", { strong: who }, " the primary " + role + " contact on " +
          sen + "."],
        ["Past invoices will not be transferred and will remain in your My Atlassian account " +
          "under Orders."],
      ];
      if (old) paragraphs.push(["A notification email will be sent to " + old + "."]);
      dialog(words.promote, paragraphs, words.bullets, function () {
        return write(block, "POST", contactPath(block, role, who) + "/make-primary", undefined,
          null);
      });
    } else if (button.classList.contains("ma-delete")) {
      var gone = button.dataset.email;
      dialog(words.remove, [
        ["You're about to remove ", { strong: gone }, " as a " + role + " contact on " + sen +
          ". This will remove the product from their My Atlassian account."],
      ], [], function () {
        return write(block, "DELETE", contactPath(block, role, gone), undefined, null);
      });
    }
  });

  document.addEventListener("keydown", function (event) {
    var summary = event.target.closest && event.target.closest(SUMMARY);
    if (summary && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      toggle(summary);
    }
    if (event.key === "Escape") closeDialog();
  });

  document.addEventListener("input", function (event) {
    var wrap = event.target.closest && event.target.closest(".ma-input-wrap");
    if (wrap) wrap.classList.toggle("ma-filled", event.target.value !== "");
  });

  if (config.delayMs) setTimeout(load, config.delayMs);
  else load();
})();
