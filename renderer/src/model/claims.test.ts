import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from './buildLibrary';
import { loadBuiltInLibrary } from './builtin';
import { backgroundFor, claimSchema, demoArchitecture, type Claim, type Foundation } from './claims';
import { parseScenarioFile } from './parseScenario';
import { componentKindSchema, markSchema } from './schema';
import { errorLines, testFile } from './testLibrary';
import type { ScenarioFile } from './types';

const CLAIMS_FILE = join(__dirname, '../../../assets/scenarios/core/claims.json');

function claim(extra: Partial<Claim> = {}): Claim {
  return {
    id: 'c1',
    number: 1,
    claim: 'A claim.',
    verdict: 'holds',
    explanation: 'Why.',
    evidence: [{ side: 'microsoft', text: 'e', sources: ['S1'], mark: 'confirmed' }],
    demos: [{ kind: 'walkthrough', label: 'Watch', path: 'syn' }],
    ...extra,
  };
}

function foundation(extra: Partial<Foundation> = {}): Foundation {
  return {
    id: 'f1',
    title: 'F',
    summary: 'One sentence.',
    body: [{ text: 'p', sources: ['S1'] }],
    sources: ['S1'],
    mark: 'confirmed',
    demos: [],
    ...extra,
  };
}

function withClaims(claims: Claim[], foundations: Foundation[] = []): ScenarioFile {
  return { ...structuredClone(testFile()), claims, foundations };
}

const errorsOf = (f: ScenarioFile) => buildLibrary([f], ['claims.json']).errors;
/** The file's errors include this one, in claims.json at `path`. */
const expectError = (f: ScenarioFile, path: string, message: string): void =>
  expect(errorsOf(f)).toContainEqual({ file: 'claims.json', path, message });

describe('claim and foundation schemas', () => {
  it('accept the built-in claims file', () => {
    const parsed = parseScenarioFile(JSON.parse(readFileSync(CLAIMS_FILE, 'utf8')), 'core/claims.json');
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.file.claims).toHaveLength(10);
    expect(parsed.file.foundations?.length).toBeGreaterThanOrEqual(5);
  });

  it('share the marks and component kinds of the scenario schema', () => {
    expect(claimSchema.shape.evidence.element.shape.mark).toBe(markSchema);
    const schema = claimSchema.shape.evidence.element;
    expect(schema.safeParse({ side: 'vmware', text: 't', sources: [], mark: 'secondary' }).success).toBe(false);
    expect(schema.safeParse({ side: 'vmware', text: 't', sources: [], mark: 'estimate' }).success).toBe(true);
    expect(componentKindSchema.options.length).toBeGreaterThan(10);
  });

  it('reject an unknown verdict, demo kind or what-if with the place in the file', () => {
    const raw = {
      schemaVersion: 1,
      id: 'x',
      title: 'x',
      claims: [
        { ...claim(), verdict: 'maybe' },
        { ...claim({ id: 'c2', number: 2 }), demos: [{ kind: 'slideshow', label: 'x' }] },
        {
          ...claim({ id: 'c3', number: 3 }),
          demos: [{ kind: 'lab', label: 'x', architecture: 'a', whatIfs: { driversIn: 'guest' } }],
        },
      ],
    };
    const r = parseScenarioFile(raw, 'x.json');
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['claims[0].verdict', 'claims[1].demos[0].kind', 'claims[2].demos[0].whatIfs.driversIn']),
    );
  });
});

describe('checkClaims (cross-check)', () => {
  it('passes a clean claim and foundation', () => {
    expect(errorsOf(withClaims([claim()], [foundation()]))).toEqual([]);
  });

  it('names an unknown path in a demo, with the file and place', () => {
    const f = withClaims([claim({ demos: [{ kind: 'compare', label: 'x', left: 'syn', right: 'nowhere' }] })]);
    expect(errorsOf(f)).toEqual([
      { file: 'claims.json', path: 'claims[0].demos[0].right', message: 'unknown path "nowhere"' },
    ]);
  });

  it('names an unknown source key in evidence and in a foundation paragraph', () => {
    const f = withClaims(
      [claim({ evidence: [{ side: 'vmware', text: 'e', sources: ['S1', 'Z9'], mark: 'confirmed' }] })],
      [foundation({ body: [{ text: 'p', sources: ['Q7'] }] })],
    );
    expect(errorsOf(f)).toEqual([
      { file: 'claims.json', path: 'claims[0].evidence[0].sources[1]', message: 'unknown source key "Z9"' },
      { file: 'claims.json', path: 'foundations[0].body[0].sources[0]', message: 'unknown source key "Q7"' },
    ]);
  });

  it('checks hops, architectures, components, and that a Lab path belongs to its architecture', () => {
    const f = withClaims(
      [
        claim({
          demos: [
            { kind: 'walkthrough', label: 'x', path: 'syn', hop: 'zz' },
            { kind: 'explore', label: 'x', architecture: 'arch', component: 'ghost' },
            { kind: 'explore', label: 'x', architecture: 'mars' },
            { kind: 'lab', label: 'x', architecture: 'arch', crash: 'ghost', path: 'syn' },
            { kind: 'explore', label: 'x', architecture: 'arch', morph: true },
          ],
        }),
        claim({ id: 'c2', number: 1 }),
      ],
      [foundation({ background: { kinds: ['hypervisor'], architectures: ['mars'] } })],
    );
    const messages = errorLines(errorsOf(f));
    expect(messages).toEqual([
      'claims[0].demos[0].hop: unknown hop "zz" in path "syn"',
      'claims[0].demos[1].component: unknown component "ghost" in "arch"',
      'claims[0].demos[2].architecture: unknown architecture "mars"',
      'claims[0].demos[3].crash: unknown component "ghost" in "arch"',
      'claims[0].demos[4].morph: "arch" has no Type 1 / Type 2 partner to morph into',
      'claims[1].number: claim number 1 is also used by "c1"',
      'foundations[0].background.architectures[0]: unknown architecture "mars"',
    ]);
  });

  it('reports duplicate claim ids like any other duplicate', () => {
    const f = withClaims([claim(), claim({ number: 2 })]);
    expectError(f, 'claims[1]', 'duplicate claim "c1" (first defined in claims.json at claims[0])');
  });
});

