// The kiosk idle reset for shared clinic tablets: a feature, not a fix. Opening the app once
// with ?kiosk=1 marks this browser as a kiosk (?kiosk=0 unmarks it; ?kiosk=N sets an idle
// time of N seconds, for tests). On a kiosk, after a few minutes with no touch, key or scroll,
// the app starts afresh at home: a new page load is a new session, so nothing of the last
// patient's answers remains (the old session is dropped after
// server.disconnectedSessionTTL, 30 s). Loaded once per page by backknee/ui/chrome.py (after
// touch.js); checked by tests/e2e/test_kiosk.py.
(() => {
  if (window.__backkneeKiosk) return;
  window.__backkneeKiosk = true;

  const KIOSK_KEY = "backknee-kiosk-idle-seconds";
  const DEFAULT_IDLE_SECONDS = 180;
  const asked = new URLSearchParams(window.parent.location.search).get("kiosk");
  try {
    if (asked === "0") window.parent.localStorage.removeItem(KIOSK_KEY);
    else if (asked) {
      const seconds = asked === "1" ? DEFAULT_IDLE_SECONDS : Math.max(2, parseInt(asked, 10) || DEFAULT_IDLE_SECONDS);
      window.parent.localStorage.setItem(KIOSK_KEY, String(seconds));
    }
  } catch (error) {
    // Storage blocked: not a kiosk.
  }
  let idleSeconds = 0;
  try {
    idleSeconds = parseInt(window.parent.localStorage.getItem(KIOSK_KEY) || "0", 10) || 0;
  } catch (error) {
    idleSeconds = 0;
  }
  if (idleSeconds > 0) {
    let timer = null;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        window.parent.location.replace(window.parent.location.origin + "/");
      }, idleSeconds * 1000);
    };
    for (const kind of ["pointerdown", "keydown", "touchstart", "wheel", "scroll"]) {
      document.addEventListener(kind, restart, { capture: true, passive: true });
    }
    restart();
  }
})();
