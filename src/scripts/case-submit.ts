/**
 * <case-submit>: the submission form. Every keystroke rebuilds the entry file and runs it through
 * the very rules the build applies (src/lib/content-check.ts), then shows each problem beside its
 * field in Chinese. Nothing is sent anywhere; the file is downloaded or copied.
 */
import { checkCases, type Problem } from '../lib/content-check.ts';
import { entryFileText, freeId, suggestId } from '../lib/entry-file.ts';
import { parseMdxBodyInBrowser } from '../lib/mdx-parse-browser.ts';
import { findPrivateData, findUnsafeMarkup } from '../lib/safety.ts';
import { isPrivacyProblem } from '../lib/privacy-check.ts';
import { sectionNames } from '../schema/sections.ts';
import { vocab } from '../schema/vocab.ts';
import { msg, renderMessage, wrapMessage } from '../schema/message.ts';
import { downloadText, el } from './dom.ts';

interface Context {
  sources: { id: string; title: string; lines: number }[];
  existing: { id: string; title: string; unit: string }[];
}

/** Which form control a problem's field belongs to. */
const controlFor = (field: string): string => {
  const map: Record<string, string> = { 'region.province': 'province', 'region.city': 'city', 'region.county': 'county', 'source.id': 'source', 'source.locator': 'locator' };
  if (map[field]) return map[field];
  const section = /^## (.+)$/.exec(field);
  if (section && (sectionNames as readonly string[]).includes(section[1])) return `section-${section[1]}`;
  return field.split('.')[0];
};

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

class CaseSubmit extends HTMLElement {
  private context!: Context;
  private form!: HTMLFormElement;
  private timer?: number;
  private text = '';
  private entryId = '';
  /** Fields the editor has been in: problems show there, so an empty form is not a wall of red. */
  private touched = new Set<string>();

