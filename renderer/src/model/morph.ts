/**
 * Curriculum lesson 2, "morph the stack between Type 1 and Type 2": which architectures morph into which, what in one
 * stack is the same thing as what in the other (a key declared per layer and per component), and what the narration
 * says changed. Pure data and functions.
 *
 * The Type 2 partner is VMware ESX 3.x classic (my choice, explained in PARTNER_WHY): same vendor and the same era of
 * binary translation, and its console OS shows where the old host OS goes in a Type 1: up, as a privileged VM above
 * vmkernel, while in Type 2 the host OS is below everything. Every other built-in Type 1 morphs back to the Type 2.
 */
import type { Architecture } from './types';
import { ownValue } from './ownKey';

export const TYPE2_ID = 'type2-hosted';
export const TYPE1_PARTNER_ID = 'esx-3-classic';
export const PARTNER_WHY =
  'ESX 3.x is VMware’s Type 1 of the same binary-translation era; its Linux console OS runs above vmkernel as a privileged VM, where the Type 2 host OS sits below everything.';

/** Keys that say "this is the same thing" across two stacks. Layers and components not listed fade out or in. */
export interface MorphKeys {
  layers: Readonly<Record<string, string>>;
  components: Readonly<Record<string, string>>;
  /** What this Type 1 did with the hardware and the old host OS, for the narration of a morph away from it. */
  type1Story?: string;
  /** The same, in the present tense, for the narration of a morph to it. */
  type1Arrival?: string;
}

/** Hyper-V 2008 and 2012 R2 share the root partition's layers and morphing blocks (2012 R2's VM 1 has no user layer). */
const HYPERV_ROOT_KEYS = {
  layers: {
    hw: 'hardware',
    hv: 'hypervisor',
    'root-k': 'host-kernel',
    'root-u': 'host-user',
    'vm1-k': 'guest-kernel:1',
  },
  components: {
    nic: 'nic',
    hba: 'storage',
    'root-os': 'host-kernel',
    'vendor-nic': 'nic-driver',
    'vendor-storage': 'storage-driver',
    vmwp1: 'vm-process:1',
    'vm1-kernel': 'guest-kernel:1',
  },
} as const;

/** ESX 3.5 and ESX 4.0 classic have the same layers and morphing blocks (vmkernel, console OS, VMM, VMX). */
const ESX_CLASSIC_KEYS = {
  layers: {
    hw: 'hardware',
    'vmkernel-l': 'hypervisor',
    'cos-k': 'host-kernel',
    'cos-u': 'host-user',
    'vm1-vmm': 'vmm:1',
    'vm1-vmx': 'vm-process-layer:1',
    'vm1-k': 'guest-kernel:1',
  },
  components: {
    nic: 'nic',
    hba: 'storage',
    'cos-kernel': 'host-kernel',
    'nic-drv': 'nic-driver',
    'hba-drv': 'storage-driver',
    vmx1: 'vm-process:1',
    vmm1: 'vmm:1',
    'vm1-kernel': 'guest-kernel:1',
  },
} as const;

/**
 * Declared correspondences (my judgement where noted): the hardware; the host OS kernel and its user space (console
 * OS, root partition, dom0: the OS the machine was set up from); the host's NIC and storage drivers; VM 1's VMM, its
 * per-VM user process (VMApp, VMX, vmwp.exe: hypervisors.md §7 groups them) and its kernel and applications. A "Disk"
 * and a "Storage HBA" are both keyed as the machine's storage device.
 */
