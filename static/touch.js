// What our pictures and Streamlit 1.67's phone menu need in the browser: a tap on a step of the
// cycle picture choosing that step, the phone page drawer closing once a page is chosen, the
// phone's menu button named by the word it shows, and Play and Pause on an exercise's moving
// figure. Loaded once per page by backknee/ui/chrome.py; each is checked by tests/e2e.
(() => {
  // The browser tests wait for this flag before reading a page (tests/e2e/helpers.py).
  if (window.__backkneeBrowserFixes) return;
  window.__backkneeBrowserFixes = true;

  // 1. Tapping a step in a picture. The cycle on home is an SVG picture drawn in Python; each
  // step's marker carries its place (data-bk-step). A tap on it taps the same step of the
  // chooser drawn under it, so the picture and the chooser always agree and the app hears one
  // choice, however it was made.
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const step = event.target.closest("[data-bk-step]");
    if (!step) return;
    // The chooser is in the nearest block around the picture that holds one (the picture
    // itself sits in a box of its own, backknee/ui/figures.py).
    let block = step.closest('[data-testid="stVerticalBlock"]');
    while (block && !block.querySelector('[data-testid="stButtonGroup"]')) {
      block = block.parentElement?.closest('[data-testid="stVerticalBlock"]');
    }
    const choices = block?.querySelectorAll('[data-testid="stButtonGroup"] button');
    choices?.[Number(step.dataset.bkStep)]?.click();
  });

  // 4. Play and Pause on an exercise's moving figure (backknee/ui/figures.py): its frames are
  // groups of the picture, the first shown. Play moves to the next frame at once, so the tap is
  // answered without waiting a frame's time, then shows each in turn, data-frame-ms apart; Pause
  // holds the frame it is on. It never starts by itself.
  const playing = new Map();
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const button = event.target.closest(".bk-play, .bk-pause");
    const demo = button?.closest("[data-bk-demo]");
    const frames = demo?.querySelector(".bk-frames");
    if (!frames) return;
    clearInterval(playing.get(demo));
    playing.delete(demo);
    const play = button.classList.contains("bk-play");
    demo.querySelector(".bk-play").setAttribute("aria-pressed", String(play));
    if (!play) return;
    const groups = [...frames.querySelectorAll(".bk-frame")];
    let shown = groups.findIndex((group) => group.getAttribute("visibility") !== "hidden");
    const step = () => {
      if (!frames.isConnected) return clearInterval(playing.get(demo));
      groups[shown]?.setAttribute("visibility", "hidden");
      shown = (shown + 1) % groups.length;
      groups[shown].removeAttribute("visibility");
    };
    step();
    playing.set(demo, setInterval(step, Number(frames.dataset.frameMs) || 110));
  });

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
