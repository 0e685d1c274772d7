// Three fixes for touch screens, each for a Streamlit 1.67 behaviour found in testing: a finger
// tap on a chart step reaching the app, the phone page drawer closing once a page is chosen,
// and the phone's menu button named by the word it shows. Loaded once per page by
// backknee/ui/chrome.py; each is checked by tests/e2e.
(() => {
  // The browser tests wait for this flag before reading a page (tests/e2e/helpers.py).
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

  // 2. The page menu on phones. Below 768 px the navigation is a drawer, and it stays open
  // over the new page after a tap on a page in it. Close it, so the page can be read.
  document.addEventListener("click", (event) => {
    if (window.innerWidth >= 768 || !(event.target instanceof Element)) return;
    if (!event.target.closest('[data-testid="stSidebarNavLink"]')) return;
    setTimeout(() => {
      document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
    }, 50);
  });

  // 3. The menu button on phones shows only an arrow, named "Expand sidebar". style.css adds the
  // word from content/site.yaml (menu_label, on #bk-menu-label); here the button's name becomes
  // that word too, so what a screen reader says is what the patient sees (WCAG 2.5.3).
  const nameMenuButton = () => {
    const word = document.getElementById("bk-menu-label")?.dataset.label;
    const button = document.querySelector('[data-testid="stExpandSidebarButton"]');
    if (word && button && button.getAttribute("aria-label") !== word) button.setAttribute("aria-label", word);
  };
  new MutationObserver(nameMenuButton).observe(document.body, { childList: true, subtree: true });
  nameMenuButton();
})();
