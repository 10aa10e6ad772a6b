// The skip link ("Skip to content", MainLayout) moves the keyboard focus to the page's <main>. A file of its own: the
// Content-Security-Policy allows no inline script. Handled here rather than left to the browser: with <base href="/">
// a bare "#main-content" resolves to the home page, and Blazor's router would navigate there. Listens in the capture
// phase, before Blazor's own link handling, which leaves a click alone once it is handled (defaultPrevented).
document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.ks-skip-link') : null;
    if (!link) return;
    const main = document.getElementById(link.getAttribute('href').slice(1));
    if (!main) return;
    event.preventDefault();
    main.focus();
}, true);
