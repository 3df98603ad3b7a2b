// Whether the "use WeChat's ··· menu" overlay is showing. A tiny store rather than component
// state because the share call that opens it (shareFlow.ts shareLink) may come from
// any button, while the overlay is mounted once by ShareActions.
import { create } from 'zustand'

interface ShareGuideState {
  visible: boolean
  /** Title and link of what is being shared, offered for copying inside the overlay. */
  clipboard: string
  show(clipboard: string): void
  hide(): void
}

export const useShareGuide = create<ShareGuideState>((set) => ({
  visible: false,
  clipboard: '',
  show: (clipboard) => set({ visible: true, clipboard }),
  hide: () => set({ visible: false }),
}))
