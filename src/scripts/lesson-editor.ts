/**
 * <lesson-editor>: the trainer's lesson on /lesson/ — details, order (buttons, keyboard and drag),
 * notes, sharing, Markdown export, and the printable handout built from the entries' own pages.
 */
import { encodeLesson, move, moveTo, remove, setNote, toMarkdown, type Lesson } from '../lib/lesson.ts';
import { decodeLesson, setDetails } from '../lib/lesson-read.ts';
import { downloadText, el } from './dom.ts';
import { fetchCase, type CaseData } from './case-extract.ts';
import { saveLesson } from './lesson-store.ts';
import { loadLessonForEditing } from './lesson-editor-store.ts';


class LessonEditor extends HTMLElement {
  private lesson!: Lesson;
  /** A lesson opened from a shared link is only saved when the trainer asks. */
  private shared = false;
  private cases = new Map<string, Promise<CaseData | undefined>>();
  private messages!: HTMLElement;
  private list!: HTMLOListElement;
  private handout!: HTMLElement;
  private renderTimer?: number;
  private dragging?: string;

  connectedCallback() {
    this.messages = this.querySelector('[data-messages]')!;
    this.list = this.querySelector('[data-items]')!;
    this.handout = this.querySelector('[data-handout]')!;
    this.querySelector<HTMLElement>('[data-editor]')!.hidden = false;

    const sharedParam = new URLSearchParams(location.search).get('l');
    const stored = loadLessonForEditing();
    if (stored.error) this.say(stored.error, 'error');
    if (stored.migratedFrom) this.say(`已把旧版（第 ${stored.migratedFrom} 版）教案转换为新格式。`);
    this.lesson = stored.lesson;
    if (sharedParam) {
      const decoded = decodeLesson(sharedParam);
      if (decoded.ok) {
        this.lesson = decoded.lesson;
        this.shared = true;
        this.offerSave(stored.lesson);
      } else this.say(`${decoded.error}。下面显示的是你自己保存的教案。`, 'error');
    }

    const form = this.querySelector<HTMLFormElement>('[data-details]')!;
    for (const name of ['title', 'date', 'audience'] as const) {
      const input = form.elements.namedItem(name) as HTMLInputElement;
      input.value = this.lesson[name];
      input.addEventListener('input', () => {
        try {
          this.update(setDetails(this.lesson, { [name]: input.value }), false);
          input.setCustomValidity('');
        } catch {
          input.setCustomValidity('格式不对');
        }
      });
    }
    this.querySelector('[data-action="print"]')!.addEventListener('click', async () => {
      await this.renderHandout();
      window.print();
    });
    this.querySelector('[data-action="markdown"]')!.addEventListener('click', () => this.exportMarkdown());
    this.querySelector('[data-action="share"]')!.addEventListener('click', () => this.share());
    this.querySelector('[data-action="clear"]')!.addEventListener('click', () => {
      if (confirm('确定清空教案吗？')) this.update({ ...this.lesson, items: [] });
    });
    this.setupDrag();
    this.render();
  }

  private say(text: string, kind: 'info' | 'error' = 'info', ...extra: Node[]) {
    this.messages.append(el('p', { className: `notice ${kind}` }, text, ...extra));
  }

  private offerSave(own: Lesson) {
    const save = el('button', { type: 'button', className: 'primary', textContent: '保存为我的教案' });
    const p = el('p', { className: 'notice' }, `这是别人分享的教案“${this.lesson.title || '未命名'}”（${this.lesson.items.length} 个案例），你可以直接查看、打印。`, ' ', save);
    if (own.items.length) p.append(`（保存会替换你现有的教案，其中有 ${own.items.length} 个案例）`);
    save.addEventListener('click', () => {
      this.shared = false;
      saveLesson(this.lesson);
      history.replaceState(null, '', location.pathname);
      p.replaceWith(el('p', { className: 'notice' }, '已保存为你的教案。'));
    });
    this.messages.append(p);
  }

  private update(lesson: Lesson, rerenderList = true) {
    this.lesson = lesson;
    if (!this.shared) saveLesson(lesson);
    if (rerenderList) this.render();
    else this.scheduleHandout();
  }

  private caseData(id: string) {
    if (!this.cases.has(id)) this.cases.set(id, fetchCase(id).catch(() => undefined));
    return this.cases.get(id)!;
  }

