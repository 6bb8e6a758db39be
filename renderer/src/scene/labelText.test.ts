import { describe, expect, it } from 'vitest';
import { shortLabel } from './labelText';

describe('shortLabel', () => {
  it('drops what the glyph says or a reader can do without, on one line', () => {
    expect(shortLabel(['vmswitch.sys'])).toEqual(['vmswitch']);
    expect(shortLabel(['VMBus (root)'])).toEqual(['VMBus']);
    expect(shortLabel(['Vendor NIC', 'driver'])).toEqual(['Vendor NIC']);
    expect(shortLabel(['ATA driver (IDE)'])).toEqual(['ATA']);
    expect(shortLabel(['Hyper-V', 'hypervisor'])).toEqual(['Hyper-V']);
  });

  it('shortens a column title to what names the column', () => {
    expect(shortLabel(['Root partition', '(Windows Server 2008)'])).toEqual(['Root partition']);
    expect(shortLabel(['VM 1: Gen1,', 'emulated'])).toEqual(['VM 1']);
    expect(shortLabel(['VMM world (VM 1): runs when VMDriver switches to it'])).toEqual(['VMM world']);
  });

  it('otherwise breaks a one-line name onto two lines; a single word or two lines already have no narrower form', () => {
    expect(shortLabel(['VMBus client'])).toEqual(['VMBus', 'client']);
    expect(shortLabel(['Enlightenments'])).toBeNull();
    expect(shortLabel(['Storage', 'controller'])).toBeNull();
  });
});
