// unlock.js opens a hirebook team page (interviewer guide, kit, guide
// index) that was encrypted at build time. No dependencies, no network.
//
// The page holds, in <script type="application/octet-stream" id="hb-sealed">,
// the ciphertext and what decryption needs: salt, PBKDF2 iterations, nonce
// and the page's path. The key is derived as generator/guard does it:
//   PBKDF2-HMAC-SHA256(passphrase, salt, iterations) -> 32 bytes
//   HKDF-SHA256(those bytes, info "hirebook v1 aes-256-gcm") -> AES-256-GCM key
// and the plaintext is the zlib-compressed page.
//
// "Remember on this device" keeps the derived key (never the passphrase) as
// a non-extractable CryptoKey in IndexedDB, keyed by the site's salt: every
// page of the site has the same salt, so one prompt opens them all. A page
// opened with a remembered key offers, at its foot, to forget it: after a
// second, explicit press the key is deleted and the page locks again.
(function () {
  "use strict";
  const sealed = document.getElementById("hb-sealed");
  const form = document.getElementById("hb-unlock");
  if (!sealed || !form) return;
  const data = sealed.dataset;
  const site = data.salt; // one salt per site
  const input = document.getElementById("hb-pass");
  const remember = document.getElementById("hb-remember");
  const status = document.getElementById("hb-status");
  const button = form.querySelector("button");
  const subtle = window.crypto && window.crypto.subtle;
  const text = new TextEncoder();
  let locked; // this page's own elements while the decrypted page shows

  function say(message) {
    status.textContent = message;
  }

  function bytes(b64url) {
    const bin = atob(b64url.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  }

  // Spaces at the ends and repeated spaces do not count (as in Go).
  function normalize(passphrase) {
    return passphrase.trim().split(/\s+/).join(" ");
  }

  async function derive(passphrase) {
    const base = await subtle.importKey("raw", text.encode(normalize(passphrase)), "PBKDF2", false, ["deriveBits"]);
    const bits = await subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: bytes(data.salt), iterations: Number(data.iter) }, base, 256);
    const master = await subtle.importKey("raw", bits, "HKDF", false, ["deriveKey"]);
    return subtle.deriveKey(
      { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: text.encode("hirebook v1 aes-256-gcm") },
      master, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
  }

  // open decrypts and inflates the page; it throws on a wrong key.
  async function open(key) {
    const zipped = await subtle.decrypt(
      { name: "AES-GCM", iv: bytes(data.nonce), additionalData: text.encode(data.path) },
      key, bytes(sealed.textContent.trim()));
    const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text();
  }

  // The remembered keys: IndexedDB database "hirebook", store "keys".
  function request(r) {
    return new Promise((resolve, reject) => {
      r.addEventListener("success", () => resolve(r.result));
      r.addEventListener("error", () => reject(r.error));
    });
  }
  async function keys(mode, use) {
    const r = indexedDB.open("hirebook", 1);
    r.addEventListener("upgradeneeded", () => r.result.createObjectStore("keys"));
    const db = await request(r);
    try {
      const tx = db.transaction("keys", mode);
      const result = request(use(tx.objectStore("keys")));
      await new Promise((resolve, reject) => {
        tx.addEventListener("complete", resolve);
        tx.addEventListener("error", () => reject(tx.error));
        tx.addEventListener("abort", () => reject(tx.error));
      });
      return await result;
    } finally {
      db.close();
    }
  }
  const recall = () => keys("readonly", (s) => s.get(site));
  const keep = (key) => keys("readwrite", (s) => s.put(key, site));
  const forget = () => keys("readwrite", (s) => s.delete(site));

  const forgetQuestion = "Forget the key on this device? This page locks, and every guide and kit of this site will ask for the passphrase here again.";
  // show replaces this page with the decrypted one, which then works as the
  // plain page would: its links, styles and scripts. A remembered key adds,
  // at the start of the footer (after the page's own content), a quiet
  // control that forgets it, with a confirmation.
  function show(page, remembered) {
    if (remembered) {
      const css = document.querySelector('link[href$="unlock.css"]');
      if (css) page = page.replace("</head>", '<link rel="stylesheet" href="' + css.getAttribute("href") + '"></head>');
      const bar = '<div class="hb-bar" id="hb-bar"><p>This device remembers the key to these pages, so they open without the passphrase.</p>' +
        '<button type="button" class="button quiet" id="hb-forget">Forget on this device</button>' +
        '<div class="hb-confirm" id="hb-confirm" hidden><p id="hb-confirm-text" tabindex="-1">' + forgetQuestion + '</p>' +
        '<button type="button" class="button" id="hb-forget-yes" aria-describedby="hb-confirm-text">Forget the key</button> ' +
        '<button type="button" class="button quiet" id="hb-forget-no">Keep it</button></div></div>';
      if (/<footer\b[^>]*>/.test(page)) page = page.replace(/<footer\b[^>]*>/, (m) => m + bar);
      else page = page.replace(/<\/main>/, bar + "</main>");
    }
    input.value = "";
    locked = document.documentElement;
    document.open();
    document.write(page);
    document.close();
    if (remembered) document.addEventListener("click", forgetting);
  }

  // forgetting handles the forget control of a decrypted page: the first
  // press asks, "Keep it" puts the control back, and "Forget the key"
  // deletes the key and puts this page's own elements back in place of the
  // decrypted page (its scripts do not run again, and no policy of the
  // decrypted page stands in the way), with the focus in the passphrase
  // field.
  function forgetting(e) {
    const hit = (id) => e.target.closest && e.target.closest("#" + id);
    const control = document.getElementById("hb-forget");
    const confirm = document.getElementById("hb-confirm");
    if (!control || !confirm) return;
    if (hit("hb-forget")) {
      control.hidden = true;
      confirm.hidden = false;
      const text = document.getElementById("hb-confirm-text");
      text.textContent = forgetQuestion; // not the message of a failed try
      text.focus();
    } else if (hit("hb-forget-no")) {
      confirm.hidden = true;
      control.hidden = false;
      control.focus();
    } else if (hit("hb-forget-yes")) {
      const yes = document.getElementById("hb-forget-yes");
      yes.disabled = true;
      forget().then(() => {
        document.removeEventListener("click", forgetting);
        document.replaceChild(locked, document.documentElement);
        locked = undefined;
        // Replacing the document dropped the form's listener.
        form.addEventListener("submit", submit);
        remember.checked = false;
        button.disabled = false;
        input.removeAttribute("aria-invalid");
        ask("Forgotten: this device no longer keeps the key. Enter the passphrase to open the page again.");
      }, () => {
        // The key is still kept: say so, never "forgotten".
        const text = document.getElementById("hb-confirm-text");
        text.textContent = "This device could not forget the key, so these pages still open here without the passphrase. Try again, or clear this site's data in the browser's settings.";
        yes.disabled = false;
        text.focus();
      });
    }
  }

  function ask(message) {
    document.getElementById("hb-needjs").hidden = true;
    if (/\.github\.io$/i.test(location.hostname)) {
      const shared = document.getElementById("hb-shared");
      document.getElementById("hb-host").textContent = location.hostname;
      shared.hidden = false;
      remember.setAttribute("aria-describedby", "hb-shared");
    }
    form.hidden = false;
    say("");
    input.focus();
    // Filled a moment after the form shows, so screen readers announce it.
    if (message) setTimeout(() => say(message), 100);
  }

  async function submit(e) {
    e.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    input.removeAttribute("aria-invalid");
    say("Opening…");
    let page;
    try {
      const key = await derive(input.value);
      page = await open(key);
      if (remember.checked) await keep(key);
    } catch (err) {
      button.disabled = false;
      input.setAttribute("aria-invalid", "true");
      say(err && err.name === "OperationError" ? "Wrong passphrase. Check it and try again." :
        "This page could not be opened here: " + err);
      input.select();
      input.focus();
      return;
    }
    show(page, remember.checked);
  }
  form.addEventListener("submit", submit);

  async function start() {
    if (!subtle || !window.DecompressionStream || !window.indexedDB) {
      document.getElementById("hb-needjs").textContent = subtle ?
        "This browser is too old to open encrypted pages. Use a current Chrome, Edge, Firefox or Safari." :
        "Encrypted pages open only over https (or on this computer's own address).";
      return;
    }
    let key;
    try {
      key = await recall();
    } catch (err) {
      key = undefined; // private windows may refuse storage: just ask
    }
    if (!key) return ask();
    try {
      show(await open(key), true);
    } catch (err) {
      await forget().catch(() => {});
      ask("The passphrase has changed since this device remembered it. Enter the new one.");
    }
  }
  start();
})();
