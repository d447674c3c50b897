// scorecard.js keeps the scorecard of an interviewer guide or kit in this
// browser only: localStorage, one entry per site and role, erased on
// request. An entry left alone expires a set number of days (data-days,
// 30) after its last change: from then on no page restores it, and the
// next guide or kit of the site opened on the device erases it (a script
// runs only while one of its pages is open).
// The full guide and the role's kits share that entry: each page saves the
// fields it shows into it and keeps the others, so a rating entered in the
// guide survives a save in a kit. A restored entry is announced at the top
// of the scorecard, with the candidate's initials, so the next candidate
// starts from an empty scorecard rather than the last one's ratings.
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
  // dayText writes a day as the site's pages do, day month year ("29
  // November 2026"), with the month named in the page's language.
  function dayText(t) {
    try {
      const parts = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { day: "numeric", month: "long", year: "numeric" }).formatToParts(new Date(t));
      const part = (type) => (parts.find((p) => p.type === type) || {}).value;
      if (part("day") && part("month") && part("year")) return part("day") + " " + part("month") + " " + part("year");
    } catch (err) {
      // an unknown language tag: fall back to the ISO date
    }
    return day(t);
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
    const restored = document.getElementById("sc-restored");
    const restoredText = document.getElementById("sc-restored-text");
    const initials = document.getElementById("sc-initials");

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

    // stored is the role's entry as kept, or null when there is none or it
    // has expired.
    function stored() {
      const data = read(store, key);
      return data && data.saved >= Date.now() - days * DAY ? data : null;
    }

    // save merges this page's fields into the role's entry: what this page
    // shows replaces what was kept (an emptied field is dropped), and the
    // fields of the other pages of the role (the guide, other kits) stay.
    function save() {
      if (!store) return;
      const f = {};
      const data = stored();
      if (data) {
        for (const [name, value] of Object.entries(data.fields)) {
          if (typeof value === "string") f[name] = value;
        }
      }
      for (const el of inputs()) delete f[el.name];
      Object.assign(f, fields());
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
      const who = clean(initials.value);
      const lines = ["Scorecard: " + d.title];
      if (d.kit) lines.push("Interviewer: " + d.kit);
      lines.push("Candidate: " + (who || "(no initials)"), "Date: " + day(Date.now()));
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

    // clear removes the role's entry, on every page of the role, and
    // empties the form.
    function clear() {
      if (store) store.removeItem(key);
      fill({});
      text.value = "";
      out.hidden = true;
    }

    function erase() {
      if (!window.confirm("Erase this role's scorecard from this device? This clears the ratings and notes entered here, in the full guide and in every interviewer's kit of this role. They cannot be brought back.")) return;
      clear();
      if (restored) restored.hidden = true;
      say("Erased from this device.");
    }

    // candidate names the candidate of a kept entry, by initials.
    function candidate(data) {
      const v = typeof data.fields.initials === "string" ? clean(data.fields.initials) : "";
      return v ? "candidate " + v : "a candidate whose initials were not entered";
    }

    // announce shows, where the scorecard starts, whose scorecard was
    // restored and when it last changed, with a way to start a new one.
    function announce(data) {
      if (!restored || !restoredText) {
        say("Restored from this device: the scorecard of " + candidate(data) + ", last changed " + dayText(data.saved) + ".");
        return;
      }
      const button = document.getElementById("sc-new");
      restored.hidden = false;
      if (button) button.hidden = false;
      // The status region is filled a moment after it is shown: screen
      // readers announce changes to a live region they already know of.
      const text = "Restored from this device: the scorecard of " + candidate(data) +
        ", last changed " + dayText(data.saved) + ". Interviewing someone else? Start a new one, so their ratings stay apart.";
      setTimeout(() => { restoredText.textContent = text; }, 100);
      if (!button) return;
      button.addEventListener("click", () => {
        const now = stored();
        if (now && !window.confirm("Start a new scorecard? The one of " + candidate(now) + " is erased from this device, in the full guide and in every interviewer's kit of this role. Copy its summary first if you still need it.")) return;
        clear();
        button.hidden = true;
        restoredText.textContent = "New scorecard started; the previous one was erased from this device.";
        initials.focus();
      });
    }

    if (store) {
      sweep(store, card.dataset.site, days);
      const data = read(store, key);
      if (data) {
        fill(data.fields);
        announce(data);
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
