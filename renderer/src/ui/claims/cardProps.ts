import type { Demo, Library } from '../../model';
import type { Platform } from '../../platform/Platform';

/** What a card of the Claims view takes besides its item: whether it is open, and where its sources and demos lead. */
export interface CardProps {
  open: boolean;
  library: Library;
  platform: Platform;
  ontoggle: () => void;
  onshow: (demo: Demo) => void;
}
