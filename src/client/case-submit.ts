/**
 * <case-submit>: the submission form, built on GOV.UK's patterns. Every keystroke rebuilds the
 * entry file (and, for a new source, the source file) and runs it through the very rules the
 * build applies (src/lib/content-check.ts). Problems show beside the fields the editor has been
 * in; "检查你的内容" marks every problem, lists them all at the top as links to their fields, and,
 * when there are none, shows the review ("检查你的内容") that must come before the download.
 * Everything typed is saved in this browser (localStorage) and restored on reload, with a way to
 * discard it. Messages are `{ zh, en }` data (src/schema/message.ts); the form shows the Chinese.
 * Nothing is sent anywhere; the files are downloaded or copied.
 */
import './zod-jitless.ts';
import { checkCases, checkSources, type Problem } from '../lib/content-check.ts';
import { entryFileText, freeId, suggestId } from '../lib/entry-file.ts';
import { parseMarkdownBodyInBrowser, parseMdxBodyInBrowser } from '../lib/mdx-parse-browser.ts';
import { findPrivateData, findUnsafeMarkup } from '../lib/safety.ts';
import { isPrivacyProblem } from '../lib/privacy-check.ts';
import { sectionNames, splitSections } from '../schema/sections.ts';
import { vocab } from '../schema/vocab.ts';
import { msg, renderMessage, wrapMessage } from '../schema/message.ts';
import { downloadText, el } from './dom.ts';
import { formProblem, formWords, type ControlKind } from './submit-messages.ts';

import { DRAFT_KEY } from './submit-draft.ts';
export { DRAFT_KEY };
/** The source select's value for "a source not in the list". */
const NEW_SOURCE = '__new__';

interface Context {
  sources: { id: string; title: string; lines: number }[];
  existing: { id: string; title: string; unit: string }[];
}

/** Saved form: control name → value (checkbox groups: the checked values). */
interface Draft {
  savedAt: string;
  values: Record<string, string | string[]>;
}