  private render(focus?: { id: string; action: string }) {
    const { items } = this.lesson;
    this.querySelector<HTMLElement>('[data-empty]')!.hidden = items.length > 0;
    this.querySelector<HTMLElement>('[data-actions]')!.hidden = items.length === 0;
    const compare = this.querySelector<HTMLAnchorElement>('[data-action="compare"]')!;
    compare.href = `/compare/?ids=${items.slice(0, 4).map((i) => i.id).join(',')}`;
    compare.hidden = items.length < 2;
    this.list.replaceChildren(...items.map((item, index) => this.renderItem(item, index, items.length)));
    if (focus) this.list.querySelector<HTMLElement>(`li[data-id="${focus.id}"] [data-do="${focus.action}"]`)?.focus();
    this.scheduleHandout();
  }

  private renderItem(item: Lesson['items'][number], index: number, total: number) {
    const li = el('li', { draggable: true });
    li.dataset.id = item.id;
    const title = el('a', { href: `/cases/${item.id}/`, className: 'item-title', textContent: item.id });
    const meta = el('span', { className: 'small muted' });
    this.caseData(item.id).then((data) => {
      if (data) {
        title.textContent = data.title;
        meta.textContent = `${data.field('unit')} · ${data.field('region')}`;
      } else {
        li.classList.add('missing');
        title.removeAttribute('href');
        meta.textContent = '本站已没有这个案例（可能已改名或删除），讲义中将略去；其余案例不受影响。';
      }
    });
    const handle = el('button', { type: 'button', className: 'handle', textContent: '⠿', title: '拖动，或按上下方向键移动' });
    handle.setAttribute('aria-label', `第 ${index + 1} 个，共 ${total} 个。按上下方向键移动`);
    handle.dataset.do = 'handle';
    handle.addEventListener('keydown', (event) => {
      const delta = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
      if (!delta) return;
      event.preventDefault();
      this.lesson = move(this.lesson, item.id, delta);
      if (!this.shared) saveLesson(this.lesson);
      this.render({ id: item.id, action: 'handle' });
    });
    const button = (action: string, label: string, disabled: boolean, run: () => Lesson) => {
      const b = el('button', { type: 'button', textContent: label, disabled });
      b.dataset.do = action;
      b.setAttribute('aria-label', `${label}：第 ${index + 1} 个案例`);
      b.addEventListener('click', () => {
        this.lesson = run();
        if (!this.shared) saveLesson(this.lesson);
        this.render({ id: item.id, action });
      });
      return b;
    };
    const note = el('textarea', { value: item.note, name: `note-${item.id}`, placeholder: '教师备注（可选）：讲解要点、讨论时间……' });
    note.setAttribute('aria-label', `第 ${index + 1} 个案例的教师备注`);
    note.addEventListener('input', () => this.update(setNote(this.lesson, item.id, note.value), false));
    li.append(
      el('div', { className: 'item-head' }, handle, el('span', { textContent: `${index + 1}.` }), title),
      meta,
      note,
      el('div', { className: 'item-buttons' },
        button('up', '上移', index === 0, () => move(this.lesson, item.id, -1)),
        button('down', '下移', index === total - 1, () => move(this.lesson, item.id, 1)),
        button('remove', '移除', false, () => remove(this.lesson, item.id)),
      ),
    );
    return li;
  }

  private setupDrag() {
    this.list.addEventListener('dragstart', (event) => {
      const li = (event.target as HTMLElement).closest('li');
      if (!li) return;
      this.dragging = li.dataset.id;
      li.classList.add('dragging');
      event.dataTransfer?.setData('text/plain', li.dataset.id!);
    });
    this.list.addEventListener('dragover', (event) => {
      event.preventDefault();
      for (const li of this.list.children) li.classList.toggle('drop-target', li.contains(event.target as Node));
    });
    this.list.addEventListener('drop', (event) => {
      event.preventDefault();
      const target = (event.target as HTMLElement).closest('li');
      if (!this.dragging || !target) return;
      const position = [...this.list.children].indexOf(target);
      this.update(moveTo(this.lesson, this.dragging, position));
    });
    this.list.addEventListener('dragend', () => {
      this.dragging = undefined;
      for (const li of this.list.children) li.classList.remove('dragging', 'drop-target');
    });
  }

  private share() {
    const url = `${location.origin}/lesson/?l=${encodeLesson(this.lesson)}`;
    const output = this.querySelector<HTMLElement>('[data-share-output]')!;
    const input = this.querySelector<HTMLInputElement>('[data-share-url]')!;
    input.value = url;
    output.hidden = false;
    input.select();
    navigator.clipboard?.writeText(url).then(
      () => this.say('分享链接已复制。对方打开后可以查看、打印，并保存为自己的教案。'),
      () => this.say('请手动复制上面的分享链接。'),
    );
  }

