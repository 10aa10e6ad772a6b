// A red flag's link takes the seller to the cell that causes it: scrolls it into view, highlights it for a moment and
// moves focus there (the cell gets tabindex=-1), so keyboard and screen-reader users land where sighted users look.
// A file of its own, listening on the document: the Content-Security-Policy allows no inline script, and the link
// works on the prerendered sheet and on pages Blazor patched in by enhanced navigation too.
document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-show-cell]') : null;
    if (!link) return;
    const cell = document.querySelector(link.getAttribute('data-show-cell'));
    if (!cell) return; // the plain #anchor still leads to the row
    event.preventDefault();
    document.querySelectorAll('.kss-cell-highlight').forEach(other => other.classList.remove('kss-cell-highlight'));
    cell.scrollIntoView({ block: 'center', inline: 'nearest' });
    cell.classList.add('kss-cell-highlight');
    if (!cell.hasAttribute('tabindex')) cell.setAttribute('tabindex', '-1');
    cell.focus({ preventScroll: true });
    // Long enough to be found by eye, short enough not to be mistaken for a state of the cell.
    setTimeout(() => cell.classList.remove('kss-cell-highlight'), 4000);
});
