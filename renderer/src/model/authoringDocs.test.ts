/**
 * docs/authoring.md cannot drift from the app: its complete example loads without errors and its lesson plays; every
 * excerpt is a piece of the example; every error message it quotes is what the app says for the change it describes;
 * and the example validates against the JSON Schema that editors use through `$schema`.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { computeCost } from './cost';
import { blastRadius, crashComponent, inTrustedBase } from './faults';
import { instantiateQuestion } from './course/questions';
import { stepPresentation } from './course/stepPresentation';
import { checkPresentation } from './presentation';
import { formatContentError } from './parseScenario';
import { uncitedSources } from './references';
import { JSON_SCHEMA_FILE, scenarioJsonSchema } from './schemaJson';
import { loadUserScenario } from './userScenario';

const ROOT = join(__dirname, '../../..');
const DOC = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');

/** The fenced code blocks of the guide, with their info string. */
const blocks = [...DOC.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!.trim(), body: m[2]! }));
const examples = blocks.filter((b) => b.info === 'json sriov.rmo');
const exampleText = examples[0]?.body ?? '';
type Json = Record<string, unknown>;
const example = (): Json => JSON.parse(exampleText) as Json;

function loaded() {
  const r = loadUserScenario(exampleText, 'sriov.rmo');
  if (!r.ok) throw new Error(r.errors.map(formatContentError).join('\n'));
  return r;
}

/** Whether `needle` deep-equals `hay` or any value inside it. */
function contains(hay: unknown, needle: unknown): boolean {
  if (JSON.stringify(hay) === JSON.stringify(needle)) return true;
  if (Array.isArray(hay)) return hay.some((v) => contains(v, needle));
  if (typeof hay === 'object' && hay !== null) return Object.values(hay).some((v) => contains(v, needle));
  return false;
}

describe('docs/authoring.md', () => {
  it('has exactly one complete example, and it loads with no errors and no warnings', () => {
    expect(examples).toHaveLength(1);
    const r = loadUserScenario(exampleText, 'sriov.rmo');
    expect(r.ok ? [] : r.errors.map(formatContentError)).toEqual([]);
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.summary).toEqual({
      fileName: 'sriov.rmo',
      architectures: ['hyperv-2012-sriov'],
      paths: ['sriov-vf-transmit', 'sriov-vf-config'],
      lessons: ['sriov-how-many-exits'],
    });
  });

  it('starts from a minimal file that loads, with only the warning that it adds nothing yet', () => {
    const minimal = blocks.filter((b) => b.info === 'json minimal.rmo');
    expect(minimal).toHaveLength(1);
    const r = loadUserScenario(minimal[0]!.body, 'minimal.rmo');
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      'the file adds no architecture, path or lesson, so there is nothing new to show',
    ]);
    expect(DOC).toContain('says it adds nothing to show yet');
  });

  it('plays every step of the lesson on the library, and asks every question', () => {
    const { library } = loaded();
    const lesson = library.lessons.get('sriov-how-many-exits')!;
    expect(lesson.steps.length).toBeGreaterThanOrEqual(5);
    lesson.steps.forEach((s, i) => {
      const p = stepPresentation(library, lesson, i);
      expect(checkPresentation(library, p), s.id).toEqual([]);
      expect(p.view).toBe(s.state.view);
    });
    for (const q of lesson.questions) expect(instantiateQuestion(library, lesson, q, 1).questionId).toBe(q.id);
  });

  it('teaches what it says: 2 exits through the hypervisor, 0 with posted interrupts, none on the way out', () => {
    const { library } = loaded();
    const path = library.paths.get('sriov-vf-transmit')!;
    expect(computeCost(library, path).perRequest.exits).toBe(2);
    expect(computeCost(library, path, { whatIfs: { options: ['posted-interrupts'] } }).perRequest.exits).toBe(0);
    const exitHops = computeCost(library, path).perHop.filter((h) => h.counters.exits > 0);
    expect(exitHops.map((h) => h.hopId)).toEqual(['irq-exit', 'eoi']);
    // Its own sources are all cited, and its estimates are marked as such.
    expect(uncitedSources(library).filter((k) => k.startsWith('R'))).toEqual([]);
    expect(path.options[0]!.mark).toBe('estimate');
    expect(library.parameters.get('vf-doorbell-write')).toMatchObject({ source: null, mark: 'estimate' });
  });

  it("shows a crash of the assigned VF as VM 1's alone, and of the PF under it as the host's", () => {
    const { library } = loaded();
    const arch = library.architectures.get('hyperv-2012-sriov')!;
    const vf = blastRadius(arch, 'nic-vf1');
    expect(vf).toMatchObject({ scope: 'self', vms: [], mark: 'secondary', sources: ['R1', 'R3', 'R11', 'R12'] });
    expect(vf.reason).toContain('function-level reset');
    expect(vf.reason).toContain('fails over to the synthetic path');
    expect(crashComponent(arch, 'nic-vf1').survivingVms).toContain('vm1');
    expect(inTrustedBase(arch, 'nic-vf1')).toBe(false);
    expect(blastRadius(arch, 'nic-pf')).toMatchObject({ scope: 'host' });
    expect(inTrustedBase(arch, 'nic-pf')).toBe(true);
  });

  it('shows only excerpts that are pieces of the complete example', () => {
    const excerpts = blocks.filter((b) => b.info === 'json');
    expect(excerpts.length).toBeGreaterThanOrEqual(5);
    const whole = example();
    for (const e of excerpts) expect(contains(whole, JSON.parse(e.body)), e.body.slice(0, 80)).toBe(true);
  });

  it('validates against the JSON Schema that editors load through "$schema", which ships next to it', () => {
    const whole = example();
    expect(whole.$schema).toBe(`./${basename(JSON_SCHEMA_FILE)}`);
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, JSON_SCHEMA_FILE), 'utf8')));
    expect(validate(whole) ? [] : validate.errors).toEqual([]);
    expect(ajv.compile(scenarioJsonSchema())(whole)).toBe(true);
    // The schema catches a wrong value, so the check above means something.
    expect(validate({ ...whole, lessons: [{ id: 'x' }] })).toBe(false);
  });

  it('quotes the errors the app really gives for the mistakes it describes, at their line and column', () => {
    // Each mistake is made in the example's own text (formatting kept), as an author would make it in the editor.
    const mistakes: [JSONPath, string][] = [
      [['lessons', 0, 'steps', 3, 'state', 'spotlight', 1], 'nic-vf2'],
      [['paths', 0, 'hops', 2, 'mechanism'], 'vmexit'],
      [['lessons', 0, 'steps', 2, 'narration'], 'The VF miniport writes the <b>doorbell</b>.'],
    ];
    for (const [path, value] of mistakes) {
      const text = applyEdits(exampleText, modify(exampleText, path, value, {}));
      const r = loadUserScenario(text, 'sriov.rmo');
      const messages = r.ok ? [] : r.errors.map(formatContentError);
      expect(messages).toHaveLength(1);
      expect(DOC).toContain(messages[0]);
    }
  });
});
