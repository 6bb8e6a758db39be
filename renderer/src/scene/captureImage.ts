/**
 * A still picture of the 3D view for handouts: the WebGL canvas as drawn (read in the same task as the render, so the
 * drawing buffer need not be preserved) with the CSS labels painted over it where they show, as a PNG data URL.
 */

/** Paints the canvas and the visible labels under `labelRoot` onto a new 2D canvas at the canvas's pixel size. */
export function composeCapture(canvas: HTMLCanvasElement, labelRoot: HTMLElement): string {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a 2D picture of the 3D view.');
  ctx.drawImage(canvas, 0, 0);
  const box = canvas.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) {
    ctx.scale(canvas.width / box.width, canvas.height / box.height);
    ctx.translate(-box.left, -box.top);
    for (const label of labelRoot.querySelectorAll<HTMLElement>('.scene-label')) paintLabel(ctx, label);
  }
  return out.toDataURL('image/png');
}

function shown(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0;
}

/** The label's box (background, border radius) and then every visible text run at the place the browser laid it out. */
function paintLabel(ctx: CanvasRenderingContext2D, label: HTMLElement): void {
  if (!shown(label) || label.closest('[hidden]')) return;
  const style = getComputedStyle(label);
  const rect = label.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return;
  ctx.save();
  ctx.globalAlpha = Number(style.opacity);
  ctx.fillStyle = style.backgroundColor;
  ctx.beginPath();
  ctx.roundRect(rect.left, rect.top, rect.width, rect.height, parseFloat(style.borderTopLeftRadius) || 0);
  ctx.fill();
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!parent || !text || !shown(parent)) continue;
    const textStyle = getComputedStyle(parent);
    ctx.font = `${textStyle.fontStyle} ${textStyle.fontWeight} ${textStyle.fontSize} ${textStyle.fontFamily}`;
    ctx.fillStyle = textStyle.color;
    ctx.textBaseline = 'middle';
    const range = document.createRange();
    range.selectNodeContents(node);
    const runs = range.getClientRects();
    // One rect per laid-out line of the text node: a wrapped text is painted line by line, by its words.
    if (runs.length === 1) {
      const r = runs[0] as DOMRect;
      ctx.fillText(text, r.left, r.top + r.height / 2);
    } else paintWrapped(ctx, node as Text);
  }
  ctx.restore();
}

/** A text node that wraps: each word at the place the browser put it. */
function paintWrapped(ctx: CanvasRenderingContext2D, node: Text): void {
  const range = document.createRange();
  const text = node.data;
  for (const m of text.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    ctx.fillText(m[0], r.left, r.top + r.height / 2);
  }
}
