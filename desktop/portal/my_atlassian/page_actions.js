// The connector's actions in the My Atlassian page, by visible labels only.
// Wrapped by scripts.py as (function (ARGS) { <this file>; return JSON.stringify(run()); }).
// A control is used only when exactly one matches; otherwise the answer says why not.
const A = ARGS, L = A.labels;
const norm = (s) => (s || "").replace(/[\s\u00a0]+/g, " ").trim();
const SEN_RX = /^SEN-?\d{1,12}$/i;
const CLICKABLE = "button, a, [role=button], input[type=submit], input[type=button], summary";

function shown(el) {
  if (!el || !el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.visibility === "hidden" || style.display === "none") return false;
  return el.getClientRects().length > 0;
}
function ownText(el) {
  return norm(el.innerText !== undefined ? el.innerText : el.textContent);
}
function fail(kind, label, count) {
  return { error: kind, label: label, count: count || 0 };
}
// Exactly one element of `list`, or the reason why not.
function one(list, label) {
  if (list.length === 1) return { el: list[0] };
  return list.length ? fail("ambiguous", label, list.length) : fail("missing", label);
}
// The deepest shown elements under root whose whole text is exactly `text`.
function exact(root, text) {
  const out = [];
  for (const el of root.querySelectorAll("*")) {
    if (!norm(el.textContent).includes(text)) continue; // cheap, before innerText
    if (ownText(el) !== text || !shown(el)) continue;
    if ([...el.children].some((c) => ownText(c) === text)) continue;
    out.push(el);
  }
  return out;
}
function clickLabel(el) {
  return norm(el.innerText || el.value || el.getAttribute("aria-label") || "");
}
function controls(root, label) {
  const all = [...root.querySelectorAll(CLICKABLE)];
  return all.filter((el) => shown(el) && clickLabel(el) === label);
}
function isDisabled(el) {
  return el.disabled === true || el.getAttribute("aria-disabled") === "true";
}
function after(a, b) {
  return !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
}
function leaves(root, test) {
  const out = [];
  for (const el of root.querySelectorAll("*")) {
    if (!el.children.length && test(ownText(el)) && shown(el)) out.push(el);
  }
  return out;
}
// A license's block: the smallest element around its SEN with exactly one "Technical
// Contacts" heading and no other SEN. "collapsed" when its details are not shown.
function block(sen) {
  const starts = exact(document.body, sen);
  if (!starts.length) return fail("missing", sen);
  for (const start of starts) {
    for (let el = start.parentElement; el && el !== document.body; el = el.parentElement) {
      const heads = exact(el, L.technical_contacts);
      if (!heads.length) continue;
      const others = leaves(el, (t) => SEN_RX.test(t) && t.toUpperCase() !== sen.toUpperCase());
      if (heads.length === 1 && !others.length) return { el: el, head: heads[0] };
      break;
    }
  }
  return fail("collapsed", sen);
}
// The technical section of a block (heading to "Billing Contacts"): a test for a node.
function technical(b) {
  const ends = exact(b.el, L.billing_contacts).filter((e) => after(b.head, e));
  const end = ends.length ? ends[0] : null;
  return (node) => after(b.head, node) && (!end || after(node, end));
}
function setValue(input, value) {
  input.focus();
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, "value").set.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
function press(el) {
  el.scrollIntoView({ block: "center" });
  el.click();
}
// A contact's row: the largest element around its email holding no other address.
function contactRow(b, inSection, email) {
  const found = one(exact(b.el, email).filter(inSection), email);
  if (found.error) return found;
  let row = found.el;
  for (let el = row.parentElement; el && el !== b.el; el = el.parentElement) {
    const emails = leaves(el, (t) => t.includes("@"));
    if (emails.some((x) => ownText(x).toLowerCase() !== email)) break;
    row = el;
  }
  return { el: row };
}
function theDialog() {
  const head = one(exact(document.body, L.promote_title), L.promote_title);
  if (head.error) return head;
  const dialog = head.el.closest("[role=dialog], [role=alertdialog], dialog");
  return { el: dialog || head.el.parentElement };
}
function addBox(b, inSection) {
  const boxes = [...b.el.querySelectorAll("input, textarea")].filter(
    (el) =>
      shown(el) &&
      inSection(el) &&
      (el.placeholder === L.placeholder || el.getAttribute("aria-label") === L.placeholder),
  );
  return one(boxes, L.placeholder);
}

const ACTIONS = {
  expand() {
    const open = [], clicked = [], missing = [];
    for (const sen of A.sens) {
      if (!block(sen).error) {
        open.push(sen);
        continue;
      }
      const starts = exact(document.body, sen);
      if (!starts.length) {
        missing.push(sen);
        continue;
      }
      (starts[0].closest(CLICKABLE + ", [aria-expanded]") || starts[0]).click();
      clicked.push(sen);
    }
    return { ok: true, open: open, clicked: clicked, missing: missing };
  },
  addContact() {
    const b = block(A.sen);
    if (b.error) return b;
    const inSection = technical(b);
    const box = addBox(b, inSection);
    if (box.error) return box;
    const button = one(controls(b.el, L.add).filter(inSection), L.add);
    if (button.error) return button;
    box.el.scrollIntoView({ block: "center" });
    setValue(box.el, A.email);
    if (isDisabled(button.el)) return fail("disabled", L.add);
    press(button.el);
    return { ok: true };
  },
  makePrimary() {
    const b = block(A.sen);
    if (b.error) return b;
    const row = contactRow(b, technical(b), A.email);
    if (row.error) return row;
    const button = one(controls(row.el, L.make_primary), L.make_primary);
    if (button.error) return button;
    if (isDisabled(button.el)) return fail("disabled", L.make_primary);
    press(button.el);
    return { ok: true };
  },
  dialogState() {
    const d = theDialog();
    return d.error ? d : { ok: true };
  },
  confirmPromotion() {
    const d = theDialog();
    if (d.error) return d;
    const text = ownText(d.el).toLowerCase();
    if (!text.includes(A.email) || !text.includes(A.sen.toLowerCase())) {
      return fail("mismatch", L.promote_title);
    }
    const yes = one(controls(d.el, L.yes), L.yes);
    if (yes.error) return yes;
    press(yes.el);
    return { ok: true };
  },
  alerts() {
    const found = [...document.querySelectorAll("[role=alert]")].filter(shown);
    return { ok: true, alerts: found.map(ownText).filter(Boolean) };
  },
  highlight() {
    if (!document.getElementById("lc-guide-style")) {
      const style = document.createElement("style");
      style.id = "lc-guide-style";
      style.textContent =
        ".lc-guide{outline:3px solid #ff8b00!important;outline-offset:2px;" +
        "box-shadow:0 0 0 6px rgba(255,139,0,.35)!important;border-radius:3px}";
      document.head.appendChild(style);
    }
    for (const el of document.querySelectorAll(".lc-guide")) el.classList.remove("lc-guide");
    if (A.clear) return { ok: true, marked: 0 };
    const marks = [];
    const b = block(A.sen);
    if (b.error) {
      const starts = exact(document.body, A.sen);
      if (starts.length) marks.push(starts[0]);
    } else {
      const inSection = technical(b);
      const row = A.email ? contactRow(b, inSection, A.email) : fail("missing", "");
      marks.push(A.kind !== "add-contact" && !row.error ? row.el : b.head.parentElement);
    }
    const d = theDialog();
    if (!d.error) marks.push(d.el);
    for (const el of marks) el.classList.add("lc-guide");
    if (marks.length) marks[marks.length - 1].scrollIntoView({ block: "center" });
    return { ok: true, marked: marks.length };
  },
};