  connectedCallback() {
    this.context = JSON.parse(this.dataset.context!);
    this.form = this.querySelector('[data-form]')!;
    this.form.addEventListener('focusout', (event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) this.touched.add(name);
      this.validate();
    });
    this.form.addEventListener('input', (event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) this.touched.add(name);
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.validate(), 200);
    });
    this.form.addEventListener('submit', (event) => event.preventDefault());
    // A source made by the Word import (src/scripts/docx-drop.ts) exists once its file is saved.
    this.addEventListener('case-submit:source', (event) => {
      this.context.sources.push((event as CustomEvent).detail);
      this.validate();
    });
    this.querySelector('[data-download]')!.addEventListener('click', () => this.download());
    this.querySelector('[data-show-all]')?.addEventListener('click', () => {
      this.touched.add('*');
      this.validate();
    });
    this.querySelector('[data-copy]')!.addEventListener('click', () => {
      const output = this.querySelector<HTMLTextAreaElement>('[data-output]')!;
      output.select();
      navigator.clipboard?.writeText(this.text);
    });
    this.validate();
  }

  private value(name: string) {
    const control = this.form.elements.namedItem(name) as HTMLInputElement | null;
    return control?.value.trim() ?? '';
  }

  private build() {
    const themes = [...this.form.querySelectorAll<HTMLInputElement>('input[name="themes"]:checked')].map((c) => c.value);
    const year = this.value('year');
    const province = this.value('province');
    const data = {
      title: this.value('title'),
      headline: this.value('headline'),
      aliases: this.value('aliases').split(/[、，,]/).map((s) => s.trim()).filter(Boolean),
      unit: this.value('unit'),
      region: { province, city: this.value('city'), county: this.value('county') },
      level: this.value('level'),
      domain: this.value('domain'),
      themes,
      year: year === '' ? undefined : /^\d+$/.test(year) ? Number(year) : year,
      summary: this.value('summary'),
      source: { id: this.value('source'), locator: this.value('locator') },
      figures: lines(this.value('figures')).map((line) => {
        const [label, ...rest] = line.split(/[：:]/);
        return { label: label.trim(), value: rest.join('：').trim() };
      }),
      questions: lines(this.value('questions')),
      status: this.value('status'),
      author: this.value('author'),
      reviewed: this.value('reviewed'),
    };
    const sections = Object.fromEntries(sectionNames.map((n) => [n, this.value(`section-${n}`)]));
    const place = data.region.county || data.region.city || (province ? vocab('region', province).label : '');
    const taken = new Set(this.context.existing.map((e) => e.id));
    this.entryId = this.value('id') || freeId(suggestId(data.title, place), taken);
    return { text: entryFileText(data, sections), data };
  }

  private validate() {
    const { text } = this.build();
    this.text = text;
    const taken = this.context.existing.some((e) => e.id === this.entryId);
    const result = checkCases([{ path: `content/cases/${this.entryId}.mdx`, raw: text }], {
      sourceIds: new Set(this.context.sources.map((s) => s.id)),
      sourceLines: new Map(this.context.sources.map((s) => [s.id, s.lines])),
      existing: this.context.existing,
      // The build's MDX grammar (micromark's MDX extension, which satteri follows; see the file).
      parseBody: parseMdxBodyInBrowser,
    });
    // Privacy and markup are checked per field, so each finding lands beside the right box.
    const perField: Problem[] = [];
    let markupInFields = 0;
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')) {
      for (const p of findPrivateData(control.value)) perField.push({ file: '', field: control.name, message: p.message, severity: 'error' });
      if (control.name.startsWith('section-'))
        for (const p of findUnsafeMarkup(control.value, parseMdxBodyInBrowser)) {
          markupInFields++;
          perField.push({ file: '', field: control.name, message: wrapMessage(p.message, (zh) => `第 ${p.line} 行：${zh}`, (en) => `line ${p.line}: ${en}`), severity: 'error' });
        }
    }
    // Markup that only the whole file shows (e.g. a code fence opened in one section and closed
    // in another) is listed too, so the form never passes what the build would refuse.
    const markupInFile = result.errors.filter((e) => e.field === '（正文）');
    const general = result.errors.filter((e) => !['（隐私）', '（正文）'].includes(e.field) && !isPrivacyProblem(e));
    const errors = [...general, ...perField, ...(markupInFields ? [] : markupInFile)];
    if (taken) errors.push({ file: '', field: 'id', message: msg(`文件名 ${this.entryId} 已被已有条目使用，请换一个`, `file name ${this.entryId} is taken`), severity: 'error' });
    this.show(errors, result.warnings);
  }

  private show(errors: Problem[], warnings: Problem[]) {
    for (const old of this.querySelectorAll('.field-error, .field-warning')) old.remove();
    for (const control of this.form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    const unplaced: Problem[] = [];
    const place = (problem: Problem, kind: 'error' | 'warning') => {
      const name = controlFor(problem.field);
      if (!this.touched.has(name) && !this.touched.has('*')) return;
      const box = name === 'themes' ? this.querySelector<HTMLElement>('#f-themes') : this.form.querySelector<HTMLElement>(`[name="${name}"]`);
      if (!box) return unplaced.push(problem);
      const field = box.closest('.field') ?? box;
      const note = el('p', { className: kind === 'error' ? 'field-error' : 'field-warning', textContent: `${kind === 'error' ? '✗' : '提示：'} ${renderMessage(problem.message, 'zh')}` });
      note.id = `msg-${name}-${field.querySelectorAll('.field-error, .field-warning').length}`;
      field.append(note);
      if (kind === 'error') box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', [...field.querySelectorAll('.field-error, .field-warning, .hint')].map((n) => n.id).filter(Boolean).join(' '));
    };
    errors.forEach((p) => place(p, 'error'));
    warnings.forEach((p) => place(p, 'warning'));
    const summary = this.querySelector('[data-summary]')!;
    summary.replaceChildren(...(errors.length && this.touched.size ? [el('p', { textContent: `还有 ${errors.length} 个问题需要改正，改好后才能下载。` }), ...unplaced.map((p) => el('p', { textContent: renderMessage(p.message, 'zh') }))] : []));
    const output = this.querySelector<HTMLTextAreaElement>('[data-output]')!;
    output.value = this.text;
    this.querySelector<HTMLButtonElement>('[data-download]')!.disabled = errors.length > 0;
    // The page's own "done" signal for tests: the form has been checked at least once.
    this.dataset.state = 'checked';
    this.querySelector('[data-output-status]')!.textContent = errors.length
      ? `文件 ${this.entryId}.mdx：还有 ${errors.length} 个问题。`
      : `文件 ${this.entryId}.mdx 已通过全部检查${warnings.length ? `（${warnings.length} 个提示）` : ''}，可以下载。`;
  }

  private download() {
    downloadText(`${this.entryId}.mdx`, this.text);
  }
}

customElements.define('case-submit', CaseSubmit);
