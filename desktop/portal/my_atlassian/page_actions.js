// The connector's actions in the My Atlassian page, by visible labels only.
// Wrapped by scripts.py as (function (ARGS) { <this file>; return JSON.stringify(run()); }).
// Each label has the texts the site profile accepts for it (compared without regard to case
// or runs of spaces). A control is used only when exactly one matches, whatever the
// alternatives; otherwise the answer says why not. `shown` in an answer is the text the page
// itself uses for a label, so guided steps can say it as the page does.
const A = ARGS, L = A.labels;
const norm = (s) => (s || "").replace(/[\s\u00a0]+/g, " ").trim();
const fold = (s) => norm(s).toLowerCase();
const SEN_RX = /^SEN-?\d{1,12}$/i;
const EMAIL_RX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CLICKABLE = "button, a, [role=button], input[type=submit], input[type=button], summary";
const FOLDED = {};
for (const key of Object.keys(L)) FOLDED[key] = L[key].map(fold);

function shown(el) {
  if (!el || !el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.visibility === "hidden" || style.display === "none") return false;
  return el.getClientRects().length > 0;
}
function ownText(el) {
  return norm(el.innerText !== undefined ? el.innerText : el.textContent);
}
function isLabel(text, key) {
  return FOLDED[key].includes(fold(text));
}
function fail(kind, label, count) {
  return { error: kind, label: label, count: count || 0 };
}
// Exactly one element of `list`, or the reason why not.
function one(list, label) {
  if (list.length === 1) return { el: list[0] };
  return list.length ? fail("ambiguous", label, list.length) : fail("missing", label);
}
// Labels and SENs are looked for through the page's text nodes, not by reading every
// element's innerText (which lays out its whole subtree: slow on a page of many licenses).
// Only the few elements whose raw text can be the label have their innerText and style read.