/** Which form control a problem's field belongs to. */
const controlFor = (field: string): string => {
  const map: Record<string, string> = {
    'region.province': 'province',
    'region.city': 'city',
    'region.county': 'county',
    'source.id': 'source',
    'source.locator': 'locator',
  };
  if (map[field]) return map[field];
  // Problems of the new source file: `source:title` → the control `src-title`.
  if (field.startsWith('source:')) return `src-${field.slice('source:'.length).split('.')[0]}`;
  const section = /^## (.+)$/.exec(field);
  if (section && (sectionNames as readonly string[]).includes(section[1])) return `section-${section[1]}`;
  return field.split('.')[0];
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

class CaseSubmit extends HTMLElement {
  private context!: Context;
  private form!: HTMLFormElement;
  private timer?: number;
  private text = '';
  private entryId = '';
  /** The new source's file, when the editor names one (else undefined). */
  private source?: { id: string; text: string };
  private errors: Problem[] = [];
  /** Fields the editor has been in: problems show there, so an empty form is not a wall of red. */
  private touched = new Set<string>();
  /** The editor asked to check the whole form: every problem shows. */
  private submitted = false;
  /** The review step was shown with no problem: the download is open. */
  private reviewed = false;

  connectedCallback() {
    this.context = JSON.parse(this.dataset.context!);
    this.form = this.querySelector('[data-form]')!;
    this.form.addEventListener('focusout', (event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) this.touched.add(name);
      this.validate();
    });
    const changed = (event: Event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) this.touched.add(name);
      this.toggleNewSource();
      // Saved at once (a small localStorage write), so a reload right after typing loses nothing;
      // only the checks wait for a pause in typing.
      this.save();
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.validate(), 200);
    };
    this.form.addEventListener('input', changed);
    // Selects and checkboxes report through "change" in some browsers; text boxes already did through "input".
    this.form.addEventListener('change', (event) => {
      if (!(event.target instanceof HTMLTextAreaElement) && (event.target as HTMLInputElement).type !== 'text') changed(event);
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    // A source made by the Word import (src/client/docx-drop.ts) exists once its file is saved.
    this.addEventListener('case-submit:source', (event) => {
      this.context.sources.push((event as CustomEvent).detail);
      this.validate();
    });
    // Links in the error summary and the review move focus to their field, not only the view.
    this.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-field]');
      if (!link) return;
      const control = document.getElementById(link.dataset.field!);
      if (!control) return;
      event.preventDefault();
      control.scrollIntoView({ block: 'center' });
      control.focus();
    });
    // In WeChat a generated file is dropped silently: say so, and point at 复制文本, which works there
    // (the draft is kept in this browser only, so opening the page elsewhere would not bring it along).
    const dropped = () => {
      this.querySelector('[data-output-status]')!.textContent =
        '微信里不能保存网页生成的文件。请点“复制文本”，把内容粘贴发给编辑或存到电脑上。';
    };
    this.querySelector('[data-download]')!.addEventListener('click', () => {
      if (!downloadText(`${this.entryId}.mdx`, this.text)) dropped();
    });
    this.querySelector('[data-download-source]')!.addEventListener('click', () => {
      if (this.source && !downloadText(`${this.source.id}.json`, this.source.text, 'application/json;charset=utf-8')) dropped();
    });
    this.querySelector('[data-discard]')!.addEventListener('click', () => this.discard());
    this.querySelector('[data-copy]')!.addEventListener('click', () => {
      const output = this.querySelector<HTMLTextAreaElement>('[data-output]')!;
      output.select();
      navigator.clipboard?.writeText(this.text);
    });
    // This script loads after the first paint: what was typed before it ran is kept, marked and saved.
    if (!this.restore() && this.adoptEarlyInput()) this.save();
    this.toggleNewSource();
    this.validate();
    // "检查你的内容" was pressed before this script arrived (src/client/submit-loader.ts).
    if (this.dataset.pendingCheck !== undefined) {
      delete this.dataset.pendingCheck;
      this.check();
    }
  }

  /** Marks fields filled before the script ran as visited; true when there was any. */
  private adoptEarlyInput(): boolean {
    let any = false;
    for (const c of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')) {
      const filled =
        c instanceof HTMLSelectElement
          ? c.selectedIndex !==
            Math.max(
              0,
              [...c.options].findIndex((o) => o.defaultSelected),
            )
          : c instanceof HTMLInputElement && c.type === 'checkbox'
            ? c.checked !== c.defaultChecked
            : c.value !== c.defaultValue;
      if (filled) {
        this.touched.add(c.name);
        any = true;
      }
    }
    return any;
  }

  private value(name: string) {
    const control = this.form.elements.namedItem(name) as HTMLInputElement | null;
    return control?.value.trim() ?? '';
  }

  private toggleNewSource() {
    const fields = this.querySelector<HTMLElement>('[data-new-source]')!;
    fields.hidden = this.value('source') !== NEW_SOURCE;
  }

  // ---------------------------------------------------------------------------------------------
  // Autosave

  private save() {
    const values: Draft['values'] = {};
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')) {
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        const list = (values[control.name] as string[] | undefined) ?? [];
        if (control.checked) list.push(control.value);
        values[control.name] = list;
      } else values[control.name] = control.value;
    }
    const draft: Draft = { savedAt: new Date().toISOString(), values };
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
      this.autosaveStatus(`已自动保存（${timeOf(draft.savedAt)}），只保存在这台电脑的这个浏览器里。`);
    } catch {
      this.autosaveStatus('无法自动保存（浏览器不允许本地存储）：请在离开前下载文件。');
    }
  }

  private autosaveStatus(text: string) {
    this.querySelector('[data-autosave]')!.textContent = text;
  }

  /** Fills the form from the saved draft; false when there is none. */
  private restore(): boolean {
    let draft: Draft | undefined;
    try {
      const raw = localStorage.getItem(DRAFT_KEY);
      draft = raw ? (JSON.parse(raw) as Draft) : undefined;
    } catch {
      draft = undefined;
    }
    if (!draft || typeof draft.values !== 'object' || draft.values === null) return false;
    for (const [name, value] of Object.entries(draft.values)) {
      if (Array.isArray(value)) {
        for (const box of this.form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${CSS.escape(name)}"]`))
          box.checked = value.includes(box.value);
        if (value.length) this.touched.add(name);
      } else if (typeof value === 'string') {
        const control = this.form.elements.namedItem(name) as HTMLInputElement | null;
        if (!control || !('value' in control)) continue;
        control.value = value;
        if (value.trim()) this.touched.add(name);
      }
    }
    const notice = this.querySelector<HTMLElement>('[data-restored]')!;
    notice.querySelector('[data-restored-time]')!.textContent = timeOf(draft.savedAt);
    notice.hidden = false;
    this.autosaveStatus(`已自动保存（${timeOf(draft.savedAt)}）。`);
    return true;
  }

  private discard() {
    localStorage.removeItem(DRAFT_KEY);
    this.form.reset();
    this.touched.clear();
    this.submitted = false;
    this.reviewed = false;
    this.querySelector<HTMLElement>('[data-restored]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-review]')!.hidden = true;
    this.toggleNewSource();
    this.validate();
    this.autosaveStatus('已丢弃保存的内容，表单已清空。');
    this.form.querySelector<HTMLElement>('[name]')?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Building and checking

  private build() {
    const themes = [...this.form.querySelectorAll<HTMLInputElement>('input[name="themes"]:checked')].map((c) => c.value);
    const year = this.value('year');
    const province = this.value('province');
    const title = this.value('title');
    const place = this.value('county') || this.value('city') || (province ? vocab('region', province).label : '');
    const taken = new Set(this.context.existing.map((e) => e.id));
    this.entryId = this.value('id') || freeId(suggestId(title, place), taken);
    // A new source gets its own file, `laigao-<entry id>` as the Word import names it.
    const newSource = this.value('source') === NEW_SOURCE;
    const sourceId = newSource ? `laigao-${this.entryId}` : this.value('source');
    const data = {
      title,
      headline: this.value('headline'),
      // One name a line (or set apart by ；): 、 belongs to names such as 学先进、找差距、见行动.
      aliases: lines(this.value('aliases'))
        .flatMap((line) => line.split(/[；;]/))
        .map((s) => s.trim())
        .filter(Boolean),
      unit: this.value('unit'),
      region: { province, city: this.value('city'), county: this.value('county') },
      level: this.value('level'),
      domain: this.value('domain'),
      themes,
      year: year === '' ? undefined : /^\d+$/.test(year) ? Number(year) : year,
      summary: this.value('summary'),
      source: { id: sourceId, locator: this.value('locator') },
      // Cut at the first colon only: the value keeps its own as typed (开放时间：8:30-17:30).
      figures: lines(this.value('figures')).map((line) => {
        const at = line.search(/[：:]/);
        return at < 0 ? { label: line.trim(), value: '' } : { label: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
      }),
      questions: lines(this.value('questions')),
      status: this.value('status'),
      author: this.value('author'),
      reviewed: this.value('reviewed'),
    };
    const sections = Object.fromEntries(sectionNames.map((n) => [n, this.value(`section-${n}`)]));
    this.source = newSource ? { id: sourceId, text: this.sourceText() } : undefined;
    return { text: entryFileText(data, sections), data };
  }

  /** The new source's JSON file, from its own fields; empty optional fields are left out. */
  private sourceText(): string {
    const linesValue = this.value('src-lines');
    const source: Record<string, unknown> = {
      title: this.value('src-title'),
      issuer: this.value('src-issuer') || undefined,
      date: this.value('src-date') || undefined,
      kind: this.value('src-kind'),
      file: this.value('src-file'),
      lines: /^\d+$/.test(linesValue) ? Number(linesValue) : linesValue,
      order: 900,
      notes: `由编辑通过新建条目表单登记，供条目“${this.value('title') || '（未命名）'}”引用；行号按“${this.value('src-file') || '（未填写）'}”计算。`,
      listed: [],
    };
    return `${JSON.stringify(source, null, 2)}\n`;
  }

  private validate() {
    const { text } = this.build();
    this.text = text;
    const taken = this.context.existing.some((e) => e.id === this.entryId);
    const sourceErrors: Problem[] = [];
    const sources = [...this.context.sources];
    if (this.source) {
      const checked = checkSources([{ path: `content/sources/${this.source.id}.json`, raw: this.source.text }]);
      for (const e of checked.errors) sourceErrors.push({ ...e, field: `source:${e.field}` });
      const lineCount = Number(this.value('src-lines'));
      sources.push({
        id: this.source.id,
        title: this.value('src-title'),
        lines: Number.isInteger(lineCount) && lineCount > 0 ? lineCount : 1,
      });
    }
    const result = checkCases([{ path: `content/cases/${this.entryId}.mdx`, raw: text }], {
      sourceIds: new Set(sources.map((s) => s.id)),
      sourceLines: new Map(sources.map((s) => [s.id, s.lines])),
      existing: this.context.existing,
      // The build's MDX grammar (micromark's MDX extension, which satteri follows; see the file).
      parseBody: parseMdxBodyInBrowser,
      // And the grammar the entry's data and Word files are rendered with (Markdown): the two must agree.
      parseMarkdown: parseMarkdownBodyInBrowser,
    });
    // Privacy and markup are checked per field, so each finding lands beside the right box.
    const perField: Problem[] = [];
    let markupInFields = 0;
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')) {
      for (const p of findPrivateData(control.value))
        perField.push({ file: '', field: control.name, message: p.message, severity: 'error' });
      if (control.name.startsWith('section-'))
        for (const p of findUnsafeMarkup(control.value, parseMdxBodyInBrowser)) {
          markupInFields++;
          perField.push({
            file: '',
            field: control.name,
            message: wrapMessage(
              p.message,
              (zh) => `第 ${p.line} 行：${zh}`,
              (en) => `line ${p.line}: ${en}`,
            ),
            severity: 'error',
          });
        }
    }
    // Private data that only the whole file shows, as the page reads it (a number split over a list's
    // items or a section's paragraphs, or over the aliases): placed beside the box it comes from, once.
    const sectionStarts = splitSections(text).map((s) => ({ line: s.line, name: `section-${s.name}` }));
    for (const e of result.errors) {
      if (!isPrivacyProblem(e)) continue;
      const name = e.field === '（隐私）' ? sectionStarts.filter((s) => s.line <= (e.line ?? 0)).pop()?.name : controlFor(e.field);
      if (name && !perField.some((p) => controlFor(p.field) === name && p.message.zh === e.message.zh))
        perField.push({ file: '', field: name, message: e.message, severity: 'error' });
    }
    // Markup that only the whole file shows (e.g. a code fence opened in one section and closed
    // in another) is listed too, so the form never passes what the build would refuse.
    const markupInFile = result.errors.filter((e) => e.field === '（正文）');
    const general = result.errors.filter((e) => !['（隐私）', '（正文）'].includes(e.field) && !isPrivacyProblem(e));
    const errors = [...general, ...sourceErrors, ...perField, ...(markupInFields ? [] : markupInFile)];
    if (taken)
      errors.push({
        file: '',
        field: 'id',
        message: msg(`文件名 ${this.entryId} 已被已有条目使用，请换一个`, `file name ${this.entryId} is taken`),
        severity: 'error',
      });
    this.errors = errors;
    if (errors.length) this.reviewed = false;
    this.show(errors, result.warnings);
  }

  /** "检查你的内容": every problem shows and is listed; with none, the review opens the download. */
  private check() {
    this.submitted = true;
    this.validate();
    if (this.errors.length) {
      this.querySelector<HTMLElement>('[data-summary]')!.focus();
      return;
    }
    this.reviewed = true;
    this.show(this.errors, []);
    const review = this.querySelector<HTMLElement>('[data-review]')!;
    review.scrollIntoView({ block: 'start' });
    review.focus();
  }

  /** The id of the control a field's problems point to (the first checkbox for a group). */
  private controlId(name: string): string | undefined {
    if (name === 'themes') return this.form.querySelector<HTMLInputElement>('input[name="themes"]')?.id;
    return (this.form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ?? undefined)?.id || undefined;
  }

  private labelOf(name: string): string {
    if (name === 'themes') return this.querySelector('#f-themes legend')?.textContent?.replace(/\s*\*.*$/, '') ?? name;
    const id = this.controlId(name);
    const label = id ? this.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    return label?.textContent?.replace(/\s*[*（].*$/, '').trim() || name;
  }

  /** A problem in the form's own words (src/client/submit-messages.ts): what to do, in which box. */
  private problemText(problem: Problem, withLabel = true): string {
    const name = controlFor(problem.field);
    const control = this.form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    let kind: ControlKind = 'text';
    let empty = false;
    if (name === 'themes') {
      kind = 'choices';
      empty = !this.form.querySelector('input[name="themes"]:checked');
    } else if (control) {
      kind = control instanceof HTMLSelectElement ? 'select' : name.startsWith('section-') ? 'section' : 'text';
      empty = (control as HTMLInputElement).value.trim() === '';
    }
    return formProblem({ message: problem.message, label: this.labelOf(name), kind, empty }, withLabel);
  }

  private show(errors: Problem[], warnings: Problem[]) {
    for (const old of this.querySelectorAll('.field-error, .field-warning')) old.remove();
    for (const control of this.form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    const visible = (name: string) => this.submitted || this.touched.has(name);
    const place = (problem: Problem, kind: 'error' | 'warning') => {
      const name = controlFor(problem.field);
      if (!visible(name)) return;
      const box =
        name === 'themes'
          ? this.querySelector<HTMLElement>('#f-themes')
          : this.form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
      if (!box) return;
      const field = box.closest('.field') ?? box;
      const note = el(
        'p',
        { className: kind === 'error' ? 'field-error' : 'field-warning' },
        el('span', { className: 'visually-hidden', textContent: kind === 'error' ? '错误：' : '' }),
        `${kind === 'error' ? '✗' : '提示：'} ${kind === 'error' ? this.problemText(problem, false) : formWords(renderMessage(problem.message, 'zh'))}`,
      );
      note.id = `msg-${name}-${field.querySelectorAll('.field-error, .field-warning').length}`;
      field.append(note);
      if (kind === 'error') box.setAttribute('aria-invalid', 'true');
      box.setAttribute(
        'aria-describedby',
        [...field.querySelectorAll('.field-error, .field-warning, .hint')]
          .map((n) => n.id)
          .filter(Boolean)
          .join(' '),
      );
    };
    errors.forEach((p) => place(p, 'error'));
    warnings.forEach((p) => place(p, 'warning'));

    // The error summary: every problem, each a link to its field (GOV.UK "error summary").
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    const showSummary = errors.length > 0 && (this.submitted || this.touched.size > 0);
    summary.hidden = !showSummary;
    // Rebuilt only when it changes: a link replaced between mousedown and mouseup (a blur checks
    // the form) would swallow the click.
    const signature = showSummary ? errors.map((p) => `${p.field}\u0000${p.message.zh}`).join('\u0001') : '';
    if (signature !== this.summarySignature) this.renderSummary(summary, showSummary ? errors : []);
    this.summarySignature = signature;

    const output = this.querySelector<HTMLTextAreaElement>('[data-output]')!;
    output.value = this.text;
    this.showReview();
    this.showDownload(errors, warnings);
  }

  private summarySignature = '';

  /** Problems as the summary counts them: one per thing to do. */
  private problemCount(errors: Problem[]): number {
    return new Set(errors.map((p) => this.problemText(p))).size;
  }

  private renderSummary(summary: HTMLElement, errors: Problem[]) {
    // One line per thing to do: an empty field's several problems all say "请填写…".
    const items = new Map<string, string | undefined>();
    for (const p of errors) {
      const text = this.problemText(p);
      if (!items.has(text)) items.set(text, this.controlId(controlFor(p.field)));
    }
    summary.replaceChildren(
      ...(errors.length
        ? [
            el('h2', { id: 'summary-h', textContent: `还有 ${items.size} 个问题需要改正，改好后才能下载。` }),
            el(
              'ul',
              {},
              ...[...items].map(([text, id]) => {
                if (!id) return el('li', {}, text);
                const link = el('a', { href: `#${id}`, textContent: text });
                // The id itself, not the link's hash: the hash percent-encodes 背景 and would find no element.
                link.dataset.field = id;
                return el('li', {}, link);
              }),
            ),
          ]
        : []),
    );
  }

  private showDownload(errors: Problem[], warnings: Problem[]) {
    const ready = errors.length === 0 && this.reviewed;
    const download = this.querySelector<HTMLButtonElement>('[data-download]')!;
    download.disabled = !ready;
    const sourceButton = this.querySelector<HTMLButtonElement>('[data-download-source]')!;
    sourceButton.hidden = !this.source;
    sourceButton.disabled = !ready;
    if (this.source) sourceButton.textContent = `下载来源文件 ${this.source.id}.json`;
    this.querySelector('[data-download-why]')!.textContent = errors.length
      ? `还不能下载：还有 ${this.problemCount(errors)} 个问题需要改正（见页面顶部的列表）。`
      : ready
        ? this.source
          ? `把 ${this.entryId}.mdx 放进 content/cases/，把 ${this.source.id}.json 放进 content/sources/。`
          : `把 ${this.entryId}.mdx 放进 content/cases/。`
        : '还不能下载：请先点击“检查你的内容”，核对填写的内容。';
    // The page's own "done" signal for tests: the form has been checked at least once.
    this.dataset.state = 'checked';
    this.querySelector('[data-output-status]')!.textContent = errors.length
      ? `文件 ${this.entryId}.mdx：还有 ${this.problemCount(errors)} 个问题。`
      : `文件 ${this.entryId}.mdx 已通过全部检查${warnings.length ? `（${warnings.length} 个提示）` : ''}，${ready ? '可以下载。' : '请点击“检查你的内容”核对后下载。'}`;
  }

  private reviewSignature = '';

  /** The review ("检查你的内容"): every filled field with a link back to change it. */
  private showReview() {
    const review = this.querySelector<HTMLElement>('[data-review]')!;
    review.hidden = !this.reviewed;
    if (!this.reviewed) return;
    const rows: HTMLElement[] = [];
    const seen = new Set<string>();
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')) {
      const name = control.name;
      if (seen.has(name) || control.closest('[hidden]')) continue;
      seen.add(name);
      let shown: string;
      if (name === 'themes')
        shown = [...this.form.querySelectorAll<HTMLInputElement>('input[name="themes"]:checked')]
          .map((c) => c.parentElement!.textContent!.trim())
          .join('、');
      else if (control instanceof HTMLSelectElement)
        shown = control.value ? (control.selectedOptions[0]?.textContent ?? control.value) : '';
      else shown = control.value.trim();
      if (!shown) continue;
      const id = this.controlId(name)!;
      const change = el('a', { href: `#${id}` }, '修改', el('span', { className: 'visually-hidden', textContent: this.labelOf(name) }));
      change.dataset.field = id;
      rows.push(
        el(
          'div',
          { className: 'review-row' },
          el('dt', { textContent: this.labelOf(name) }),
          el('dd', { textContent: shown }),
          el('dd', { className: 'review-change' }, change),
        ),
      );
    }
    const list = this.querySelector('[data-review-list]')!;
    const signature = rows.map((r) => r.textContent).join('\u0001');
    if (signature !== this.reviewSignature) list.replaceChildren(...rows);
    this.reviewSignature = signature;
  }
}

customElements.define('case-submit', CaseSubmit);
