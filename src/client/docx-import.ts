/**
 * The Word import's work on the /submit/ page, loaded by <docx-drop> (docx-drop.ts) only when a
 * file arrives: mammoth, the shared import code (src/lib/import-docx.ts), filling the form of
 * <case-submit> and showing the report. Nothing is uploaded.
 */
import { renderMessage } from '../schema/message.ts';
import mammoth from 'mammoth';
import * as lib from '../lib/import-docx.ts';
import { downloadBlob, el } from './dom.ts';
import { IN_APP_DOWNLOAD_HELP } from './in-app.ts';

interface Context {
  sources: { id: string; title: string; lines: number }[];
  existing: { id: string; title: string; unit: string }[];
}

/** Offers a file as a download; where the browser would drop it (WeChat), the button says what to do instead. */
function offer(button: HTMLButtonElement, fileName: string, blob: Blob) {
  if (!downloadBlob(fileName, blob)) button.textContent = IN_APP_DOWNLOAD_HELP;
}

/** Imports `file` into the form; `status` reports progress and sets the drop zone's state. */
export async function runImport(zone: HTMLElement, file: File, status: (text: string, state: string) => void) {
  const form = document.querySelector<HTMLFormElement>('case-submit [data-form]');
  const submit = document.querySelector<HTMLElement>('case-submit');
  if (!form || !submit) return;
  // The form's checker loads on first use (submit-loader.ts): it must listen before the form is filled.
  await import('./case-submit.ts');
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const converted = await lib.convertDocx(mammoth as unknown as lib.Mammoth, bytes, file.name);
    const context: Context = JSON.parse(submit.dataset.context!);
    const result = lib.importDocx(converted.html, {
      fileName: file.name,
      taken: new Set(context.existing.map((e) => e.id)),
      today: new Date().toISOString().slice(0, 10),
      author: `编辑部（${lib.PROPOSAL_MARK}）`,
      hidden: converted.hidden,
      imageExt: (src) => lib.imageExtension(converted.pictures.get(src)?.type ?? ''),
    });
    // The new source file is offered for download; the form learns that its id exists.
    if (result.source)
      submit.dispatchEvent(
        new CustomEvent('case-submit:source', {
          detail: { id: result.source.id, title: result.source.data.title, lines: result.source.data.lines },
        }),
      );
    fill(form, result);
    showReport(zone, result, converted.pictures);
    status(`已导入“${file.name}”：表单已填好，请按下面的报告逐项核对。带“${lib.PROPOSAL_MARK}”的是导入时提出的建议。`, 'done');
  } catch (error) {
    status(`✗ 没有导入：${error instanceof lib.ImportRefusal ? renderMessage(error.text, 'zh') : (error as Error).message}`, 'error');
  }
}

function fill(form: HTMLFormElement, result: lib.ImportResult) {
  const data = result.data as any;
  const set = (name: string, value: unknown) => {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!control || value === undefined) return;
    if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === String(value)))
      control.append(new Option(String(value), String(value)));
    control.value = String(value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
  };
  set('title', data.title);
  set('headline', data.headline ?? '');
  set('unit', data.unit);
  set('province', data.region.province ?? '');
  set('city', data.region.city ?? '');
  set('county', data.region.county ?? '');
  set('level', data.level);
  set('domain', data.domain);
  set('year', data.year ?? '');
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="themes"]')) box.checked = data.themes.includes(box.value);
  set('summary', data.summary);
  set('source', data.source.id);
  set('locator', data.source.locator);
  for (const [name, text] of Object.entries(result.sections)) set(`section-${name}`, text);
  set('figures', data.figures.map((f: { label: string; value: string }) => `${f.label}：${f.value}`).join('\n'));
  set('questions', data.questions.join('\n'));
  set('author', data.author);
  set('status', '草稿');
  set('id', result.id);
}

function showReport(zone: HTMLElement, result: lib.ImportResult, pictures: Map<string, { bytes: Uint8Array; type: string }>) {
  const { report } = result;
  const list = (title: string, items: (string | Node)[], empty = '无', attrs: Record<string, string> = {}) => {
    const ul = el('ul', {}, ...(items.length ? items : [empty]).map((item) => el('li', {}, item)));
    for (const [k, v] of Object.entries(attrs)) ul.setAttribute(k, v);
    return [el('h3', { textContent: title }), ul];
  };
  const sourceButton =
    result.source && el('button', { type: 'button', textContent: `下载来源文件 ${result.source.id}.json（放进 content/sources/）` });
  sourceButton?.addEventListener('click', () =>
    offer(
      sourceButton,
      `${result.source!.id}.json`,
      new Blob([`${JSON.stringify(result.source!.data, null, 2)}\n`], { type: 'application/json' }),
    ),
  );
  const imageItems = report.images.map((image, i) => {
    const picture = pictures.get(result.images[i].src);
    const button = el('button', { type: 'button', textContent: `下载，存为 public${image.path}` });
    button.addEventListener(
      'click',
      () => picture && offer(button, image.path.split('/').pop()!, new Blob([picture.bytes as BlobPart], { type: picture.type })),
    );
    return el(
      'span',
      {},
      `第 ${image.line} 段：${image.missingAlt ? '缺少替代文字，已写“待填写：图片说明”' : `替代文字“${image.alt}”`} `,
      button,
    );
  });
  zone.querySelector('[data-docx-report]')!.replaceChildren(
    // First: the author hid it, so it may be what the author never meant to send.
    ...(report.hidden.length
      ? list(
          'Word 隐藏文字（在 Word 里看不到，已照常导入，请核对）',
          report.hidden.map((h) => `“${h}”`),
          '无',
          { 'data-docx-hidden': '' },
        )
      : []),
    ...list(
      '已删除的私人信息和联系方式',
      report.removed.filter((r) => r.private).map((r) => `第 ${r.line} 段 ${r.what}“${r.text}”：${r.why}`),
      '无',
      { 'data-docx-removed': '' },
    ),
    ...list(
      '移到字段、不进正文的行',
      report.removed.filter((r) => !r.private).map((r) => `第 ${r.line} 段 ${r.what}“${r.text}”：${r.why}`),
    ),
    ...list(
      '标题对应到哪一节',
      report.mapped.map((m) => `第 ${m.line} 段“${m.heading}” → ${m.to}`),
      '没有找到任何标题：全文放在“背景”里，请分节',
    ),
    ...list(
      '建议值（请逐项确认）',
      report.proposals.map((p) => `${p.field}：${p.value}（依据：${p.why}）`),
      '无',
      { 'data-docx-proposals': '' },
    ),
    ...list(
      '为符合条目规则而改动',
      report.escaped.map((e) => `第 ${e.line} 段：${e.what}`),
    ),
    ...list('图片', imageItems),
    ...list(
      '还需要做的事',
      report.todo.map((t) => t.replace(/打开 content\/cases\/\S+，/, '在表单中')),
    ),
    ...(sourceButton ? [el('p', {}, sourceButton)] : []),
  );
}
