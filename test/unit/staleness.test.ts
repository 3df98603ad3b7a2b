import { staleNotice } from '../../src/core/staleness'

// A fixed clock: the reader's local calendar day decides, at any time of that day.
const on = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h)

describe('staleNotice', () => {
  it('says nothing while the article is at most 12 months old', () => {
    expect(staleNotice('2025-03-19', on(2025, 3, 19))).toBeNull()
    expect(staleNotice('2025-03-19', on(2026, 3, 18, 23))).toBeNull()
    // Exactly 12 months old is not "older than 12 months".
    expect(staleNotice('2025-03-19', on(2026, 3, 19, 0))).toBeNull()
    expect(staleNotice('2025-03-19', on(2026, 3, 19, 23))).toBeNull()
  })

  it('warns from the day after the first anniversary, with the article date and the wording from the issue', () => {
    expect(staleNotice('2025-03-19', on(2026, 3, 20, 0))).toBe(
      '本文发布于 2025-03-19，距今已超过 1 年，文中政策和费用可能已调整，请以当地医保局最新公告为准',
    )
    expect(staleNotice('2025-03-04', on(2026, 12, 1))).toContain('本文发布于 2025-03-04，距今已超过 1 年')
  })

  it('counts whole years', () => {
    expect(staleNotice('2025-03-19', on(2027, 3, 19))).toContain('已超过 1 年')
    expect(staleNotice('2025-03-19', on(2027, 3, 20))).toContain('已超过 2 年')
    expect(staleNotice('2020-01-01', on(2026, 12, 1))).toContain('已超过 6 年')
  })

  it('handles month ends and leap days', () => {
    expect(staleNotice('2024-02-29', on(2025, 2, 28))).toBeNull()
    expect(staleNotice('2024-02-29', on(2025, 3, 1))).toContain('已超过 1 年')
    expect(staleNotice('2025-12-31', on(2026, 12, 31))).toBeNull()
    expect(staleNotice('2025-12-31', on(2027, 1, 1))).toContain('已超过 1 年')
  })

  it('says nothing for a date it cannot read, or an invalid clock', () => {
    for (const date of ['', '2025-3-19', '2025-13-01', 'yesterday']) expect(staleNotice(date, on(2030, 1, 1))).toBeNull()
    expect(staleNotice('2025-03-19', new Date(NaN))).toBeNull()
  })
})
