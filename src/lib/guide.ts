/**
 * The entry format, described from the schema itself, so the editors' guide (/guide/ and
 * CONTRIBUTING.md) never drifts from what the build enforces.
 */
import { z } from 'astro/zod';
import { caseSchema } from '../schema/case.ts';
import { vocabFields, vocabularies } from '../schema/vocab.ts';
import { sectionNames } from '../schema/sections.ts';
import { escapeHtml } from './escape.ts';
import { headingSynonyms } from '../schema/headings.ts';

export interface FieldDoc {
  name: string;
  required: boolean;
  description: string;
  allowed?: string;
}

/** Unwraps optional/default/pipe wrappers to reach the described inner schema. */
function inner(schema: z.ZodType): { schema: z.ZodType; required: boolean } {
  let current: any = schema;
  let required = true;
  for (;;) {
    const type = current._zod?.def?.type;
    if (type === 'optional' || type === 'default') {
      required = false;
      current = current._zod.def.innerType;
    } else if (type === 'pipe') current = current._zod.def.out;
    else break;
  }
  return { schema: current, required };
}

/** Allowed values of each vocabulary field: the ids, or a pointer to the table below when the list is long. */
const allowedFor: Record<string, string> = Object.fromEntries(
  vocabFields.map((v) => {
    const values = vocabularies[v.kind];
    return [v.field, values.length > 20 ? `见下方“${v.title}”词表（${values.length} 个）` : values.map((x) => x.id).join('、')];
  }),
);

/** Every front-matter field, nested ones as `region.city`, with its description. */
export function fieldDocs(): FieldDoc[] {
  const out: FieldDoc[] = [];
  const shape = (caseSchema as any).shape as Record<string, z.ZodType>;
  for (const [name, field] of Object.entries(shape)) {
    const { schema, required } = inner(field);
    const description = field.description ?? schema.description ?? '';
    out.push({ name, required, description, allowed: allowedFor[name] ?? enumValues(schema) });
    const objectShape = (schema as any)._zod?.def?.shape ?? (schema as any)._zod?.def?.in?._zod?.def?.shape;
    if (objectShape && name !== 'inferred') {
      for (const [child, childSchema] of Object.entries(objectShape as Record<string, z.ZodType>)) {
        const c = inner(childSchema);
        out.push({
          name: `${name}.${child}`,
          required: c.required,
          description: childSchema.description ?? c.schema.description ?? '',
          allowed: allowedFor[`${name}.${child}`] ?? enumValues(c.schema),
        });
      }
    }
  }
  return out;
}

function enumValues(schema: any): string | undefined {
  const entries = schema?._zod?.def?.entries;
  return entries ? Object.values(entries).join('、') : undefined;
}

