/**
 * The front matter of a case entry (`content/cases/<id>.mdx`). The body's four sections are
 * checked separately (see `sections.ts`) because a schema only sees front matter.
 */
import { zodMessage } from './message.ts';
import { z } from 'astro/zod';
import { domainId, levelId, regionId, themeId } from './vocab.ts';
import { sourceRef } from './source.ts';
import { nameText, proseText } from './text.ts';

/** Entry ids are the catalogue ids: ASCII pinyin slugs. */
/** How the exports join a list in one cell (cases.csv): a figure holding it would read as two. */
const LIST_SEPARATOR = '；';
const ONE_FIGURE = zodMessage(
  '一项关键数字里不能有“；”（导出的表格用它分隔各项）：两个数字请分成两项，或把“；”改成“，”',
  'a key figure may not hold “；”, the exports’ list separator: split it into two figures',
);

export const caseId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, zodMessage('案例 id 只能由小写字母、数字和连字符组成', 'case ids are lower-case ASCII slugs'));

/** Fields an editor may mark as inferred rather than stated by the source. */
export const inferableFields = ['region.province', 'region.city', 'region.county', 'level', 'year', 'domain', 'unit'] as const;

export const regionSchema = z
  .strictObject({
    /** Province-level region; omitted only when the source does not say (then `note` explains). */
    province: regionId.optional().describe('省级行政区 id，如 guangdong；原文未载明时省略并填写 note'),
    /** Prefecture-level city, as the source writes it. */
    city: nameText(z.string().min(1)).optional().describe('地级市（州、盟、地区），按原文写法，如“韶关市”'),
    /** County-level division, as the source writes it. */
    county: nameText(z.string().min(1)).optional().describe('县级行政区（县、区、县级市、旗），如“始兴县”'),
    /** Why the region is incomplete (masked names, unstated place). */
    note: proseText(z.string().min(1)).optional().describe('地区不完整的原因，如“原文地名被遮蔽”'),
  })
  .refine((region) => region.province || region.note, {
    message: zodMessage(
      '缺少省份：请填写 region.province，或在 region.note 中说明原文为何没有地区',
      'province missing: set region.province or explain in region.note',
    ),
    path: ['province'],
  });

/**
 * Editors' teaching notes for trainers (编者按). Optional, and never the source's words: the page shows
 * them under their own heading, and search leaves them out so results stay with the source-based text.
 */
export const teachingSchema = z
  .object({
    /** What trainees should take away: 2–3 short lines. */
    goals: z
      .array(proseText(z.string().trim().min(6).max(80)))
      .min(2)
      .max(3)
      .describe('教学目标：2—3 条，每条一句话，说明学员学完能理解或做到什么；只依据条目已有内容，不添加新事实'),
    /** Who the entry suits as teaching material. */
    audience: nameText(z.string().trim().min(4).max(80)).describe('适用对象：适合哪些学员，如“村党组织书记、驻村干部”'),
    /** A suggested order for discussing the entry's questions. */
    flow: z
      .array(proseText(z.string().trim().min(6).max(120)))
      .min(2)
      .max(5)
      .describe('讨论流程建议：2—5 步，按顺序说明怎样围绕本条目的思考题展开讨论'),
    /** Related entries to read next (ids of content/cases/ files). */
    further: z
      .array(caseId)
      .max(4)
      .default([])
      .refine((list) => new Set(list).size === list.length, zodMessage('延伸阅读重复', 'an entry is listed twice in further'))
      .describe('延伸阅读：可对照阅读的其他条目的 id（content/cases/ 下的文件名），最多 4 个'),
  })
  .strict();

const currentYear = new Date().getFullYear();

/** Editorial status: drafts never reach the production build; 待审 entries only if the site says so. */
export const statuses = ['草稿', '待审', '已发布'] as const;

