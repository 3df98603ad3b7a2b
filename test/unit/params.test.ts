import { decodeParam, MAX_PARAM_LENGTH, readParam } from '../../src/core/params'

describe('decodeParam', () => {
  it('returns plain values unchanged', () => {
    expect(decodeParam('cjp5g3dra2')).toBe('cjp5g3dra2')
    expect(decodeParam('医保 报销')).toBe('医保 报销')
  })

  it('decodes Chinese that H5 hands over still percent-encoded (Taro #13969)', () => {
    expect(decodeParam(encodeURIComponent('山西'))).toBe('山西')
    expect(decodeParam('%E6%89%AC%E5%B7%9E%20%E6%96%AD%E7%BC%B4')).toBe('扬州 断缴')
  })

  it('decodes a link that was encoded twice', () => {
    expect(decodeParam(encodeURIComponent(encodeURIComponent('舟山')))).toBe('舟山')
  })

  it('keeps a bare % and broken sequences as typed instead of throwing', () => {
    expect(decodeParam('50%')).toBe('50%')
    expect(decodeParam('%')).toBe('%')
    expect(decodeParam('%E4%B8')).toBe('%E4%B8')
    expect(decodeParam('报销%E5%B7%9E%')).toBe('报销州%')
    expect(decodeParam('%zz医保')).toBe('%zz医保')
  })

  it('turns anything that is not a string into an empty string', () => {
    expect(decodeParam(undefined)).toBe('')
    expect(decodeParam(null)).toBe('')
    expect(decodeParam(['a', 'b'])).toBe('')
    expect(decodeParam(42)).toBe('')
  })

  it('trims and caps the length of what it returns', () => {
    expect(decodeParam('  医保  ')).toBe('医保')
    expect(decodeParam('好'.repeat(5000))).toHaveLength(MAX_PARAM_LENGTH)
  })
})

describe('readParam', () => {
  it('reads one key from params that may be missing', () => {
    expect(readParam({ id: 'abc%20' }, 'id')).toBe('abc')
    expect(readParam({ q: encodeURIComponent('朔州') }, 'q')).toBe('朔州')
    expect(readParam({}, 'id')).toBe('')
    expect(readParam(undefined, 'id')).toBe('')
    expect(readParam(null, 'id')).toBe('')
  })
})
