// A shared clinic tablet: after a quiet spell, ask "Are you still there?" with a countdown
// and a big "I'm still here" button; when the countdown ends, clear everything and show the
// welcome screen for the next person. Sent only when the server runs as a kiosk
// (backknee/settings.py), with its times and words on the #bk-kiosk element
// (backknee/ui/chrome.py kiosk_bar). Checked by tests/e2e/test_kiosk.py.
//
// Time is measured by the clock, never by counting timer ticks: a tablet that sleeps stops
// every timer, and on waking the clock alone tells how long it was left.
(() => {
  if (window.__backkneeKiosk) return;
  const settings = document.getElementById("bk-kiosk");
  if (!settings) return;
  window.__backkneeKiosk = true;

  const idleMs = Number(settings.dataset.idle) * 1000;
  const warningMs = Number(settings.dataset.warning) * 1000;
  const words = settings.dataset;
  let lastTouch = Date.now();
  let touchedSinceLoad = false; // a fresh page holds nothing of anyone: no need to clear it
  let dialog = null;
  let countdown = null;
  let resetting = false;

  // Any touch, key, scroll or mouse use counts, except while the warning is up: then only
  // its button keeps the session (a stray touch elsewhere must not keep it for the next person).
  const touched = () => {
    if (dialog) return;
    lastTouch = Date.now();
    touchedSinceLoad = true;
  };
  for (const kind of ["pointerdown", "keydown", "touchstart", "wheel", "scroll"]) {
    document.addEventListener(kind, touched, { capture: true, passive: true });
  }
  window.addEventListener("popstate", touched); // the Back button is a patient too

  const secondsLeft = () => Math.max(0, Math.ceil((lastTouch + idleMs + warningMs - Date.now()) / 1000));

  const show = () => {
    if (!dialog) {
      dialog = document.createElement("div");
      dialog.className = "bk-still-there";
      dialog.setAttribute("role", "alertdialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-labelledby", "bk-still-there-heading");
      dialog.setAttribute("aria-describedby", "bk-still-there-text");
      const box = document.createElement("div");
      box.className = "bk-still-there-box";
      const heading = document.createElement("h2");
      heading.id = "bk-still-there-heading";
      heading.textContent = words.heading;
      countdown = document.createElement("p");
      countdown.id = "bk-still-there-text";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = words.button;
      button.addEventListener("click", stillHere);
      // The only control: Tab stays on it, and Escape means "I'm still here" too.
      dialog.addEventListener("keydown", (event) => {
        if (event.key === "Tab") {
          event.preventDefault();
          button.focus();
        } else if (event.key === "Escape") {
          stillHere();
        }
      });
      box.append(heading, countdown, button);
      dialog.append(box);
      document.body.append(dialog);
      button.focus();
    }
    countdown.textContent = words.text.replace("{seconds}", String(secondsLeft()));
  };

  function stillHere() {
    dialog?.remove();
    dialog = null;
    lastTouch = Date.now();
  }

  // Clear the session on the server at once (the Start again button forgets every key),
  // then load the welcome screen as a new page: a new session, a new page, no old state in
  // this tab's memory. The old page is hidden first, so nothing of it shows while loading.
  const reset = () => {
    if (resetting) return;
    resetting = true;
    const startAgain = document.querySelector(".st-key-kiosk_start_again button");
    if (startAgain) startAgain.click();
    const home = words.home || "/";
    setTimeout(() => {
      document.documentElement.style.visibility = "hidden";
      window.location.replace(window.location.origin + home);
    }, startAgain ? 1500 : 0);
  };

  const check = () => {
    if (resetting || !touchedSinceLoad) return;
    const quiet = Date.now() - lastTouch;
    if (quiet >= idleMs + warningMs) reset();
    else if (quiet >= idleMs) show();
  };
  setInterval(check, 250);
  document.addEventListener("visibilitychange", check);
  window.addEventListener("focus", check);

  // The Back button can bring a page back from the browser's memory, as it was. On a kiosk,
  // load it afresh instead (a new session, with nothing in it).
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      document.documentElement.style.visibility = "hidden";
      window.location.reload();
    }
  });
})();
