// The needs outline moves problems with Tab and Shift+Tab and adds one with Enter. Blazor hears the key but cannot
// decide per key press whether the browser should act, so this does: it keeps Tab from leaving the line only when the
// line can actually move (the line says so in data-can-indent / data-can-outdent), so Tab still walks out of the
// outline from a line that cannot move, and keeps Enter (outside an input method's composition) from doing anything else.
export function attach(outline) {
    const onKeyDown = event => {
        const line = event.target.closest ? event.target.closest('[data-outline-key]') : null;
        if (!line || event.isComposing) return;
        if (event.key === 'Enter') event.preventDefault();
        else if (event.key === 'Tab' && !event.shiftKey && line.dataset.canIndent === 'true') event.preventDefault();
        else if (event.key === 'Tab' && event.shiftKey && line.dataset.canOutdent === 'true') event.preventDefault();
    };
    outline.addEventListener('keydown', onKeyDown);
    return { detach: () => outline.removeEventListener('keydown', onKeyDown) };
}