// Folded text without any space: an element's raw text (textContent) lacks the line breaks
// innerText puts between its blocks, so raw text and labels are compared this way.
const squash = (s) => fold(s).replace(/ /g, "");
// The text nodes under root that hold more than white space, in document order.
function* textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test(node.data)) yield node;
  }
}
// Of elements, the ones in document order.
function inOrder(list) {
  return list.sort((a, b) => (after(a, b) ? -1 : after(b, a) ? 1 : 0));
}
// An element's raw text, squashed, read no further than past `limit` characters.
function rawText(el, limit) {
  let raw = "";
  for (const node of textNodes(el)) {
    raw += squash(node.data);
    if (raw.length > limit) break;
  }
  return raw;
}
// The deepest shown elements under root whose whole text is one of `words` (folded). Such an
// element's raw text holds the word. A text node holding it makes its element a candidate; a
// text node that is a piece of a word (a label split over elements) is followed up through
// the small elements around it to the first whose raw text holds the word (read no further
// than a word and some markup). Only candidates are tested by their innerText and style;
// one around another that passes is left out.
function deepest(root, words) {
  const keys = words.map(squash).filter(Boolean);
  if (!keys.length) return [];
  const holds = (raw) => keys.some((k) => raw.includes(k));
  const small = Math.max(...keys.map((k) => k.length)) * 2 + 40; // a word and some markup
  const candidates = new Set();
  const walked = new Set(); // elements a piece went up through: their way up is known
  for (const node of textNodes(root)) {
    const piece = squash(node.data);
    const parent = node.parentElement;
    if (holds(piece)) {
      if (parent !== root) candidates.add(parent);
      continue;
    }
    if (!keys.some((k) => k.includes(piece))) continue;
    for (let el = parent; el && el !== root; el = el.parentElement) {
      if (walked.has(el) || candidates.has(el)) break;
      walked.add(el);
      const raw = rawText(el, small);
      if (holds(raw)) {
        candidates.add(el); // (its text may go on, hidden: a count, a tooltip)
        break;
      }
      if (raw.length > small) break; // a larger element: its text is more than a word
    }
  }
  const out = [...candidates].filter((el) => words.includes(fold(ownText(el))) && shown(el));
  return inOrder(out.filter((el) => !out.some((other) => other !== el && el.contains(other))));
}
function exact(root, text) {
  return deepest(root, [fold(text)]);
}
function labelled(root, key) {
  return deepest(root, FOLDED[key]);
}
// The deepest shown elements under root whose whole text passes `test`, reading every
// element's innerText: only for the page check (inspect), which looks for any SEN once.
function deepestBy(root, test) {
  const out = [];
  for (const el of root.querySelectorAll("*")) {
    if (!test(ownText(el)) || !shown(el)) continue;
    if ([...el.children].some((c) => test(ownText(c)))) continue;
    out.push(el);
  }
  return out;
}
function clickLabel(el) {
  return norm(el.innerText || el.value || el.getAttribute("aria-label") || el.title || "");
}
function controls(root, key) {
  const all = [...root.querySelectorAll(CLICKABLE)];
  return all.filter((el) => shown(el) && isLabel(clickLabel(el), key));
}
function isDisabled(el) {
  return el.disabled === true || el.getAttribute("aria-disabled") === "true";
}
function after(a, b) {
  return !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
}
// The shown leaf elements under root (no child elements) whose text passes `test`, in
// document order. `test` never passes an empty text, so a leaf is found by its text nodes;
// its raw text is tested first (a leaf's innerText is its raw text, laid out), then the
// innerText and the style of the few that pass.
function* eachLeaf(root, test) {
  let last = null;
  for (const node of textNodes(root)) {
    const el = node.parentElement;
    if (el === last || el === root || el.children.length) continue;
    last = el;
    if (el.tagName === "SCRIPT" || el.tagName === "STYLE") continue;
    if (test(norm(el.textContent)) && test(ownText(el)) && shown(el)) yield el;
  }
}
function leaves(root, test) {
  return [...eachLeaf(root, test)];
}
// An element's look in the page's structure: its tag and classes (ours left out).
function signature(el) {
  const classes = [...el.classList].filter((c) => !c.startsWith("lc-")).sort().join(".");
  return el.tagName + "." + classes;
}
// Of several elements that read like a heading, the ones that look like the page's other
// headings (a contact named "Technical Contacts" is a name, not a heading).
function headings(root, key, otherKey) {
  const found = labelled(root, key);
  if (found.length < 2) return found;
  const others = new Set(labelled(root, otherKey).map(signature));
  const alike = found.filter((el) => others.has(signature(el)));
  return alike.length ? alike : found;
}
// Whether root shows another license's SEN as a license's row does (`own`: how the SEN's own
// element looks; a SEN in a name is not another license). The first one found is enough.
function otherSen(root, sen, own) {
  const other = (t) => SEN_RX.test(t) && t.toUpperCase() !== sen.toUpperCase();
  for (const el of eachLeaf(root, other)) if (own.has(signature(el))) return true;
  return false;
}
// A license's block: the smallest element around its SEN with exactly one "Technical
// Contacts" heading and no other license's SEN. "collapsed" when its details are not shown.
function block(sen) {
  const starts = exact(document.body, sen);
  if (!starts.length) return fail("missing", sen);
  // Another license shows its SEN as this one's row does (a details value may be a name).
  const own = new Set([signature(starts[0])]);
  for (const start of starts) {
    for (let el = start.parentElement; el && el !== document.body; el = el.parentElement) {
      // Looked for first (it stops at the first one found, while the headings are all of
      // them): an element around another license's SEN is not the block, nor is any above it.
      if (otherSen(el, sen, own)) break;
      const heads = headings(el, "technical_contacts", "billing_contacts");
      if (!heads.length) continue;
      if (heads.length === 1) {
        const ends = headings(el, "billing_contacts", "technical_contacts").filter((e) =>
          after(heads[0], e),
        );
        return { el: el, head: heads[0], bill: ends.length ? ends[0] : null };
      }
      break;
    }
  }
  return fail("collapsed", sen);
}
// The technical section of a block (heading to "Billing Contacts"): a test for a node.
function technical(b) {
  return (node) => after(b.head, node) && (!b.bill || after(node, b.bill));
}
function billing(b) {
  return (node) => !!b.bill && after(b.bill, node);
}
// The section a step is about: A.section is "technical" (the default) or "billing".
function section(b, kind) {
  return kind === "billing" ? billing(b) : technical(b);
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
function isEmail(text) {
  return EMAIL_RX.test(text) && !isLabel(text, "placeholder"); // not the add box's hint
}
// A contact's row: the largest element around its email holding no other address and no
// heading of the block's sections (a name may be the address, or read like a heading).
function rowOf(b, el) {
  let row = el;
  const email = fold(ownText(el));
  for (let up = el.parentElement; up && up !== b.el; up = up.parentElement) {
    if (up.contains(b.head) || (b.bill && up.contains(b.bill))) break;
    if (leaves(up, isEmail).some((x) => fold(ownText(x)) !== email)) break;
    row = up;
  }
  return row;
}
function contactRow(b, inSection, email) {
  const found = exact(b.el, email).filter(inSection);
  if (!found.length) return fail("missing", email);
  const rows = [...new Set(found.map((el) => rowOf(b, el)))];
  return rows.length === 1 ? { el: rows[0] } : fail("ambiguous", email, rows.length);
}
// The open dialog whose title is the label `key` (a promotion's or a deletion's, by section).
function theDialog(key) {
  key = key || "promote_title";
  const heads = labelled(document.body, key);
  const head = one(heads, L[key][0]);
  if (head.error) return head;
  const dialog = head.el.closest("[role=dialog], [role=alertdialog], dialog");
  return { el: dialog || head.el.parentElement, title: ownText(head.el) };
}
// The one dialog open on the page, whatever its title (for guidance only: never to click).
function openDialog() {
  const open = [...document.querySelectorAll("[role=dialog], [role=alertdialog], dialog")].filter(shown);
  return open.length === 1 ? open[0] : null;
}
function addBox(b, inSection) {
  const boxes = [...b.el.querySelectorAll("input, textarea")].filter(
    (el) =>
      shown(el) &&
      inSection(el) &&
      !el.readOnly &&
      (isLabel(el.placeholder || "", "placeholder") ||
        isLabel(el.getAttribute("aria-label") || "", "placeholder")),
  );
  return one(boxes, L.placeholder[0]);
}
// The contacts of one section, read from the page's structure (not its text).
// null when a contact shows two addresses side by side (its name is an address): which one is
// the contact cannot be told, so the block does not say.
function sectionContacts(b, inSection) {
  const rows = [];
  const mails = leaves(b.el, isEmail).filter(inSection);
  const parents = mails.map((el) => el.parentElement);
  if (new Set(parents).size !== parents.length) return null;
  for (const el of mails) {
    const row = rowOf(b, el);
    const last = rows[rows.length - 1];
    if (last && last.row === row) {
      last.emails.push(el);
      continue;
    }
    rows.push({ row: row, emails: [el] });
  }
  return rows.map((r) => {
    const mail = r.emails[r.emails.length - 1];
    const texts = leaves(r.row, (t) => !!t)
      .filter((x) => x !== mail && !x.closest(CLICKABLE))
      .map(ownText)
      .filter((t) => !isLabel(t, "primary") && !/^[|\s]*$/.test(t));
    return {
      email: fold(ownText(mail)),
      name: texts.length ? texts[0] : null,
      primary: leaves(r.row, (t) => isLabel(t, "primary")).length > 0,
    };
  });
}
// The license key: a read-only text box in the block (a textarea's text is not innerText).
function keyOf(b) {
  const boxes = [...b.el.querySelectorAll("textarea, input")].filter(
    (el) => (el.readOnly || el.tagName === "TEXTAREA") && !isLabel(el.placeholder || "", "placeholder"),
  );
  if (boxes.length !== 1) return null;
  const value = (boxes[0].value || "").replace(/\s+/g, "");
  return value || null;
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
  // Each shown license's contacts and key, read from its own block on the page.
  blocks() {
    const out = {};
    for (const sen of A.sens) {
      const b = block(sen);
      if (b.error) continue;
      out[sen] = {
        technical: sectionContacts(b, technical(b)),
        billing: sectionContacts(b, billing(b)),
        key: keyOf(b),
      };
    }
    return { ok: true, blocks: out };
  },
  addContact() {
    const b = block(A.sen);
    if (b.error) return b;
    const inSection = section(b, A.section);
    const box = addBox(b, inSection);
    if (box.error) return box;
    const button = one(controls(b.el, "add").filter(inSection), L.add[0]);
    if (button.error) return button;
    box.el.scrollIntoView({ block: "center" });
    setValue(box.el, A.email);
    if (isDisabled(button.el)) return fail("disabled", clickLabel(button.el));
    press(button.el);
    return { ok: true, shown: clickLabel(button.el) };
  },
  makePrimary() {
    const b = block(A.sen);
    if (b.error) return b;
    const row = contactRow(b, section(b, A.section), A.email);
    if (row.error) return row;
    const button = one(controls(row.el, "make_primary"), L.make_primary[0]);
    if (button.error) return button;
    if (isDisabled(button.el)) return fail("disabled", clickLabel(button.el));
    press(button.el);
    return { ok: true, shown: clickLabel(button.el) };
  },
  // Delete in the contact's row of its section: never beside a primary contact (the page
  // should not show one there; if it does, the connector still does not click it).
  deleteContact() {
    const b = block(A.sen);
    if (b.error) return b;
    const row = contactRow(b, section(b, A.section), A.email);
    if (row.error) return row;
    if (leaves(row.el, (t) => isLabel(t, "primary")).length) return fail("primary", A.email);
    const button = one(controls(row.el, "delete"), L.delete[0]);
    if (button.error) return button;
    if (isDisabled(button.el)) return fail("disabled", clickLabel(button.el));
    press(button.el);
    return { ok: true, shown: clickLabel(button.el) };
  },
  dialogState() {
    const d = theDialog(A.title);
    return d.error ? d : { ok: true, shown: d.title };
  },
  // Yes in the open dialog (A.title), only if it names A.email and A.sen; a deletion's
  // dialog may say its Yes as "Delete" (A.confirm lists the labels its button may show).
  confirmPromotion() {
    const d = theDialog(A.title);
    if (d.error) return d;
    const text = ownText(d.el).toLowerCase();
    if (!text.includes(A.email) || !text.includes(A.sen.toLowerCase())) {
      return fail("mismatch", d.title);
    }
    const found = new Set();
    for (const key of A.confirm || ["yes"]) for (const el of controls(d.el, key)) found.add(el);
    const yes = one([...found], L.yes[0]);
    if (yes.error) return yes;
    press(yes.el);
    return { ok: true, shown: clickLabel(yes.el) };
  },
  alerts() {
    const found = [...document.querySelectorAll("[role=alert]")].filter(shown);
    return { ok: true, alerts: found.map(ownText).filter(Boolean) };
  },
  // The texts the page uses for the labels a guided step names (what the person will see).
  pageLabels() {
    const out = {};
    const b = A.sen ? block(A.sen) : fail("missing", "");
    const root = b.error ? document.body : b.el;
    for (const key of ["add", "make_primary", "yes", "delete"]) {
      const found = controls(root, key);
      if (found.length) out[key] = clickLabel(found[0]);
    }
    const titles = ["promote_title", "promote_billing_title", "delete_title", "delete_billing_title"];
    for (const key of ["technical_contacts", "billing_contacts"]) {
      const found = labelled(root, key);
      if (found.length) out[key] = ownText(found[0]);
    }
    for (const key of titles) {
      const found = labelled(document.body, key); // a dialog is not inside the block
      if (found.length) out[key] = ownText(found[0]);
    }
    // The step's dialog is open but titled otherwise: the person will see its own title.
    const open = A.title && !out[A.title] ? openDialog() : null;
    const head = open && open.querySelector("h1, h2, h3, h4, [role=heading]");
    if (head && ownText(head)) out[A.title] = ownText(head).slice(0, 120);
    const box = b.error ? null : addBox(b, section(b, A.section));
    if (box && !box.error) out.placeholder = box.el.placeholder || "";
    return { ok: true, labels: out };
  },
  // What the page shows of each part the connector needs (nothing is changed; counts only).
  inspect() {
    const sens = [...new Set(deepestBy(document.body, (t) => SEN_RX.test(t)).map(ownText))];
    const open = sens.map((sen) => block(sen)).filter((b) => !b.error);
    const count = (key) => labelled(document.body, key).length;
    const texts = (key) => [...new Set(labelled(document.body, key).map(ownText))].slice(0, 3);
    let addBoxes = 0, addButtons = 0, makePrimary = 0, contacts = 0, keys = 0;
    let billingAddBoxes = 0, billingAddButtons = 0, billingMakePrimary = 0, billingContacts = 0;
    let deletes = 0;
    for (const b of open) {
      const inSection = technical(b);
      if (!addBox(b, inSection).error) addBoxes += 1;
      addButtons += controls(b.el, "add").filter(inSection).length ? 1 : 0;
      makePrimary += controls(b.el, "make_primary").filter(inSection).length;
      contacts += (sectionContacts(b, inSection) || []).length;
      keys += keyOf(b) ? 1 : 0;
      const inBilling = billing(b);
      if (!addBox(b, inBilling).error) billingAddBoxes += 1;
      billingAddButtons += controls(b.el, "add").filter(inBilling).length ? 1 : 0;
      billingMakePrimary += controls(b.el, "make_primary").filter(inBilling).length;
      billingContacts += (sectionContacts(b, inBilling) || []).length;
      deletes += controls(b.el, "delete").length;
    }
    return {
      ok: true,
      sens: sens.length,
      open: open.length,
      technical: count("technical_contacts"),
      billing: count("billing_contacts"),
      contacts: contacts,
      addBoxes: addBoxes,
      addButtons: addButtons,
      makePrimary: makePrimary,
      primary: count("primary"),
      keys: keys,
      keyLabels: count("license_key"),
      billingContacts: billingContacts,
      billingAddBoxes: billingAddBoxes,
      billingAddButtons: billingAddButtons,
      billingMakePrimary: billingMakePrimary,
      deletes: deletes,
      shown: {
        technical_contacts: texts("technical_contacts"),
        billing_contacts: texts("billing_contacts"),
        make_primary: [...new Set(controls(document.body, "make_primary").map(clickLabel))].slice(0, 3),
        add: [...new Set(controls(document.body, "add").map(clickLabel))].slice(0, 3),
        delete: [...new Set(controls(document.body, "delete").map(clickLabel))].slice(0, 3),
      },
    };
  },
  // The page's structure for a support report: tags, ids, classes, roles, and which labels
  // of the profile an element shows. No text, no attribute value that is not a label.
  structure() {
    const MAX = 6000;
    let seen = 0;
    const keys = Object.keys(L);
    const labelsOf = (text) => keys.filter((k) => isLabel(text, k));
    // What kind of text an element holds, never the text itself.
    const kindOf = (raw) => {
      const t = norm(raw);
      if (EMAIL_RX.test(t)) return "email";
      if (SEN_RX.test(t)) return "sen";
      if (/^[A-Za-z0-9+/=\s]{40,}$/.test(t)) return "key";
      if (/^\d{1,2} \S+ \d{4}$/.test(t)) return "date";
      if (/^[\d\s.,:-]+$/.test(t)) return "number";
      return "text";
    };
    // An id or class with what may be data in it replaced (an address, a SEN's digits).
    const masked = (name) =>
      name.replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, "<email>").replace(/\d{3,}/g, "<digits>");
    function walk(el, depth) {
      if (seen >= MAX || depth > 60) return null;
      seen += 1;
      const node = { tag: el.tagName.toLowerCase() };
      if (el.id) node.id = masked(el.id);
      if (el.classList.length) {
        node.classes = [...el.classList].filter((c) => !c.startsWith("lc-")).map(masked);
      }
      const role = el.getAttribute("role");
      if (role) node.role = role;
      for (const name of ["type", "hidden", "disabled", "readonly", "aria-expanded", "aria-hidden"]) {
        if (el.hasAttribute(name)) (node.attributes = node.attributes || {})[name] = true;
      }
      const data = [...el.attributes].map((a) => a.name).filter((n) => n.startsWith("data-")).map(masked);
      if (data.length) node.data = data;
      const named = [];
      for (const attr of ["placeholder", "aria-label", "title", "value"]) {
        const value = el.getAttribute(attr);
        if (value) named.push(...labelsOf(value).map((k) => attr + ":" + k));
      }
      const own = [...el.childNodes].filter((c) => c.nodeType === 3 && norm(c.textContent));
      if (own.length) {
        const found = el.tagName === "TEXTAREA" ? [] : labelsOf(ownText(el));
        if (found.length && !el.children.length) named.push(...found);
        else node.text = kindOf(el.tagName === "TEXTAREA" ? el.value : own.map((c) => c.textContent).join(" "));
      }
      if (named.length) node.labels = named;
      if (!shown(el) && el !== document.body) node.shown = false;
      const kids = [];
      for (const child of el.children) {
        if (child.tagName === "SCRIPT" || child.tagName === "STYLE") continue;
        const sub = walk(child, depth + 1);
        if (sub) kids.push(sub);
      }
      if (kids.length) node.children = kids;
      return node;
    }
    return { ok: true, tree: walk(document.body, 0), elements: seen, cut: seen >= MAX };
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
      const inSection = section(b, A.section);
      const row = A.email ? contactRow(b, inSection, A.email) : fail("missing", "");
      const key = A.kind === "make-primary" ? "make_primary" : A.kind === "remove-contact" ? "delete" : "add";
      let target = null;
      if (A.kind !== "add-contact" && !row.error) {
        const found = controls(row.el, key);
        target = found.length === 1 ? found[0] : row.el;
      } else {
        const box = addBox(b, inSection);
        const found = controls(b.el, "add").filter(inSection);
        target = !box.error && found.length === 1 ? box.el.closest("form, div") || found[0] : b.head.parentElement;
      }
      marks.push(target);
    }
    const d = theDialog(A.title);
    const dialog = d.error ? openDialog() : d.el; // one open with another title: still shown
    if (dialog) marks.push(dialog);
    for (const el of marks) el.classList.add("lc-guide");
    if (marks.length) marks[marks.length - 1].scrollIntoView({ block: "center" });
    return { ok: true, marked: marks.length };
  },
};