const KEYS: Readonly<Record<string, MorphKeys>> = {
  [TYPE2_ID]: {
    layers: {
      hw: 'hardware',
      'host-k': 'host-kernel',
      'host-u': 'host-user',
      'vmm-world': 'vmm:1',
      'vm1-k': 'guest-kernel:1',
      'vm1-u': 'guest-user:1',
    },
    components: {
      nic: 'nic',
      disk: 'storage',
      'host-os': 'host-kernel',
      'host-nic-drv': 'nic-driver',
      'host-disk-drv': 'storage-driver',
      vmapp: 'vm-process:1',
      vmm: 'vmm:1',
      'vm1-kernel': 'guest-kernel:1',
      'vm1-apps': 'guest-apps:1',
    },
  },
  'esx-3-classic': {
    ...ESX_CLASSIC_KEYS,
    type1Story:
      'In ESX 3.x, vmkernel sat on the hardware with the device drivers, and the Linux console OS ran above it as a privileged VM.',
    type1Arrival:
      'vmkernel sits on the machine and holds the device drivers, and the Linux console OS, the part the host OS played, becomes a privileged VM above it.',
  },
  'esx-4': {
    ...ESX_CLASSIC_KEYS,
    type1Story:
      'In ESX 4.0, vmkernel sat on the hardware with the device drivers, and the Linux console OS ran above it as a privileged VM.',
  },
  esxi: {
    layers: { hw: 'hardware', 'vmkernel-l': 'hypervisor', 'vm1-vmm': 'vmm:1', 'vm1-k': 'guest-kernel:1' },
    components: {
      nic: 'nic',
      hba: 'storage',
      'nic-drv': 'nic-driver',
      'hba-drv': 'storage-driver',
      vmx1: 'vm-process:1',
      vmm1: 'vmm:1',
      'vm1-kernel': 'guest-kernel:1',
    },
    type1Story: 'In ESXi, vmkernel sat on the hardware with the device drivers, and there was no host OS at all.',
  },
  'hyperv-2008': {
    layers: { ...HYPERV_ROOT_KEYS.layers, 'vm1-u': 'guest-user:1' },
    components: { ...HYPERV_ROOT_KEYS.components, 'vm1-app': 'guest-apps:1' },
    type1Story:
      'In Hyper-V, the hypervisor sat on the hardware and Windows ran above it as the root partition, which still owns the devices and their drivers.',
  },
  'hyperv-2012r2': {
    ...HYPERV_ROOT_KEYS,
    type1Story:
      'In Hyper-V, the hypervisor sat on the hardware and Windows ran above it as the root partition, which still owns the devices and their drivers.',
  },
  xen: {
    layers: {
      hw: 'hardware',
      'xen-l': 'hypervisor',
      'dom0-k': 'host-kernel',
      'dom0-u': 'host-user',
      'domu1-k': 'guest-kernel:1',
      'domu1-u': 'guest-user:1',
    },
    components: {
      nic: 'nic',
      disk: 'storage',
      'dom0-kernel': 'host-kernel',
      'dom0-nic-drv': 'nic-driver',
      'dom0-disk-drv': 'storage-driver',
      'domu1-kernel': 'guest-kernel:1',
      'domu1-apps': 'guest-apps:1',
    },
    type1Story: 'In Xen, the hypervisor sat on the hardware and dom0 ran above it with the real device drivers.',
  },
};

export function morphKeys(architectureId: string): MorphKeys | undefined {
  return ownValue(KEYS, architectureId);
}

/** The architecture a morph from `arch` goes to, or undefined when it has none (KVM: its type is debated). */
export function morphTarget(arch: Architecture, known: ReadonlyMap<string, Architecture>): Architecture | undefined {
  if (!morphKeys(arch.id)) return undefined;
  const id = arch.type === 'type2' ? TYPE1_PARTNER_ID : arch.type === 'type1' ? TYPE2_ID : undefined;
  const target = id === undefined ? undefined : known.get(id);
  return target && morphKeys(target.id) ? target : undefined;
}

/** The button's words, e.g. "Morph to Type 1: VMware ESX 3.x (classic)". */
export function morphActionLabel(target: Architecture): string {
  return `Morph to ${target.type === 'type2' ? 'Type 2' : 'Type 1'}: ${target.name}`;
}

/** What the narration says changed, from one stack to the other (hypervisors.md §1-§3; T1). */
export function morphCaption(from: Architecture, to: Architecture): string {
  if (to.type === 'type2') {
    const story = morphKeys(from.id)?.type1Story;
    return [
      'Type 2: the host OS owns the hardware. Its kernel now sits directly on the machine with every device driver, and the VMM runs beside it in a world of its own, entered through VMDriver by a world switch.',
      story,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const arrival = morphKeys(to.id)?.type1Arrival;
  return [
    `Type 1: the hypervisor sits directly on the hardware.`,
    arrival ? `In ${to.name}, ${arrival}` : undefined,
    'In Type 2 the host OS owned the hardware, below everything, and the VMM ran beside it, entered by a world switch.',
  ]
    .filter(Boolean)
    .join(' ');
}
