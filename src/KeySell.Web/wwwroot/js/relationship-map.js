// Exports the relationship map as drawn: the diagram's SVG layer holds every node and line (the nodes are SVG, with their
// colours as attributes), so a copy of it framed to what it holds is the map. PNG is that SVG painted on a canvas.
window.keysellMap = (() => {
    const margin = 24;

    function standalone(canvasId) {
        const layer = document.querySelector(`#${canvasId} svg.diagram-svg-layer`);
        if (!layer) return null;
        const box = layer.getBBox();
        const copy = layer.cloneNode(true);
        copy.removeAttribute('style');
        copy.removeAttribute('class');
        copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
        const width = Math.ceil(box.width + 2 * margin), height = Math.ceil(box.height + 2 * margin);
        copy.setAttribute('viewBox', `${box.x - margin} ${box.y - margin} ${width} ${height}`);
        copy.setAttribute('width', width);
        copy.setAttribute('height', height);
        const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        background.setAttribute('x', box.x - margin);
        background.setAttribute('y', box.y - margin);
        background.setAttribute('width', width);
        background.setAttribute('height', height);
        background.setAttribute('fill', '#ffffff');
        copy.insertBefore(background, copy.firstChild);
        return { text: new XMLSerializer().serializeToString(copy), width, height };
    }

    function download(blob, fileName) {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    return {
        exportSvg(canvasId, fileName) {
            const svg = standalone(canvasId);
            if (svg) download(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }), fileName);
        },
        exportPng(canvasId, fileName) {
            const svg = standalone(canvasId);
            if (!svg) return Promise.resolve();
            return new Promise((resolve, reject) => {
                const image = new Image();
                image.onload = () => {
                    const scale = 2;
                    const canvas = document.createElement('canvas');
                    canvas.width = svg.width * scale;
                    canvas.height = svg.height * scale;
                    const context = canvas.getContext('2d');
                    context.scale(scale, scale);
                    context.drawImage(image, 0, 0);
                    canvas.toBlob(blob => { if (blob) download(blob, fileName); resolve(); }, 'image/png');
                };
                image.onerror = () => reject(new Error('The map could not be painted.'));
                image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg.text);
            });
        },
    };
})();
