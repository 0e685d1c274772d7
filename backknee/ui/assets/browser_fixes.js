// Two small fixes for touch screens, each for a Streamlit 1.67 behaviour found in testing.
// Loaded once per page by backknee/ui/chrome.py; both are checked by tests/e2e.
(() => {
  if (window.__backkneeBrowserFixes) return;
  window.__backkneeBrowserFixes = true;

  // 1. Tapping a step in a chart. Streamlit records a chart selection from a mouse click, but
  // plotly takes a finger tap for itself and the selection never reaches the app. Hiding a
  // chart's touches from plotly (without preventing the browser's default) lets the browser
  // turn the tap into an ordinary click. Scrolling past a chart is untouched.
  for (const kind of ["touchstart", "touchend"]) {
    document.addEventListener(
      kind,
      (event) => {
        if (event.target instanceof Element && event.target.closest(".js-plotly-plot .nsewdrag")) {
          event.stopPropagation();
        }
      },
      { capture: true, passive: true },
    );
  }

  // 3. Shared clinic tablets (kiosk). Opening the app once with ?kiosk=1 marks this browser as
  // a kiosk (?kiosk=0 unmarks it; ?kiosk=N sets an idle time of N seconds, for tests). On a
  // kiosk, after a few minutes with no touch, key or scroll, the app starts afresh at home: a
  // new page load is a new session, so nothing of the last patient's answers remains (the old
  // session is dropped after server.disconnectedSessionTTL, 30 s).
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

  // 2. The page menu on phones. Below 768 px the navigation is a drawer, and it stays open
  // over the new page after a tap on a page in it. Close it, so the page can be read.
  document.addEventListener("click", (event) => {
    if (window.innerWidth >= 768 || !(event.target instanceof Element)) return;
    if (!event.target.closest('[data-testid="stSidebarNavLink"]')) return;
    setTimeout(() => {
      document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
    }, 50);
  });
})();