/** The guide as Markdown: written to CONTRIBUTING.md and rendered on /guide/ (see guideBlocks). */
export function guideMarkdown(): string {
  const rows = fieldDocs().map(
    (f) => `| \`${f.name}\` | ${f.required ? '必填' : '可选'} | ${f.description.replace(/\|/g, '\\|')} | ${f.allowed ?? ''} |`,
  );
  const vocab = (title: string, values: { id: string; label: string; definition: string }[]) =>
    [
      `### ${title}`,
      '',
      '| id | 名称 | 说明 |',
      '| --- | --- | --- |',
      ...values.map((v) => `| \`${v.id}\` | ${v.label} | ${v.definition} |`),
      '',
    ].join('\n');
  return `${[
    '# 编辑指南',
    '',
    '<!-- 本文件由 `npm run guide` 根据 src/schema/ 生成，请勿手改；改规则请改 schema。 -->',
    '',
    '本指南说明怎样把一份来稿整理成案例条目。网站上的同一份指南见 `/guide/`。', // url-ok: a path shown to editors, not a link
    '',
    '## 四种方式新建条目',
    '',
    '1. **网页表单**：打开 `/submit/`，逐项填写，页面会随时指出问题；填好后下载 `.mdx` 文件，放进 `content/cases/`。', // url-ok: a path shown to editors, not a link
    '2. **命令行**：`npm run new`（逐项提问），或 `npm run new -- --title "“民情日记”工作法" --unit "某村党支部" --province guangdong --domain nongcun --themes minqing-shouji --source yue-qunzuban-2014-12 --locator 第533-723行`。会生成带四个小节和填写提示的草稿。',
    '3. **手写**：复制一个现有条目，改文件名（即 id）和内容。',
    `4. **Word 来稿**：\`npm run import -- 来稿.docx\`，或把 .docx 拖到 \`/submit/\` 页面。四节按标题对应（对照表在 \`content/vocab/headings.json\`，如 ${sectionNames.map((n) => `${headingSynonyms[n].slice(1, 3).join('、')} → ${n}`).join('；')}），对不上的内容放进“待归类”，不会丢掉；联系人、联系电话等联系行整行删除（以“微信：”“地址：”开头、其实是正文的长段落保留，只删去其中的号码和地址），正文中的电话、身份证号、邮箱、门牌地址和群众姓名删去，都在导入报告中列出；链接只保留文字，网址列在报告里；作者在 Word 里设为“隐藏”的文字（Word 里看不到、也不打印）照常导入正文，但单独列在报告最前面，请逐处核对；Markdown 符号（* _ [ ] 等）加反斜杠，照原样显示；名称、单位、地区、年份、关键数字等由程序提出，标有“待确认”。旧版 .doc、加密或损坏的文件、超过 5 MB 或 100 页的文件、解压后文字部分异常庞大的文件（如几万个空段落）会被拒绝并说明原因。`, // url-ok: guide text naming a page
    '',
    '## 条目格式',
    '',
    '每个条目是 `content/cases/<id>.mdx`：开头是 `---` 包围的字段（YAML），后面是正文。id 只能用小写拼音字母、数字和连字符。',
    '',
    '| 字段 | 必填 | 说明 | 允许的值 |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## 正文的四节',
    '',
    `正文必须依次有 ${sectionNames.map((n) => `\`## ${n}\``).join('、')} 四个二级标题，每节都不能空；小标题用 \`###\`。来源没有写成效或启示的，就在该节写一句“原文未介绍成效。”，可以另加讨论要点，并注明“（编者观点）”。`,
    '',
    '## 必须遵守的规则',
    '',
    '- **用自己的话**：事实、方法名称、数字、日期照原文，句子不照抄。提交前运行 `node ../shared/tools/source-overlap.mjs content/`，不得有 40 字以上与来源相同。',
    '- **不编造**：推断出的信息（如据行政区划补出的地级市）写进 `inferred`，并说明依据。',
    '- **保护隐私**：任何字段、正文和来源文件中都不得出现手机号、电话号码、身份证号、护照和港澳通行证等证件号、银行卡号、电子邮箱、微信号、QQ 号、支付宝或抖音等平台的账号、机动车号牌（粤B12345 一类的车牌号，号码用汉字写的也算）和住址门牌（小区、栋、单元、室、门牌号，村组的户号），无论用全角数字、空格、横线、汉字、拼音、+86、HTML 实体（`&#49;`）还是加粗书写，也无论拆在列表的几项、表格的一列、几段或几行里（页面上连在一起读）；公共服务热线（如 12345、96345）须列入 `content/vocab/hotlines.json`。普通群众只写身份（“一位村民”“一位大妈”），不写姓名，也不写“李大妈”“李大妈们”“张师傅”“欧阳大爷”这样带姓氏的称呼（原文的“谢某”一类匿名写法可以照录）；“村民王小明说”“居民老王反映”“村民王芳说”“村民代表李某某、王某某”“受访人：王某某”“王某某（低保户）”“王某某等村民”这样与群众身份写在一起的姓名直接报错（“某某”在此代表真实姓名）；隐去中间几位的号码（138****5678）也不要写；像是姓名的地方（“王景云大爷”“老王”“小李”“刘姐”“李老师”“刘大夫”）检查列为提示，请逐条确认；履职中的干部可以写姓名和职务。',
    '- **安全**：正文只能是文字和 Markdown；不能有 `import`/`export`、HTML 标签和注释、`<script>`、花括号 `{ }`（连 `{/* 注释 */}` 也不行：MDX 会执行其中的代码）。要写花括号或尖括号本身，请在前面加反斜杠 `\\{`。链接只能用 `https://`、`http://`、以 `/` 开头的站内路径或 `#` 锚点；图片只能是本站的图片文件（以 `/` 开头的站内路径，.jpg、.png、.gif 或 .webp；SVG 可以夹带脚本，不能用），直接写成 `![说明](/images/文件名.jpg)`：外站图片在本站不显示，内网打不开，还会让外站看到谁在读。范围写成“2～3户”“2012—2014年”，不要用半角 ~（两个 ~ 之间的文字会变成删除线）；分隔线 `---` 上面要空一行（紧贴在一行文字下面会把那行变成标题，把一节切断）；段落不要用空格缩进（段首 4 个以上空格在 Word 版里会变成代码框），也不要用“\\-”“\\####”开头；加粗的 `**` 要写在引号和标点里面：“**四议两公开**”，不要写 `**“四议两公开”**`（不会加粗，星号会原样显示）；句末标点放在加粗外面：`**回访制度**。办理……`，不要写 `**回访制度。** 办理……`（那样要空一格才能加粗，网页和 Word 里标点后会多出空格，检查列为提示）；不用脚注 `[^1]`（编号在 Word 讲义和表格里会紧贴在数字后面，“264名[^1]”成了“264名1”），说明写进正文的括号里；不用任务清单 `- [ ]`（勾选框只在网页上有），写成普通列表。',
    '- **文件**：UTF-8（无 BOM）文本，扩展名 `.mdx`，不超过 200 KB；front matter 不能用 YAML 标签（`!!…`）和别名（`&`/`*`）；日期必须是真实的、不在将来的日子；像数字、日期而其实是文字的值（如 `0b11`、`0x1F`）请加引号，检查会指出构建读法不同的值；front matter 里不能有以 `---` 或 `+++` 开头的行；全文不能有单独的回车符（旧式 Mac 换行）和看不见的字符（控制字符、零宽字符、改变文字方向的字符，常随 Word 或聊天软件里复制的文字带入），检查会指出行号。',
    '- **可追溯**：`source.id` 是来源文件的 id，`source.locator` 写行号（`第99-307行`）或页码（`第13页`）。',
    '- **不重复**：名称和单位与已有条目几乎相同会被拦下，并指出已有条目的 id。',
    '- **链接**：`related`（不能重复）和正文中的站内链接（如 `/cases/<id>/`、`/regions/<id>/`）必须指向存在的页面，已发布的条目不能指向草稿；图片要有替代文字，文件放在 `public/`（如 `public/images/`，从网页或微信文章里另存图片，不要直接贴图片网址）。', // url-ok: a path shown to editors, not a link
    '',
    '检查只提示、不阻止构建的情况：某节少于 50 字、成效中没有数字、摘要只是重复名称、`unit` 像描述而不像单位名称（含“各”“等”“全市”、括号里的数量或“农村党组织”这类统称，notes 中说明了单位的除外）。“待填写”的占位文字和导入时标的“待确认”只允许留在草稿中。',
    '',
    '## 编辑状态',
    '',
    '- `草稿`：`npm run dev` 中可以预览，不进入正式网站和搜索索引。',
    '- `待审`：默认不发布；在 `src/site-config.ts` 中打开 `showPending` 后会发布并标明“待审”。',
    '- `已发布`：正式发布。',
    '',
    '`author` 写撰写人，`reviewed` 写最近一次对照来源审核的日期。超过两年未审核的条目会列在 `/backlog/`。', // url-ok: a path shown to editors, not a link
    '',
    '## 预览与检查',
    '',
    '- `npm run dev`：本机预览（含草稿），内容错误会列在终端里。',
    '- `npm run check`：一次列出全部错误（文件:行号、字段、发现的值、允许的值或改法），有错误时退出码非零。',
    '- `npm start`：构建正式网站并在本机 4321 端口打开（浏览器地址栏输入 127.0.0.1:4321）。',
    '',
    '## 增加一个词表值',
    '',
    vocabFields.map((v) => v.title).join('、') +
      '的词表在 `content/vocab/*.json`。增加一个值就是在 `values` 中加一行：`id`（小写拼音）、`label`（中文名）、`definition`（一句话说明），方法类别和领域还可以有 `aliases`（读者搜索时常用的其他叫法，如领域“国有企业”的“国企党建”：搜到它时，这一类的案例排在前面）。不设“其他”类：放不进现有领域的案例，应当新增一个领域。',
    '',
    '## 审核清单',
    '',
    '- [ ] 对照来源行号逐句核对：名称、单位、地区、年份、每个数字。',
    '- [ ] 推断的信息都写进了 `inferred`；来源残缺、遮蔽的地方在 `notes` 和正文中说明。',
    '- [ ] 没有隐私信息，没有照抄（运行重合检查）。',
    '- [ ] 四节齐全；启示中编者自己的看法注明“（编者观点）”。',
    '- [ ] 2—4 道思考题，能让学员对照自己的单位讨论。',
    '- [ ] `npm run check` 没有错误；`status` 改为“已发布”，`reviewed` 改为今天。',
    '',
    '## 词表',
    '',
    ...vocabFields.map((v) => vocab(v.title, vocabularies[v.kind])),
  ].join('\n')}`.replace(/\n{3,}/g, '\n\n');
}

export type Block =
  | { type: 'h1' | 'h2' | 'h3' | 'p'; text: string }
  | { type: 'ul' | 'ol' | 'tasks'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][] };

/**
 * The same guide as blocks for the /guide/ page. It reads the guide's own restricted Markdown
 * (headings, paragraphs, lists, tables), so there is one text and no second copy to drift.
 */
export function guideBlocks(markdown = guideMarkdown()): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.startsWith('<!--')) continue;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: (['h1', 'h2', 'h3'] as const)[heading[1].length - 1], text: heading[2] });
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith('|')) {
        rows.push(
          lines[i]
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/\\\|/g, '|')),
        );
        i++;
      }
      i--;
      blocks.push({ type: 'table', head: rows[0], rows: rows.slice(2) });
    } else if (/^(- |\d+\. )/.test(line)) {
      const type = line.startsWith('- [ ]') ? 'tasks' : line.startsWith('- ') ? 'ul' : 'ol';
      const items: string[] = [];
      while (i < lines.length && /^(- |\d+\. )/.test(lines[i])) {
        items.push(lines[i].replace(/^(- \[ \] |- |\d+\. )/, ''));
        i++;
      }
      i--;
      blocks.push({ type, items });
    } else blocks.push({ type: 'p', text: line });
  }
  return blocks;
}

/**
 * Inline Markdown of the guide (`code` and **bold**) as HTML for guide.astro's `set:html`: the text
 * is escaped first, and only the two tags made here are added, so no text (it comes from the schema's
 * descriptions and this file) can become markup.
 */
export function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}
