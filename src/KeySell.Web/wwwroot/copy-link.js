// Copies the text of a read-only field when its button is pressed (the account page's calendar link). A file of its
// own: the Content-Security-Policy allows no inline script. Listens on the document, so it works on pages Blazor
// patched in by enhanced navigation too.
document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-copy-from]') : null;
    if (!button) return;
    event.preventDefault();
    const field = document.getElementById(button.getAttribute('data-copy-from'));
    if (!field) return;
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
    } catch {
        // Without clipboard permission (plain HTTP) the selected text can still be copied by hand.
        return;
    }
    button.setAttribute('data-copied', 'true');
    const copied = button.getAttribute('data-copied-text');
    if (copied) button.textContent = copied;
});