/** A date as YYYY-MM-DD. YAML 1.1 parsers (Astro's) read an unquoted date as a Date; both are accepted. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, zodMessage('日期须写成 YYYY-MM-DD，如 2026-11-23', 'write dates as YYYY-MM-DD'))
    // 2024-02-30 matches the pattern but is no day; Date would roll it over to March.
    .refine(
      (s) => new Date(`${s}T00:00:00Z`).toJSON()?.slice(0, 10) === s,
      zodMessage('这一天不存在（如 2 月 30 日）：请写实际的日期', 'no such date'),
    )
    // A future date would pin the entry to the top of the feed; one day of slack covers time zones.
    .refine(
      (s) => s <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      zodMessage('日期在将来：请写实际审核的日期', 'the date is in the future'),
    ),
);

export const caseSchema = z
  .object({
    /** The method's name as practitioners call it. */
    title: nameText(z.string().trim().min(2).max(60)).describe('工作法名称，用实践者的叫法，如“民情日记”工作法'),
    /** The source's own headline, where it differs from the title. */
    headline: nameText(z.string().trim().min(2)).optional().describe('来源中的原标题（与名称不同时填写）'),
    /** Other names of the method or its named parts that readers search for. */
    aliases: z
      .array(nameText(z.string().trim().min(1)))
      .default([])
      .describe('别名或方法中各组成部分的名称，便于检索'),
    /**
     * The body that designed and ran the scheme, by its name — not the set of bodies that carried it out.
     * The rule for multi-level schemes and its worked examples live here because the guide is generated
     * from these descriptions.
     */
    unit: nameText(z.string().trim().min(2)).describe(
      '实践单位：设计并推行这项工作的那个党组织或机关的名称，按原文写法（原文只写地名时就写地名，如“南平市”，不要自行补成“市委”）。' +
        '多级推行的工作（县或市设计、乡村或社区执行）写设计和主导的那一级，不写执行者的集合；执行的村、社区和范围写进正文。' +
        '单位应是一个名称而不是描述：不要写“各村党支部”“……等”“所有……”“（12个）”“农村党组织”这类说法，确需如此时在 notes 中说明单位为何这样写。' +
        '例一：思南县“点题服务”由县里先在四个乡镇试点、再推到168个村，各村党支部执行——unit 写“思南县”，level 为 xianji（县级），domain nongcun。' +
        '例二：宁波“365社区服务工作法”由宁波市在全市519个社区推行——unit 写“宁波市”，level 为 dishiji（地市级），domain chengshi-shequ。' +
        '例三：深圳的几篇党代表条目都由深圳市委推行——unit 都写“中共深圳市委”，level 都是 dishiji（地市级）；domain 看工作在哪里做：党代表进社区、按社区网格设在社区里的党代表工作室是 chengshi-shequ，在各类基层党组织推行的公推直选、党代表直选是 dangjian-tongchou。',
    ),
    /** Where the unit is. */
    region: regionSchema.describe('所在地区：province（省级 id）、city、county、note'),
    /** Administrative level of the body named in `unit`, not of the bodies that carried the scheme out. */
    level: levelId.describe(
      'unit 所写单位本身的层级，取自层级词表，填 id（如 xianji，即县级），只填一个。多级推行时按设计和主导的单位定，不按执行者定：县里设计、各村执行的写 xianji（县级）',
    ),
    /** Where the work happens (one id from content/vocab/domains.json), which may differ from the kind of body in `unit`. */
    domain: domainId.describe(
      '领域：工作实际在哪里做、面向谁（在村里做的是 nongcun，在城市社区做的是 chengshi-shequ），不按 unit 的单位类型定；党委或组织部门面向各类单位推行的组织设置、选举、考评等制度填 dangjian-tongchou；机关干部下基层直接联系群众的工作按词表填 jiguan。取自领域词表，只填一个',
    ),
    /** What the method does: 1–4 method-family ids, most important first. */
    themes: z
      .array(themeId)
      .min(1)
      .max(4)
      .refine((list) => new Set(list).size === list.length, zodMessage('方法类别重复', 'a theme is listed twice'))
      .describe('方法类别，1—4 个，取自方法词表，最主要的在前'),
    /** Year the practice started, if the source says so. */
    year: z.number().int().min(1949).max(currentYear).optional().describe('开始实践的年份（来源写明时填写），四位整数'),
    /** One or two sentences for lists and search results. */
    summary: proseText(z.string().trim().min(10).max(120)).describe('一两句话的摘要，不超过 120 字'),
    /** Where the case comes from. */
    source: sourceRef.describe('来源：id（来源文件）和 locator（行号或页码）'),
    /** Fields filled in rather than read in the source, with the reason. */
    inferred: z
      .array(z.strictObject({ field: z.enum(inferableFields), note: proseText(z.string().min(2)) }))
      .default([])
      .describe('推断而非原文写明的字段，及推断依据'),
    /** Editors' note shown on the page: damaged text, masked names, scope. */
    notes: proseText(z.string().trim().min(2)).optional().describe('编者说明：原文残缺、遮蔽、范围等'),
    /** Key result numbers exactly as the source states them. */
    figures: z
      .array(
        z.strictObject({
          label: nameText(z.string().trim().min(1)).refine((v) => !v.includes(LIST_SEPARATOR), { message: ONE_FIGURE }),
          value: proseText(z.string().trim().min(1)).refine((v) => !v.includes(LIST_SEPARATOR), { message: ONE_FIGURE }),
        }),
      )
      .default([])
      .describe('关键数字：label（指标）和 value（原文数值及单位）；一项只写一个数字，不用“；”'),
    /** Discussion questions (思考题) for training. */
    questions: z
      .array(proseText(z.string().trim().min(6)))
      .min(2)
      .max(4)
      .describe('2—4 道思考题'),
    /** Ids of related entries. */
    related: z.array(z.string()).default([]).describe('相关案例的 id'),
    /** Editors' teaching notes for trainers; optional, shown as 教学提示（编者按）, not searched. */
    teaching: teachingSchema
      .optional()
      .describe(
        '教学提示（编者按，可选）：写给培训者的建议，包括 goals、audience、flow、further；是编者的话，不是来源原文，不添加条目以外的事实；除方法名称外不用引号',
      ),
    /** Editorial status. */
    status: z.enum(statuses).default('已发布').describe('编辑状态：草稿（不发布）、待审、已发布'),
    /** Who wrote the entry up from its source. */
    author: nameText(z.string().trim().min(2)).describe('条目撰写人（编辑或单位）'),
    /** When an editor last checked the entry against its source. */
    reviewed: isoDate.describe('最近一次对照来源审核的日期，YYYY-MM-DD'),
  })
  .strict();

export type EntryData = z.infer<typeof caseSchema>;
/** @deprecated Old name of EntryData, kept only until the branches that still use it are merged. */
export type CaseData = EntryData;
export type CaseInput = z.input<typeof caseSchema>;
