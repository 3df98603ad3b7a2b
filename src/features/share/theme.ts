// Colours of the share card, Moments image and poster: the app's palette (src/app.css, .hn-page
// custom properties) so a shared picture looks like the app it came from. Canvas cannot read CSS
// variables, hence the copy; keep the two in step.
export const shareTheme = {
  brand: '#0b7a6e',
  brandDeep: '#07584f',
  brandSoft: '#e6f3f0',
  brandOnDark: '#cfeae5',
  paper: '#ffffff',
  ink: '#1b2a2e',
  inkSoft: '#46575c',
  inkFaint: '#566569',
  divider: '#e2e9e9',
  chipBg: '#e6f3f0',
  chipInk: '#07584f',
  noticeBg: '#fff8ea',
  noticeInk: '#6e4a06',
  qrDark: '#1b2a2e',
} as const
