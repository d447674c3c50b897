// scorecard.js keeps the scorecard of an interviewer guide or kit in this
// browser only: localStorage, one entry per site and role, erased on
// request and a set number of days (data-days, 30) after the last change.
// It copies a plain-text summary for an applicant tracking system, through
// the clipboard when the page is a secure context, else by selecting it in
// a text box. Nothing is sent anywhere. Without it the guide reads fully
// and the scorecard can still be printed and filled in by hand.
(function () {
  "use strict";
  const PREFIX = "hirebook-scorecard\n";
  const DAY = 24 * 60 * 60 * 1000;

  function storage() {
    try {
      const s = window.localStorage;
      s.getItem(PREFIX); // throws where storage is refused
      return s;
    } catch (err) {
      return null;
    }
  }

  function read(store, key) {
    try {
      const data = JSON.parse(store.getItem(key));
      return data && typeof data.saved === "number" && data.fields ? data : null;
    } catch (err) {
      return null;
    }
  }

  // sweep removes every scorecard of this site that has expired or cannot
  // be read.
  function sweep(store, site, days) {
    const old = Date.now() - days * DAY;
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (key && key.startsWith(PREFIX + site + "\n")) {
        const data = read(store, key);
        if (!data || data.saved < old) store.removeItem(key);
      }
    }
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }
  function day(t) {
    const d = new Date(t);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function clean(s) {
    return s.replace(/\s+/g, " ").trim();
  }

  function start() {
    const card = document.getElementById("sc");
    if (!card || card.dataset.ready) return;
    card.dataset.ready = "1";
    const store = storage();
    const days = Number(card.dataset.days) || 30;
    const key = PREFIX + card.dataset.site + "\n" + card.dataset.role;
    const status = document.getElementById("sc-status");
    const out = document.getElementById("sc-out");
    const text = document.getElementById("sc-text");
    const inputs = () => card.querySelectorAll("input[name], textarea[name]");
    const say = (message) => { status.textContent = message; };

    function fields() {
      const f = {};
      for (const el of inputs()) {
        if (el.type === "radio") {
          if (el.checked) f[el.name] = el.value;
        } else if (el.value.trim()) {
          f[el.name] = el.value;
        }
      }
      return f;
    }

    function save() {
      if (!store) return;
      const f = fields();
      try {
        if (Object.keys(f).length) store.setItem(key, JSON.stringify({ v: 1, saved: Date.now(), fields: f }));
        else store.removeItem(key);
      } catch (err) {
        say("This device could not keep the scorecard (" + err.name + "). Copy the summary before you leave.");
      }
    }

    function fill(f) {
      for (const el of inputs()) {
        const v = f[el.name];
        if (el.type === "radio") el.checked = v === el.value;
        else el.value = typeof v === "string" ? v : "";
      }
    }

    // scaleName is the name of a rating on the scale of its kind, from the
    // scale table on the page ("3 Comparable" gives "Comparable").
    function scaleName(kind, value) {
      for (const th of document.querySelectorAll("table.scale tbody th")) {
        if (th.closest("table").dataset.kind !== kind) continue;
        const m = clean(th.textContent).match(/^(\d+)\s+(.*)$/);
        if (m && m[1] === value) return m[2];
      }
      return "";
    }

    function summary() {
      const d = card.dataset;
      const initials = clean(document.getElementById("sc-initials").value);
      const lines = ["Scorecard: " + d.title];
      if (d.kit) lines.push("Interviewer: " + d.kit);
      lines.push("Candidate: " + (initials || "(no initials)"), "Date: " + day(Date.now()));
      for (const fs of card.querySelectorAll("fieldset.score")) {
        const what = clean(fs.querySelector("legend").textContent);
        const picked = fs.querySelector("input[type=radio]:checked");
        let rating = "not rated";
        if (picked) {
          const name = fs.dataset.kind ? scaleName(fs.dataset.kind, picked.value) : "";
          rating = picked.value + (name ? " (" + name + ")" : "");
        }
        lines.push("", what + ": " + rating);
        const note = fs.querySelector("textarea");
        if (note && note.value.trim()) lines.push("Evidence: " + note.value.trim());
      }
      return lines.join("\n") + "\n";
    }

    async function copy() {
      const s = summary();
      if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
        try {
          await navigator.clipboard.writeText(s);
          out.hidden = true;
          say("Summary copied. Paste it into the applicant tracking system.");
          return;
        } catch (err) {
          // refused: fall back to the text box
        }
      }
      // No clipboard API (plain http, e.g. a preview on the local network):
      // select the summary in a text box for the person to copy.
      text.value = s;
      out.hidden = false;
      text.focus();
      text.select();
      let copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (err) {
        copied = false;
      }
      say(copied ? "Summary copied; it is also shown below." :
        "The summary is selected below: copy it (on a phone, press and hold, then Copy).");
    }

    function erase() {
      if (!window.confirm("Erase this scorecard from this device? The ratings and notes cannot be brought back.")) return;
      if (store) store.removeItem(key);
      fill({});
      text.value = "";
      out.hidden = true;
      say("Erased from this device.");
    }

    if (store) {
      sweep(store, card.dataset.site, days);
      const data = read(store, key);
      if (data) {
        fill(data.fields);
        say("Restored from this device (last changed " + day(data.saved) + ").");
      }
    } else {
      say("This browser does not let the page keep the scorecard: copy the summary before you leave.");
    }
    card.addEventListener("input", save);
    card.addEventListener("change", save);
    document.getElementById("sc-copy").addEventListener("click", copy);
    document.getElementById("sc-erase").addEventListener("click", erase);
    document.getElementById("sc-tools").hidden = false;
    document.getElementById("sc-note").hidden = !store;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
