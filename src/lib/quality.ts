/**
 * Checks that need more than a schema: links and images that must resolve, near-duplicate
 * entries, and quality hints that warn an editor without stopping the build.
 */
import { msg, type Message } from '../schema/message.ts';
import { sectionNames, splitSections, visible } from '../schema/sections.ts';
import { facetByPath, pagedFacets } from './facets.ts';
import { possibleResidentNames, tableCellNames } from './privacy.ts';

/** Visible characters only: comments (as sections.ts sees them) and Markdown marks removed. */
const visibleText = (text: string) => visible(text).replace(/[#>*_`\-\s]|\d+\.\s/g, '');

/** A text's character pairs (letters and digits only) with how often each occurs, and their total. */
export interface PairCounts {
  text: string;
  counts: Map<string, number>;
  total: number;
}

/** The pairs `similar` compares; worth keeping when one text is compared with many (the duplicate check). */
export function pairCounts(text: string): PairCounts {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) counts.set(chars[i] + chars[i + 1], (counts.get(chars[i] + chars[i + 1]) ?? 0) + 1);
  return { text, counts, total: chars.length > 1 ? chars.length - 1 : 0 };
}

/** `similar` over pairs already counted. */
export function dice(a: PairCounts, b: PairCounts): number {
  const total = a.total + b.total;
  if (total === 0) return a.text === b.text ? 1 : 0;
  let shared = 0;
  for (const [pair, count] of a.counts) shared += Math.min(count, b.counts.get(pair) ?? 0);
  return (2 * shared) / total;
}

/** Dice coefficient over character pairs: 1 for the same text, near 0 for unrelated text. */
export const similar = (a: string, b: string): number => dice(pairCounts(a), pairCounts(b));

/**
 * Whether `dice(a, b)` can reach `threshold` at all: the pairs shared are at most the fewer of the
 * two totals, so texts of very different length are told apart without comparing their pairs.
 */
export const diceCanReach = (a: PairCounts, b: PairCounts, threshold: number): boolean =>
  a.total + b.total === 0 || (2 * Math.min(a.total, b.total)) / (a.total + b.total) >= threshold;

/** Routes an internal link may point to; ids are checked against what exists. Facet paths come from the registry. */
const facetPaths = pagedFacets.map((f) => f.path);
const withIds = ['cases', 'sources', ...facetPaths].join('|');
const pages = [
  'cases',
  'sources',
  ...pagedFacets.filter((f) => f.index).map((f) => f.path),
  'search',
  'lesson',
  'compare',
  'guide',
  'submit',
  'backlog',
  'stats',
  'codebook',
].join('|');
const internalRoutes = new RegExp(`^\\/(${withIds})\\/([a-z0-9-]+)\\/$|^\\/(${pages})?\\/?(\\?.*)?(#.*)?$`);

/** A link, image or definition found on the parsed body. */
export interface BodyLink {
  url: string;
  /** 1-based line in the body. */
  line: number;
  image: boolean;
  /** Alt text, for images. */
  alt?: string;
}

/** Every link, image and definition URL in an mdast tree, with its line. */
export function collectLinks(tree: {
  type: string;
  url?: string;
  alt?: string | null;
  children?: any[];
  position?: { start: { line: number } };
}): BodyLink[] {
  const out: BodyLink[] = [];
  const walk = (node: typeof tree) => {
    if (typeof node.url === 'string')
      out.push({ url: node.url, line: node.position?.start.line ?? 1, image: node.type === 'image', alt: node.alt ?? '' });
    node.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

export interface LinkTargets {
  /** Ids of every entry in the library (the files checked and any existing ones). */
  caseIds?: Set<string>;
  sourceIds?: Set<string>;
  publicFiles?: Set<string>;
  /** Value ids that have a page, by facet path (`regions`, `years` …). A facet left out is unchecked. */
  facets?: Record<string, Set<string> | undefined>;
}

/**
 * Internal links and images that would not resolve. Unsafe schemes are refused earlier, by
 * findUnsafeNodes; here only `/…` targets are judged (and image alt text).
 */
export function findLinkProblems(links: BodyLink[], targets: LinkTargets): { line: number; where: string; message: Message }[] {
  const problems: { line: number; where: string; message: Message }[] = [];
  for (const { url: target, line: at, image, alt } of links) {
    if (image) {
      if (!alt?.trim())
        problems.push({
          line: at,
          where: '（图片）',
          message: msg(`图片 ${target} 缺少替代文字：写成 ![图片内容说明](${target})`, `image needs alt text`),
        });
      if (target.startsWith('/') && targets.publicFiles && !targets.publicFiles.has(target))
        problems.push({
          line: at,
          where: '（图片）',
          message: msg(`图片 ${target} 不存在：请把文件放在 public${target}`, `image file not found`),
        });
      else if (!target.startsWith('/') && !/^https:\/\//.test(target))
        problems.push({
          line: at,
          where: '（图片）',
          message: msg(`图片地址 ${target} 无效：请用以 / 开头的站内路径`, `use a site path starting with /`),
        });
      continue;
    }
    if (!target.startsWith('/') || target.startsWith('//')) continue;
    const route = internalRoutes.exec(target);
    if (!route) {
      problems.push({
        line: at,
        where: '（链接）',
        message: msg(`站内链接 ${target} 不是本站的页面：链接到案例请写 /cases/<id>/`, `internal link does not match any page`),
      });
      continue;
    }
    const [, kind, id] = route;
    const dead = (what: string) =>
      problems.push({
        line: at,
        where: '（链接）',
        message: msg(`链接的${what} ${id} 不存在：请检查拼写`, `linked ${kind.replace(/s$/, '')} ${id} does not exist`),
      });
    if (kind === 'cases' && targets.caseIds && !targets.caseIds.has(id)) dead('案例');
    if (kind === 'sources' && targets.sourceIds && !targets.sourceIds.has(id)) dead('来源');
    const paged = kind === 'sources' ? undefined : facetByPath(kind);
    if (paged && targets.facets?.[kind] && !targets.facets[kind]!.has(id)) dead(paged.label);
  }
  return problems;
}

export interface Hint {
  field: string;
  message: Message;
  line?: number;
  /** Line counts from the start of the body rather than of the front matter. */
  inBody?: boolean;
  /** Text left from the scaffold: an error unless the entry is a draft. */
  placeholder?: boolean;
}

export const PLACEHOLDER = '待填写';
/** Marks a value `npm run import` proposed from a Word document: like a placeholder, drafts only. */
export const PROPOSAL = '待确认';

/** Every string in front matter with its field path, for finding proposal marks anywhere. */
const strings = (value: unknown, path: string): [string, string][] =>
  typeof value === 'string'
    ? [[path, value]]
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
      : [];

/**
 * Why a unit reads as a description of several bodies rather than one body's name, or undefined.
 * The unit of a multi-level scheme is the body that designed and ran it (see `unit` in case.ts).
 */
export function unitDescriptionReason(unit: string): string | undefined {
  if (/各/.test(unit)) return '含“各”';
  if (/所有|全部/.test(unit)) return '含“所有”或“全部”';
  if (/全(市|县|区|镇|乡|省)/.test(unit)) return '写的是“全市”“全县”这类范围';
  // 等 as "and others", not inside words such as 高等 or 平等.
  if (/(?<![高中初平对同相均])等(?!级)/.test(unit)) return '含“等”';
  if (/[（(][^）)]*\d+\s*(个|家|名|所|户|人)[^）)]*[）)]/.test(unit)) return '括号里写了数量';
  // Generic only right after a place (南平市农村党组织); 淋头村党组织 names one village's body.
  if (/(^|[省市县区旗镇乡])(农村|社区|村级|基层|居民区|城市|村|居)([（(][^）)]*[）)])?党组织/.test(unit))
    return '是“农村党组织”“社区党组织”这类统称';
  return undefined;
}

/** A name that may be a private resident's: the editor decides (an official, or the source's own anonymity, may stay). */
const residentHint = (name: string) =>
  msg(
    `“${name}”像是群众的姓名：普通群众只写身份（“一位村民”“一位大爷”）；若是履职中的干部，可以保留`,
    `“${name}” may name a private resident: name residents by role only`,
  );

/**
 * Bold that ends with its own punctuation and then a space (- **回访制度。** 办理…): Markdown needs the
 * space there to close the bold, so the page and the Word handout show a gap after the 。. Written
 * **回访制度**。办理…, the bold closes and no space is needed.
 */
const BOLD_STOP_SPACE = /\*\*[^*\n]{1,30}?[。；！？：，、]\*\* (?=\p{Script=Han}|[“‘《（])/u;

/** Warnings that do not stop the build: thin sections, results without numbers, a summary that is only the title, a name that may be a resident's. */
export function qualityHints(data: any, body: string): Hint[] {
  const hints: Hint[] = [];
  for (const section of splitSections(body)) {
    if (!(sectionNames as readonly string[]).includes(section.name)) continue;
    const text = visibleText(section.text);
    if (text.includes(PLACEHOLDER))
      hints.push({
        field: `## ${section.name}`,
        line: section.line,
        inBody: true,
        placeholder: true,
        message: msg(`“## ${section.name}”还有待填写的内容`, `section “## ${section.name}” still holds placeholder text`),
      });
    else if (text.includes(PROPOSAL))
      hints.push({
        field: `## ${section.name}`,
        line: section.line,
        inBody: true,
        placeholder: true,
        message: msg(
          `“## ${section.name}”还有导入时提出、待确认的内容`,
          `section “## ${section.name}” still holds import proposals to confirm`,
        ),
      });
    // "原文未介绍背景。" is a deliberate statement, not a thin section.
    else if (text && [...text].length < 50 && !/原文.{0,6}(未|没有)/.test(text))
      hints.push({
        field: `## ${section.name}`,
        line: section.line,
        inBody: true,
        message: msg(`“## ${section.name}”只有 ${[...text].length} 个字，少于 50 字：能否从来源中补充？`, `section is under 50 characters`),
      });
    section.text.split('\n').forEach((raw, i) => {
      for (const name of [...possibleResidentNames(raw).map((n) => n.text), ...tableCellNames(raw)])
        hints.push({ field: `## ${section.name}`, line: section.line + 1 + i, inBody: true, message: residentHint(name) });
      const boldStop = BOLD_STOP_SPACE.exec(raw);
      if (boldStop)
        hints.push({
          field: `## ${section.name}`,
          line: section.line + 1 + i,
          inBody: true,
          message: msg(
            `“${boldStop[0].trim()}”：加粗里的句末标点请放到 ** 外面并去掉空格（写“**回访制度**。办理…”），否则网页和 Word 讲义里标点后会多出一个空格`,
            `put the punctuation after the closing ** and drop the space`,
          ),
        });
    });
    if (section.name === '成效' && !/\d/.test(section.text) && !(data?.figures?.length > 0) && !/原文.{0,6}(未|没有)/.test(text))
      hints.push({
        field: '## 成效',
        line: section.line,
        inBody: true,
        message: msg('“## 成效”没有任何数字，figures 也为空：来源若有数字请写上', 'no figures in the results'),
      });
  }
  for (const field of ['title', 'summary', 'unit'] as const) {
    if (typeof data?.[field] === 'string' && data[field].includes(PLACEHOLDER))
      hints.push({ field, placeholder: true, message: msg(`${field} 还是待填写的占位文字`, `${field} is still a placeholder`) });
  }
  for (const q of Array.isArray(data?.questions) ? data.questions : []) {
    if (typeof q === 'string' && q.includes(PLACEHOLDER))
      hints.push({
        field: 'questions',
        placeholder: true,
        message: msg('思考题还是待填写的占位文字', 'the questions are still placeholders'),
      });
  }
  for (const [field, value] of strings(data, '')) {
    for (const name of possibleResidentNames(value)) hints.push({ field, message: residentHint(name.text) });
    if (value.includes(PROPOSAL))
      hints.push({
        field,
        placeholder: true,
        message: msg(
          `${field} 是导入时提出的建议，还待确认：核对后删去“${PROPOSAL}”`,
          `${field} is an import proposal: check it, then delete “${PROPOSAL}”`,
        ),
      });
  }
  if (!Array.isArray(data?.questions) || data.questions.length === 0)
    hints.push({ field: 'questions', message: msg('没有思考题', 'no discussion questions') });
  // A note that explains the unit (e.g. a masked name) is the entry saying why.
  const unitReason = typeof data?.unit === 'string' ? unitDescriptionReason(data.unit) : undefined;
  if (unitReason && !(typeof data?.notes === 'string' && data.notes.includes('单位')))
    hints.push({
      field: 'unit',
      message: msg(
        `实践单位“${data.unit}”${unitReason}，像是描述而不是一个单位的名称：请写设计并推行这项工作的单位（如“思南县”“凤县县委”），执行范围写进正文；确需如此，请在 notes 中说明单位为何这样写`,
        `unit describes several bodies rather than naming the one that designed and ran the scheme`,
      ),
    });
  if (typeof data?.summary === 'string' && typeof data?.title === 'string' && similar(data.summary, data.title) >= 0.7)
    hints.push({
      field: 'summary',
      message: msg('摘要几乎只是重复名称：请用一两句话说清谁、做了什么、有何效果', 'the summary repeats the title'),
    });
  return hints;
}
