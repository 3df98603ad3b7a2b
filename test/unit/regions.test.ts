import { placesInText, provincesInGazetteerOrder, regionFromTitle, shortPlaceName } from '../../src/core/regions'

describe('regionFromTitle', () => {
  it.each([
    ['2025年山西朔州治疗焦虑的医院有哪些', { province: '山西', city: '朔州' }],
    ['辽源治疗甲状腺相关眼病哪个医院比较好', { province: '吉林', city: '辽源' }],
    ['安庆市立医院哪个部门管', { province: '安徽', city: '安庆' }],
    ['安庆116医院咋样', { province: '安徽', city: '安庆' }],
    // 兵团 cities: county-level cities directly under 新疆 (gazetteer 659007 双河市, 659006 铁门关市).
    ['2025新疆双河拔牙医保报销比例是多少', { province: '新疆', city: '双河' }],
    ['2025新疆铁门关拔牙医保能报销吗', { province: '新疆', city: '铁门关' }],
    ['2025江苏扬州医保断缴影响报销吗', { province: '江苏', city: '扬州' }],
    ['2025浙江舟山医保可以异地报销吗', { province: '浙江', city: '舟山' }],
    ['北京大学第三医院试管谁最有名', { province: '北京' }],
    ['河北省新农合异地住院报销比例', { province: '河北' }],
    // Province-direct county-level cities elsewhere, and the full names of 自治州 / 盟.
    ['湖北仙桃医保报销', { province: '湖北', city: '仙桃' }],
    ['延边朝鲜族自治州医院', { province: '吉林', city: '延边' }],
    ['锡林郭勒盟医保', { province: '内蒙古', city: '锡林郭勒' }],
  ])('%s → %j', (title, region) => {
    expect(regionFromTitle(title)).toEqual(region)
  })

  it.each([
    '医保个人账户余额没使用会累计吗',
    '外省户籍可以在本地买医保吗',
    '农村新农合有门槛费么',
    '1-5岁儿童对造影剂过敏要注意什么',
    '生育险在哪个险种里',
  ])('nationwide title %s → null', (title) => {
    expect(regionFromTitle(title)).toBeNull()
  })

  describe('false-positive guards', () => {
    it('吉林 alone is the province; 吉林市 is the city in it', () => {
      expect(regionFromTitle('吉林医保报销')).toEqual({ province: '吉林' })
      expect(regionFromTitle('吉林市医保报销')).toEqual({ province: '吉林', city: '吉林' })
      expect(regionFromTitle('吉林长春医保报销')).toEqual({ province: '吉林', city: '长春' })
    })

    it('海南 is the province, not 青海 海南藏族自治州', () => {
      expect(regionFromTitle('海南医保报销')).toEqual({ province: '海南' })
      expect(regionFromTitle('海南藏族自治州医保')).toEqual({ province: '青海', city: '海南' })
    })

    it('town-level and street names do not match a city', () => {
      expect(regionFromTitle('双河镇卫生院几点上班')).toBeNull()
      expect(regionFromTitle('朔州村卫生室')).toBeNull()
      expect(regionFromTitle('北京路社区医院')).toBeNull()
    })

    it('reads the longest name at each position: 浙江西湖 is not 江西', () => {
      expect(regionFromTitle('浙江西湖医院')).toEqual({ province: '浙江' })
    })

    it('short names that are common words or hospital names elsewhere need their province or 市', () => {
      expect(regionFromTitle('北京朝阳医院怎么挂号')).toEqual({ province: '北京' })
      expect(regionFromTitle('中山大学附属第一医院')).toBeNull()
      expect(regionFromTitle('药品开封后能用多久')).toBeNull()
      expect(regionFromTitle('广东中山医保')).toEqual({ province: '广东', city: '中山' })
      expect(regionFromTitle('中山市医保')).toEqual({ province: '广东', city: '中山' })
    })

    it('does not use county-level places that are not cities (定安县) or districts', () => {
      expect(regionFromTitle('定安医院')).toBeNull()
      expect(regionFromTitle('东城医院')).toBeNull()
    })
  })

  it('normalises full-width text before looking up', () => {
    expect(regionFromTitle('２０２５浙江舟山医保')).toEqual({ province: '浙江', city: '舟山' })
  })
})

describe('shortPlaceName', () => {
  it.each([
    ['朔州市', '朔州'],
    ['山西省', '山西'],
    ['新疆维吾尔自治区', '新疆'],
    ['广西壮族自治区', '广西'],
    ['宁夏回族自治区', '宁夏'],
    ['内蒙古自治区', '内蒙古'],
    ['香港特别行政区', '香港'],
    ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['克孜勒苏柯尔克孜自治州', '克孜勒苏'],
    ['海西蒙古族藏族自治州', '海西'],
  ])('%s → %s', (full, short) => {
    expect(shortPlaceName(full)).toBe(short)
  })
})

describe('placesInText', () => {
  it('lists every place in reading order', () => {
    expect(placesInText('山西朔州').map((p) => [p.province, p.city])).toEqual([['山西', undefined], ['山西', '朔州']])
  })
})

describe('provincesInGazetteerOrder', () => {
  it('orders provinces and cities by gazetteer code and skips nationwide articles', () => {
    expect(
      provincesInGazetteerOrder([
        { province: '新疆', city: '双河' },
        null,
        { province: '浙江', city: '舟山' },
        { province: '新疆', city: '铁门关' },
        { province: '北京' },
        { province: '新疆', city: '双河' },
      ]),
    ).toEqual([
      { province: '北京', cities: [] },
      { province: '浙江', cities: ['舟山'] },
      { province: '新疆', cities: ['铁门关', '双河'] },
    ])
  })
})
