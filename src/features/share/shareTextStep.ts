// 大字分享: the text step the person receiving a share will see the article at (null: their
// own). Chosen in the share actions under an article; read when WeChat asks for the share
// message, when the link is copied or shared, and when the poster's QR code is drawn.
// Not persisted: it belongs to this share, not to the reader's settings.
import { create } from 'zustand'
import type { TextStep } from '../../core/textScale'

interface ShareTextStepState {
  step: TextStep | null
  choose: (step: TextStep | null) => void
}

export const useShareTextStep = create<ShareTextStepState>()((set) => ({
  step: null,
  choose: (step) => set({ step }),
}))

export const sharedTextStep = (): TextStep | null => useShareTextStep.getState().step