describe('the built-in claims (hypervisors.md section 5)', () => {
  const lib = loadBuiltInLibrary();
  const claims = [...lib.claims.values()].sort((a, b) => a.number - b.number);

  it('are the ten claims with the verdicts of section 5', () => {
    expect(claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(claims.map((c) => c.verdict)).toEqual([
      'holds',
      'partly',
      'wrong',
      'wrong',
      'disputed',
      'disputed',
      'holds',
      'partly',
      'holds',
      'dated',
    ]);
    expect(claims[3]?.verdictNote).toMatch(/conflation/);
    expect(claims[8]?.verdictNote).toMatch(/both/);
  });

  it('every claim has evidence from both vendors’ sides, and a demonstration', () => {
    for (const c of claims) {
      const sides = new Set(c.evidence.map((e) => e.side));
      expect(sides.has('microsoft') && sides.has('vmware'), `claim ${c.number}`).toBe(true);
      expect(c.demos.length).toBeGreaterThan(0);
    }
  });

  it('sets VMware’s advisory beside Hyper-V’s CVEs (claim 6)', () => {
    const keysBySide = (c: Claim, side: string) => c.evidence.filter((e) => e.side === side).flatMap((e) => e.sources);
    const six = claims[5] as Claim;
    expect(keysBySide(six, 'microsoft')).toEqual(expect.arrayContaining(['C4', 'C5']));
    expect(keysBySide(six, 'vmware')).toContain('C6');
    expect(six.evidence.find((e) => e.sources.includes('C5'))?.text).toContain('9.9');
  });

  it('states Theorem 1 as sufficient, Goldberg’s types as approximate, and never the count of 17 as a plain fact', () => {
    const pg = lib.foundations.get('popek-goldberg')!;
    const text = pg.body.map((p) => p.text).join(' ');
    expect(text).toMatch(/sufficient condition, not a necessary one/);
    expect(text).toMatch(/"if and only if" overstate/);
    expect(lib.foundations.get('goldberg-types')?.mark).toBe('unverified');
    const x86 = lib.foundations.get('x86-virtualizability')!;
    for (const p of x86.body.filter((b) => b.text.includes('17'))) {
      expect(p.mark).toBe('secondary');
      expect(p.text).toMatch(/commonly counted as 17/);
      expect(p.text).toMatch(/check the paper/);
    }
    for (const f of lib.foundations.values()) {
      expect(f.summary.length).toBeGreaterThan(20);
      expect(f.body.length).toBeGreaterThan(0);
    }
  });

  it('gives hypervisor and VMM components a background, and KVM its type debate', () => {
    const ids = (kind: 'hypervisor' | 'vmm' | 'driver', arch: string) =>
      backgroundFor(lib, kind, arch).map((f) => f.id);
    expect(ids('hypervisor', 'kvm')).toEqual(expect.arrayContaining(['popek-goldberg', 'kvm-type-debate']));
    expect(ids('hypervisor', 'hyperv-2008')).not.toContain('kvm-type-debate');
    expect(ids('vmm', 'esx-3-classic')).toEqual(expect.arrayContaining(['binary-translation-and-vt']));
    expect(ids('driver', 'esx-3-classic')).toEqual([]);
  });

  it('knows which architecture each demonstration shows', () => {
    expect(demoArchitecture(lib, { kind: 'walkthrough', label: 'x', path: 'hyperv-synthetic-disk-write' })).toBe(
      'hyperv-2008',
    );
    expect(
      demoArchitecture(lib, { kind: 'compare', label: 'x', left: 'esx-e1000-transmit', right: 'type2-lance-transmit' }),
    ).toBe('esx-3-classic');
    expect(demoArchitecture(lib, { kind: 'explore', label: 'x', architecture: 'xen' })).toBe('xen');
    expect(demoArchitecture(lib, { kind: 'walkthrough', label: 'x', path: 'nope' })).toBeUndefined();
  });
});
