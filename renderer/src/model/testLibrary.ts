/** A small, hand-made library for unit tests (not shipped content): one guest, one host, one hypervisor. */
import { buildLibrary } from './buildLibrary';
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { Question } from './course/schema';
import type { Architecture, CostParameter, Hop, IoPath, Library, ScenarioFile } from './types';

/** Build or parse errors as "path: message" lines, the way tests compare them. */
export const errorLines = (errors: readonly { path: string; message: string }[]): string[] =>
  errors.map((e) => `${e.path}: ${e.message}`);

export function param(id: string, value: number, extra: Partial<CostParameter> = {}): CostParameter {
  return {
    id,
    name: id,
    value,
    unit: 'cycles',
    source: 'S1',
    mark: 'confirmed',
    note: 'test',
    min: 0,
    max: 1e9,
    step: 1,
    era: { platform: 'test machine', year: 2010 },
    ...extra,
  };
}

export function hop(id: string, from: string, to: string, mechanism: Hop['mechanism'], extra: Partial<Hop> = {}): Hop {
  return {
    id,
    from,
    to,
    mechanism,
    moves: 'command',
    label: id,
    narration: id,
    params: [],
    sources: ['S1'],
    mark: 'confirmed',
    ...extra,
  };
}

export function testArchitecture(type: Architecture['type'] = 'type1'): Architecture {
  return {
    id: 'arch',
    name: 'Test arch',
    summary: 'test',
    type,
    driverModel: 'microkernelized',
    release: 'Test 1.0',
    year: 2010,
    cpu: { mode: 'vt', switchable: true, note: 'test', sources: [] },
    costEra: 'test',
    description: 'test',
    sources: [],
    columns: [
      { id: 'host', name: 'Host', role: 'host', description: 'h', vm: false },
      { id: 'g1', name: 'Guest 1', role: 'guest', description: 'g', vm: true },
      { id: 'g2', name: 'Guest 2', role: 'guest', description: 'g', vm: true },
    ],
    layers: [
      { id: 'hw', name: 'HW', context: { ring: 'hardware', domain: 'hardware' } },
      { id: 'hv', name: 'HV', context: { ring: 'ring-1', domain: 'hypervisor' } },
      { id: 'hk', name: 'Host kernel', context: { ring: 'ring0', domain: 'host' }, column: 'host' },
      { id: 'hu', name: 'Host user', context: { ring: 'ring3', domain: 'host' }, column: 'host' },
      { id: 'g1k', name: 'G1 kernel', context: { ring: 'ring0', domain: 'guest' }, column: 'g1' },
      { id: 'g1u', name: 'G1 user', context: { ring: 'ring3', domain: 'guest' }, column: 'g1' },
      { id: 'g2k', name: 'G2 kernel', context: { ring: 'ring0', domain: 'guest' }, column: 'g2' },
    ],
    components: [
      c('dev', 'hw', 'hardware', []),
      c('hv', 'hv', 'hypervisor', []),
      c('hostk', 'hk', 'kernel', ['hv']),
      c('drv', 'hk', 'driver', ['hostk', 'dev']),
      c('vsp', 'hk', 'vsp', ['drv']),
      c('worker', 'hu', 'worker', ['hostk']),
      c('g1k', 'g1k', 'kernel', ['worker']),
      c('vsc', 'g1k', 'vsc', ['g1k', 'vsp']),
      c('app', 'g1u', 'application', ['g1k']),
      c('g2k', 'g2k', 'kernel', ['hv']),
    ],
  };
}

function c(id: string, layer: string, kind: Architecture['components'][number]['kind'], dependsOn: string[]) {
  return {
    id,
    name: id,
    layer,
    kind,
    description: id,
    sources: ['S1'],
    mark: 'confirmed' as const,
    dependsOn,
  };
}

/** A synthetic path (ring + one batched exit) and an emulated path (repeated exits through the worker). */
export function testPaths(): IoPath[] {
  const base = {
    architecture: 'arch',
    request: 'one write',
    summary: 's',
    sources: ['S1'],
    mark: 'confirmed' as const,
    options: [],
  };
  return [
    {
      ...base,
      id: 'syn',
      name: 'Synthetic',
      shortName: 'synthetic',
      device: 'synthetic',
      hops: [
        hop('s1', 'g1k', 'vsc', 'call', { params: ['work'] }),
        hop('s2', 'vsc', 'vsp', 'ring-write', { params: ['ring'] }),
        hop('s3', 'vsc', 'hv', 'hypercall', { params: ['exit'], perBatch: true }),
        hop('s4', 'hv', 'vsp', 'interrupt', { params: ['irq'], perBatch: true }),
        hop('s5', 'vsp', 'drv', 'call', { params: ['stack'] }),
        hop('s6', 'drv', 'dev', 'dma'),
        hop('s7', 'dev', 'drv', 'interrupt'),
        hop('s8', 'drv', 'vsc', 'ring-write', { params: ['ring'] }),
      ],
    },
    {
      ...base,
      id: 'emu',
      name: 'Emulated',
      shortName: 'emulated',
      device: 'emulated',
      hops: [
        hop('e1', 'g1k', 'hv', 'vmexit', { params: ['exit'], repeat: 'accesses' }),
        hop('e2', 'hv', 'worker', 'call', { params: ['switch'], repeat: 'accesses' }),
        hop('e3', 'worker', 'hostk', 'syscall', { params: ['work'], repeat: 'accesses' }),
        hop('e4', 'hostk', 'drv', 'copy', { params: ['stack'] }),
        hop('e5', 'hostk', 'hv', 'hypercall', { params: ['exit'] }),
        hop('e6', 'hv', 'g1k', 'interrupt', { params: ['irq'] }),
      ],
    },
  ];
}

export function testFile(): ScenarioFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'test',
    title: 'Test',
    sources: [{ key: 'S1', title: 'Source one', group: 'Performance' }],
    parameters: [
      param('work', 100),
      param('ring', 50),
      param('exit', 2000, { withoutHardwareAssist: 'bt', crossing: true }),
      param('bt', 200, { source: null, mark: 'estimate' }),
      param('irq', 1000, { crossing: true }),
      param('stack', 3000),
      param('switch', 4, { unit: 'us', crossing: true }),
      param('accesses', 10, { unit: 'count' }),
    ],
    architectures: [testArchitecture()],
    paths: testPaths(),
  };
}

export function testLibrary(): Library {
  const { library, errors } = buildLibrary([testFile()]);
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return library;
}

/** A single-choice question with two options, "a" (right) and "b", answered by a step of its lesson. */
export function singleQuestion(id: string, showStep: string): Question {
  return {
    kind: 'single',
    id,
    prompt: 'Which?',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    correct: 'a',
    explanation: 'Because.',
    showStep,
  };
}
