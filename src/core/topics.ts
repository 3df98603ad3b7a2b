// Topic rules: which of 医保 / 找医院 / 疾病 / 家庭 an article belongs to, in one table.
// A rule fires when its keyword occurs in the title; the summary is consulted only when the
// title alone matches nothing, because excerpts wander (a 医保 excerpt mentions 医院 in passing).
import { TOPICS, type Topic } from './article'

interface TopicRule {
  keyword: string
  topic: Topic
}

// A trailing comment says why a keyword means its topic, where that is not obvious.
export const TOPIC_RULES: readonly TopicRule[] = [
  // 医保: insurance, accounts, reimbursement
  { keyword: '医保', topic: '医保' },
  { keyword: '保险', topic: '医保' },
  { keyword: '生育险', topic: '医保' }, // maternity insurance is one of the social insurances
  { keyword: '新农合', topic: '医保' }, // rural cooperative medical insurance
  { keyword: '报销', topic: '医保' },
  { keyword: '个人账户', topic: '医保' },
  { keyword: '断缴', topic: '医保' },
  { keyword: '补缴', topic: '医保' },
  { keyword: '统筹', topic: '医保' }, // the pooled fund of basic medical insurance
  { keyword: '参保', topic: '医保' },
  { keyword: '缴费', topic: '医保' },

  // 找医院: which hospital or doctor, rankings, departments, opening hours
  { keyword: '医院', topic: '找医院' }, // titles naming a hospital ask about that hospital or which one to choose
  { keyword: '医生', topic: '找医院' },
  { keyword: '专家', topic: '找医院' },
  { keyword: '最有名', topic: '找医院' }, // "谁最有名" asks which doctor to see
  { keyword: '排名', topic: '找医院' },
  { keyword: '科室', topic: '找医院' },
  { keyword: '部门', topic: '找医院' },
  { keyword: '挂号', topic: '找医院' },
  { keyword: '体检', topic: '找医院' }, // asks where and when a check-up can be done
  { keyword: '星期', topic: '找医院' }, // opening days

  // 疾病: conditions, symptoms, treatments
  { keyword: '治疗', topic: '疾病' }, // "治疗X" names the condition X
  { keyword: '焦虑', topic: '疾病' },
  { keyword: '心跳过缓', topic: '疾病' },
  { keyword: '听力下降', topic: '疾病' },
  { keyword: '头痛', topic: '疾病' },
  { keyword: '眼病', topic: '疾病' },
  { keyword: '结膜炎', topic: '疾病' },
  { keyword: '皮肤炎', topic: '疾病' },
  { keyword: '过敏', topic: '疾病' },
  { keyword: '拔牙', topic: '疾病' }, // dental treatment: readers look for it with conditions
  { keyword: '疾病', topic: '疾病' },
  { keyword: '症状', topic: '疾病' },

  // 家庭: children, fertility, family accounts
  { keyword: '子女', topic: '家庭' },
  { keyword: '儿女', topic: '家庭' },
  { keyword: '儿童', topic: '家庭' },
  { keyword: '孩子', topic: '家庭' },
  { keyword: '家人', topic: '家庭' },
  { keyword: '家属', topic: '家庭' },
  { keyword: '亲属', topic: '家庭' },
  { keyword: '父母', topic: '家庭' },
  { keyword: '试管', topic: '家庭' }, // IVF: fertility treatment
  { keyword: '生育', topic: '家庭' }, // fertility and maternity (生育保险 is also 医保)
  { keyword: '怀孕', topic: '家庭' },
]

function topicsIn(text: string): Topic[] {
  const found = new Set<Topic>()
  for (const rule of TOPIC_RULES) if (text.includes(rule.keyword)) found.add(rule.topic)
  // Always in the app's tab order, so the stored data is stable and reads naturally.
  return TOPICS.filter((topic) => found.has(topic))
}

/**
 * Topics of an article: from its title, else from its summary. Throws when neither matches, so a
 * new page that no rule covers is caught at build time instead of shipping an untagged article.
 */
export function topicsFor(title: string, summary: string): Topic[] {
  const fromTitle = topicsIn(title.normalize('NFKC'))
  if (fromTitle.length > 0) return fromTitle
  const fromSummary = topicsIn(summary.normalize('NFKC'))
  if (fromSummary.length > 0) return fromSummary
  throw new Error(`no topic rule matches the article "${title}": add a keyword to TOPIC_RULES in src/core/topics.ts`)
}
