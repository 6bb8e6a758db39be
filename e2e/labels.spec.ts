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
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
          expect(overlap, `${id}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
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
      return {
        text: el.textContent ?? '',
        kind: kind?.replace('scene-label--', '') ?? '',
        stack: el.dataset.stackKey ?? '',
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
/** Stacked at 1280x800, a pane is ~945 x 260 px: a few component labels may still shrink to their glyph (4 measured). */
const MAX_GLYPHS_STACKED_1280 = 4;

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`Compare: each stack in its own half, labels never overlap or leave the canvas, every component named (${size.width}x${size.height})`, async ({
    page,
  }) => {
    const full = size.width >= 1920;
    await page.setViewportSize(size);
    await openApp(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const left = page.getByLabel('Left (or top)');
    const right = page.getByLabel('Right (or bottom)');
    expect([await left.inputValue(), await right.inputValue()]).toEqual([...PAIRS[0]]);
    const shorts: string[] = [];
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
      if (arrange === 'side-by-side') expect(l!.right, what).toBeLessThanOrEqual(r!.left);
      else expect(l!.bottom, what).toBeLessThanOrEqual(r!.top);
      // Every component keeps its label with its name (at worst its short name, never the bare kind glyph); so do the
      // stack titles, the privilege bands and the world-switch gate; at 1920x1080 the column titles too.
      const mustShow = full ? ['component', 'stack', 'band', 'gate', 'column'] : ['component', 'stack', 'band', 'gate'];
      const hidden = labels.filter((x) => x.hidden && mustShow.includes(x.kind)).map((x) => `${x.kind} "${x.text}"`);
      expect(hidden, `${what}: hidden`).toEqual([]);
      const perStack = ['left', 'right'].map((key) => labels.filter((x) => x.kind === 'component' && x.stack === key));
      expect(Math.min(...perStack.map((c) => c.length)), `${what}: component labels per stack`).toBeGreaterThan(8);
      const compact = labels.filter((x) => x.compact).map((x) => `${x.stack}: ${x.text}`);
      // Stacked at 1280x800 (chosen by the learner; Automatic puts them side by side there), each pane is ~260 px tall.
      if (full || arrange === 'side-by-side') expect(compact, `${what}: glyph only`).toEqual([]);
      else
        expect(compact.length, `${what}: glyph only: ${compact.join(' ')}`).toBeLessThanOrEqual(
          MAX_GLYPHS_STACKED_1280,
        );
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
    // The projector theme draws thicker borders (larger labels): the default pair must read there too.
    await chooseTheme(page, 'projector');
    for (const arrange of ['side-by-side', 'stacked'] as const) {
      await page.getByLabel('Arrange the stacks').selectOption(arrange);
      await check(`projector, ${arrange}, default pair`, arrange);
      await shoot(page, `compare-${arrange}-${size.width}-projector`);
    }
    console.log(`Compare ${size.width}x${size.height}, labels with their short name:\n  ${shorts.join('\n  ')}`);
  });
}
