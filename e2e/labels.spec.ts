import { test, expect, chooseTheme, openApp, shoot, waitForSettled } from './fixtures';

/** Boxes of the labels a viewer can see (not hidden by the overlap pass). */
function visibleLabelBoxes() {
  return [...document.querySelectorAll<HTMLElement>('.scene-label')]
    .filter((el) => getComputedStyle(el).visibility !== 'hidden' && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`labels never overlap, and every component is named (${size.width}x${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const archIds = await page
      .locator('#toolbar-architecture option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(archIds.length).toBeGreaterThanOrEqual(6);
    for (const id of archIds) {
      await page.selectOption('#toolbar-architecture', id);
      await waitForSettled(page); // the overlap pass runs when the camera settles
      const boxes = await page.evaluate(visibleLabelBoxes);
      // One expect per architecture, not per pair: thousands of expect steps slow a test down as its trace grows.
      const overlapping: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
          if (overlap) overlapping.push(`"${a.text}" overlaps "${b.text}"`);
        }
      }
      expect(overlapping, id).toEqual([]);
      // Every component keeps at least its kind glyph on screen; on a full-HD projector, its whole name.
      const components = page.locator('.scene-label--component');
      await expect(page.locator('.scene-label--component.scene-label--yield'), id).toHaveCount(0);
      if (size.width >= 1920) await expect(page.locator('.scene-label--compact'), id).toHaveCount(0);
      expect(await components.count()).toBeGreaterThan(10);
      if (size.width >= 1920) await shoot(page, `explore-${id}-1080p`);
    }
  });
}

/**
 * Compare draws each stack in its own half of the canvas with its own camera and label layer. What a viewer can see
 * there: each visible label with its kind, its stack and the half (label layer) it is drawn in.
 */
function compareLabels() {
  return [...document.querySelectorAll<HTMLElement>('.scene-label')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const layer = el.closest('.scene-labels')?.getBoundingClientRect();
      const kind = [...el.classList].find((c) =>
        /^scene-label--(component|layer|column|band|stack|mechanism|gate)$/.test(c),
      );
      // Its anchor: the box's centre without the nudge the overlap pass gave it (the `translate` property).
      const [nx, ny] = (el.style.translate || '0px 0px').split(' ').map((v) => parseFloat(v) || 0);
      const end = el.querySelector('.scene-label__leader-end')?.getBoundingClientRect();
      const line = el.querySelector('.scene-label__leader')?.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        kind: kind?.replace('scene-label--', '') ?? '',
        stack: el.dataset.stackKey ?? '',
        componentId: el.dataset.componentId ?? '',
        anchor: { x: (r.left + r.right) / 2 - (nx ?? 0), y: (r.top + r.bottom) / 2 - (ny ?? 0) },
        leader:
          end && line
            ? {
                end: { x: (end.left + end.right) / 2, y: (end.top + end.bottom) / 2 },
                line: { left: line.left, right: line.right, top: line.top, bottom: line.bottom },
              }
            : null,
        hidden: el.classList.contains('scene-label--yield'),
        compact: el.classList.contains('scene-label--compact'),
        short: el.classList.contains('scene-label--short'),
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        pane: layer ? { left: layer.left, right: layer.right, top: layer.top, bottom: layer.bottom } : null,
      };
    });
}

/** The default pair, then pairs across architectures (a microkernel, a Type 2, monolithic ones). */
const PAIRS = [
  ['hyperv-emulated-ide-write', 'hyperv-synthetic-disk-write'],
  ['xen-blk-split', 'kvm-virtio-vhost'],
  ['type2-lance-transmit', 'esx-vmxnet3-transmit'],
  ['esx-lsi-logic-write', 'hyperv2012r2-gen2-scsi-write'],
] as const;
/** The least share of its half a stack with its labels fills, in height or width (whichever limits it). */
const MIN_FILL = 0.9;

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`Compare: each stack in its own half, labels never overlap or leave the canvas, every component named (${size.width}x${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const left = page.getByLabel('Left (or top)');
    const right = page.getByLabel('Right (or bottom)');
    expect([await left.inputValue(), await right.inputValue()]).toEqual([...PAIRS[0]]);
    const shorts: string[] = [];
    const fills: string[] = [];
    const check = async (what: string, arrange: 'side-by-side' | 'stacked') => {
      await waitForSettled(page);
      const labels = await page.evaluate(compareLabels);
      const visible = labels.filter((l) => !l.hidden);
      // (One expect per check, not per pair: a test with thousands of expect steps slows down as its trace grows.)
      const overlapping: string[] = [];
      for (let i = 0; i < visible.length; i++) {
        for (let j = i + 1; j < visible.length; j++) {
          const a = visible[i]!.box;
          const b = visible[j]!.box;
          const overlap = a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
          if (overlap) overlapping.push(`"${visible[i]!.text}" overlaps "${visible[j]!.text}"`);
        }
      }
      expect(overlapping, what).toEqual([]);
      // Two halves, left/right or top/bottom, each with the labels of one stack, every label inside its half.
      const panes = new Map<string, NonNullable<(typeof labels)[number]['pane']>>();
      const misplaced: string[] = [];
      for (const l of visible) {
        const p = l.pane;
        if (!p) {
          misplaced.push(`"${l.text}" is in no half`);
          continue;
        }
        const key = l.stack || 'none';
        const known = panes.get(key);
        if (!known) panes.set(key, p);
        else if (JSON.stringify(known) !== JSON.stringify(p)) misplaced.push(`"${l.text}" is not in its stack's half`);
        const b = l.box;
        const inside = b.left >= p.left - 1 && b.right <= p.right + 1 && b.top >= p.top - 1 && b.bottom <= p.bottom + 1;
        if (!inside) misplaced.push(`"${l.text}" (${l.stack}) sticks out of its half`);
      }
      // ... and inside the canvas.
      const canvas = (await page.getByTestId('scene-canvas').boundingBox())!;
      const outside = visible
        .filter(({ box: b }) => b.left < canvas.x - 1 || b.right > canvas.x + canvas.width + 1)
        .concat(visible.filter(({ box: b }) => b.top < canvas.y - 1 || b.bottom > canvas.y + canvas.height + 1))
        .map((x) => `"${x.text}" (${x.stack}) sticks out of the canvas`);
      expect(misplaced.concat(outside), what).toEqual([]);
      const l = panes.get('left');
      const r = panes.get('right');
      expect(l && r, `${what}: two halves`).toBeTruthy();
      // Every component label is on its block: its anchor inside the block's projected rectangle, and its box touching
      // that rectangle, or a leader from its box ending on the anchor.
      const named = visible.filter((x) => x.kind === 'component');
      const blocks = await page.evaluate(
        (list) => list.map(([k, c]) => window.ringMinusOneDebug!.screenRect(k, c)),
        named.map((x) => [x.stack, x.componentId] as const),
      );
      type Box = { left: number; right: number; top: number; bottom: number };
      const touch = (a: Box, b: Box, pad: number): boolean =>
        a.left <= b.right + pad && a.right >= b.left - pad && a.top <= b.bottom + pad && a.bottom >= b.top - pad;
      const at = (p: { x: number; y: number }, b: Box, pad: number): boolean =>
        touch({ left: p.x, right: p.x, top: p.y, bottom: p.y }, b, pad);
      const detached: string[] = [];
      named.forEach((x, i) => {
        const g = blocks[i];
        if (!g) return detached.push(`"${x.text}" (${x.stack}): its block is not on screen`);
        const block = {
          left: g.left + canvas.x,
          right: g.right + canvas.x,
          top: g.top + canvas.y,
          bottom: g.bottom + canvas.y,
        };
        if (!at(x.anchor, block, 1)) detached.push(`"${x.text}" (${x.stack}): anchor off its block`);
        if (touch(x.box, block, 1)) return;
        if (!x.leader) detached.push(`"${x.text}" (${x.stack}): away from its block, no leader`);
        else if (!at(x.leader.end, block, 1) || !touch(x.leader.line, x.box, 2))
          detached.push(`"${x.text}" (${x.stack}): its leader does not join it to its block`);
      });
      expect(detached, `${what}: labels on or attached to their blocks`).toEqual([]);
      // How much of each half the stack fills: its geometry's projected rectangle with its labels, clipped to the half.
      const fill: string[] = [];
      let least = 1;
      for (const key of ['left', 'right']) {
        const g = await page.evaluate((k) => window.ringMinusOneDebug!.screenRect(k), key);
        const p = panes.get(key);
        if (!g || !p) continue;
        const boxes = visible.filter((x) => x.stack === key).map((x) => x.box);
        const top = Math.max(p.top, Math.min(g.top + canvas.y, ...boxes.map((b) => b.top)));
        const bottom = Math.min(p.bottom, Math.max(g.bottom + canvas.y, ...boxes.map((b) => b.bottom)));
        const left = Math.max(p.left, Math.min(g.left + canvas.x, ...boxes.map((b) => b.left)));
        const right = Math.min(p.right, Math.max(g.right + canvas.x, ...boxes.map((b) => b.right)));
        const [h, w] = [(bottom - top) / (p.bottom - p.top), (right - left) / (p.right - p.left)];
        least = Math.min(least, Math.max(h, w));
        fill.push(`${key} ${(h * 100).toFixed(0)}% high, ${(w * 100).toFixed(0)}% wide`);
      }
      fills.push(`${what}: ${fill.join('; ')}`);
      // The stack with its labels fills its half along the axis that limits it (its height, or its width when it is
      // wider than its half).
      expect(least, `${what}: share of a half filled`).toBeGreaterThan(MIN_FILL);
      if (arrange === 'side-by-side') expect(l!.right, what).toBeLessThanOrEqual(r!.left);
      else expect(l!.bottom, what).toBeLessThanOrEqual(r!.top);
      // Every component keeps its label with its name (at worst its short name, never the bare kind glyph); so do the
      // stack titles, the privilege bands and the world-switch gate; at 1920x1080 the column titles too.
      const mustShow = ['component', 'stack', 'band', 'gate', 'column'];
      const hidden = labels.filter((x) => x.hidden && mustShow.includes(x.kind)).map((x) => `${x.kind} "${x.text}"`);
      expect(hidden, `${what}: hidden`).toEqual([]);
      const perStack = ['left', 'right'].map((key) => labels.filter((x) => x.kind === 'component' && x.stack === key));
      expect(Math.min(...perStack.map((c) => c.length)), `${what}: component labels per stack`).toBeGreaterThan(8);
      const compact = labels.filter((x) => x.compact).map((x) => `${x.stack}: ${x.text}`);
      // Every component keeps at least its short name, even stacked at 1280x800 (chosen by the learner; a pane is
      // ~945 x 260 px there): a name moved away from its block keeps a leader to it.
      expect(compact, `${what}: glyph only`).toEqual([]);
      const short = labels.filter((x) => x.short).map((x) => x.text.replace(/\n/g, ' '));
      shorts.push(`${what}: ${short.length} short (${short.join(', ')}), ${compact.length} glyph only`);
    };
    for (const arrange of ['side-by-side', 'stacked'] as const) {
      await page.getByLabel('Arrange the stacks').selectOption(arrange);
      for (const [l, r] of PAIRS) {
        await left.selectOption(l);
        await right.selectOption(r);
        await check(`${arrange}, ${l} | ${r}`, arrange);
      }
      await left.selectOption(PAIRS[0][0]);
      await right.selectOption(PAIRS[0][1]);
      await waitForSettled(page);
      await shoot(page, `compare-${arrange}-${size.width}-dark`);
    }
    // The projector theme draws thicker borders (larger labels): the default pair must read there too. The theme is
    // changed while the stacks are one above the other, then they go side by side: each stack is laid out again, and
    // its merged hop arcs with it (stale arcs once drew the right half from a fit to where they had been).
    await chooseTheme(page, 'projector');
    for (const arrange of ['side-by-side', 'stacked'] as const) {
      await page.getByLabel('Arrange the stacks').selectOption(arrange);
      await check(`projector, ${arrange}, default pair`, arrange);
      await shoot(page, `compare-${arrange}-${size.width}-projector`);
    }
    console.log(`Compare ${size.width}x${size.height}, labels with their short name:\n  ${shorts.join('\n  ')}`);
    console.log(`Compare ${size.width}x${size.height}, stack with labels in its half:\n  ${fills.join('\n  ')}`);
  });
}
