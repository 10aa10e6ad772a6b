// A red flag's link takes the seller to the cell that causes it: scrolls it into view, highlights it for a moment and
// moves focus there (the cell gets tabindex=-1), so keyboard and screen-reader users land where sighted users look.
// A file of its own, listening on the document: the Content-Security-Policy allows no inline script, and the link
// works on the prerendered sheet and on pages Blazor patched in by enhanced navigation too.
function showCell(cell) {
    document.querySelectorAll('.kss-cell-highlight').forEach(other => other.classList.remove('kss-cell-highlight'));
    cell.scrollIntoView({ block: 'center', inline: 'nearest' });
    cell.classList.add('kss-cell-highlight');
    if (!cell.hasAttribute('tabindex')) cell.setAttribute('tabindex', '-1');
    cell.focus({ preventScroll: true });
    // Long enough to be found by eye, short enough not to be mistaken for a state of the cell.
    setTimeout(() => cell.classList.remove('kss-cell-highlight'), 4000);
}

document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-show-cell]') : null;
    if (!link) return;
    const cell = document.querySelector(link.getAttribute('data-show-cell'));
    if (!cell) return; // the plain #anchor still leads to the row
    event.preventDefault();
    showCell(cell);
});

// A link from elsewhere (a drill's explanation) names the cell in its address: /opportunities/{id}?cell=mode&influence=i2.
// The sheet may still be rendering, so the cell is looked for a few times before giving up quietly.
function showCellFromAddress() {
    const query = new URLSearchParams(location.search);
    const name = query.get('cell');
    if (!name || !/^[a-z-]{1,40}$/.test(name)) return;
    const influence = query.get('influence');
    const selector = influence && /^[A-Za-z0-9_.-]{1,100}$/.test(influence)
        ? `#influence-${CSS.escape(influence)} [data-cell="${name}"]`
        : `[data-sheet-cell="${name}"]`;
    // The prerendered sheet is replaced once the page turns interactive: the cell is shown again if the one shown is
    // gone, until it has stayed put for two seconds (or ten have passed).
    let tries = 0, steady = 0, shown = null;
    const look = () => {
        const cell = document.querySelector(selector);
        if (cell && cell !== shown) { showCell(cell); shown = cell; steady = 0; }
        else if (cell) steady++;
        if (++tries < 40 && steady < 8) setTimeout(look, 250);
    };
    look();
}
document.addEventListener('DOMContentLoaded', () => {
    showCellFromAddress();
    // Blazor's enhanced navigation patches a page in without a load: show the cell of the new address too.
    window.Blazor?.addEventListener?.('enhancedload', showCellFromAddress);
});