  private async loaded() {
    const all = await Promise.all(this.lesson.items.map(async (item) => ({ item, data: await this.caseData(item.id) })));
    return all.filter((x): x is { item: Lesson['items'][number]; data: CaseData } => !!x.data);
  }

  private async exportMarkdown() {
    const entries = (await this.loaded()).map((x) => x.data);
    const markdown = toMarkdown(this.lesson, entries, this.dataset.site ?? location.origin);
    downloadText(`${this.lesson.title || '教案'}.md`, markdown);
  }

  private scheduleHandout() {
    clearTimeout(this.renderTimer);
    this.renderTimer = window.setTimeout(() => this.renderHandout(), 300);
  }

  /** Builds the handout: cover, contents, one page per entry, comparison table. */
  private async renderHandout() {
    const lesson = this.lesson;
    const entries = await this.loaded();
    if (lesson !== this.lesson) return; // changed meanwhile; the next render will do it
    const site = this.dataset.site ?? location.origin;
    setPageFooter(site);
    if (!entries.length) {
      this.handout.replaceChildren();
      return;
    }
    const cover = el('section', { className: 'cover' },
      el('p', { textContent: '培训讲义' }),
      el('h1', { textContent: lesson.title || '教案' }),
      ...(lesson.date ? [el('p', { textContent: `日期：${lesson.date}` })] : []),
      ...(lesson.audience ? [el('p', { textContent: `对象：${lesson.audience}` })] : []),
      el('p', { textContent: `共 ${entries.length} 个案例` }),
      el('p', { className: 'small', textContent: `工作法案例库 · ${site}` }),
    );
    const toc = el('section', { className: 'toc' }, el('h2', { textContent: '目录' }),
      el('ol', {}, ...entries.map(({ data }, i) => el('li', {}, el('a', { href: `#handout-${i + 1}`, textContent: data.title })))));
    const cases = entries.map(({ item, data }, i) => {
      const section = el('section', { className: 'handout-case', id: `handout-${i + 1}` });
      section.dataset.caseTitle = data.title;
      section.append(el('h2', { textContent: `${i + 1}. ${data.title}` }));
      const facts = el('table', {}, el('tbody', {}, ...data.facts.map((f) => el('tr', {}, el('th', { scope: 'row', textContent: f.label }), el('td', { textContent: f.value })))));
      section.append(facts);
      if (item.note) section.append(el('div', { className: 'teacher-note' }, el('strong', { textContent: '教师备注：' }), item.note));
      for (const name of ['背景', '做法', '成效', '启示']) {
        if (!data.sectionHtml[name]) continue;
        const body = el('div');
        body.innerHTML = data.sectionHtml[name]; // our own built page, not user input
        section.append(el('h3', { textContent: name }), body);
      }
      if (data.figures.length) section.append(el('h3', { textContent: '关键数字' }), el('ul', {}, ...data.figures.map((f) => el('li', { textContent: `${f.label}：${f.value}` }))));
      section.append(el('div', { className: 'questions-box' }, el('h3', { textContent: '思考题' }), el('ol', {}, ...data.questions.map((q) => el('li', { textContent: q })))));
      section.append(el('p', { className: 'small', textContent: `出处：${data.source} 网址：${data.url}` }));
      return section;
    });
    const headers = ['案例', '实践单位', '地区', '领域', '方法类别', '起始年份', '关键数字'];
    const compare = el('section', { className: 'handout-compare' }, el('h2', { textContent: '案例对比' }),
      el('table', {},
        el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', textContent: h })))),
        el('tbody', {}, ...entries.map(({ data }) => el('tr', {},
          el('th', { scope: 'row', textContent: data.title }),
          ...['unit', 'region', 'domain', 'themes', 'year'].map((f) => el('td', { textContent: data.field(f) })),
          el('td', { textContent: data.figures[0] ? `${data.figures[0].label}：${data.figures[0].value}` : '—' }),
        )))));
    this.handout.replaceChildren(cover, toc, ...cases, compare);
  }
}

/**
 * The printed page's footer: the site address and page numbers, in the page margins. A
 * constructed stylesheet, because the site's Content-Security-Policy allows no inline <style>.
 */
const footerSheet = new CSSStyleSheet();
function setPageFooter(site: string) {
  const quoted = JSON.stringify(`工作法案例库 ${site}`);
  footerSheet.replaceSync(`@page { @bottom-left { content: ${quoted}; font-size: 8pt; color: #555; } @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }`);
  if (!document.adoptedStyleSheets.includes(footerSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, footerSheet];
}

customElements.define('lesson-editor', LessonEditor);
