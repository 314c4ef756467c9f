/**
 * <lesson-editor>: the trainer's lesson on /lesson/ — details, order (buttons, keyboard and drag),
 * notes, sharing, Markdown export, and the printable handout built from the entries' contract
 * files (/cases/<id>.json, src/schema/entry.ts).
 * Every change goes through editLesson (re-read, apply, save), other tabs' changes arrive through
 * the storage event, and removing, clearing and replacing can be undone. `data-state="ready"` and
 * `data-revision` (counts renders) are the page's own signals for tests.
 */
import './zod-jitless.ts';
import {
  NOTE_MAX,
  STORAGE_KEY,
  applyOp,
  emptyLesson,
  shareLink,
  peekLesson,
  readLessonDate,
  toMarkdown,
  type Lesson,
  type LessonItem,
  type LessonOp,
} from '../lib/lesson.ts';
import { decodeLesson, parseStored } from '../lib/lesson-read.ts';
import { BACKUP_PREFIX, formatBackupTime, listBackups, type Backup } from '../lib/lesson-backup.ts';
import { lessonText } from '../schema/lesson.ts';
import { ENTRY_ID } from '../schema/lesson-limits.ts';
import { downloadBlob, downloadText, el } from './dom.ts';
import { dropsPageDownloads, IN_APP_DOWNLOAD_HELP, IN_APP_PRINT_HELP, inWeChat } from './in-app.ts';
import { handoutEntry, printableSource } from '../lib/handout-data.ts';
import { renderHandout, type HandoutCase } from './lesson-handout.ts';
import { fetchEntry } from './entry-fetch.ts';
import type { EntryView } from '../schema/entry.ts';
import { editLesson, loadLessonForEditing, type Notice } from './lesson-editor-store.ts';
import { editShelf, loadShelf } from './lesson-shelf-store.ts';
import { SHELF_KEY, SHELF_MAX, lessonName, listLessons, newShelfId, readShelf, type Shelf, type ShelfOp } from '../lib/lesson-shelf.ts';
import { TEXT_MAX } from '../schema/lesson-limits.ts';
import { href, here } from '../lib/url.ts';
import { quote } from '../lib/reader-text.ts';

type CaseData = EntryView;
/** An entry as the exports take it, with its page's address on the host this page was opened from. */
const exportEntry = (view: CaseData) => handoutEntry(view, here(`/cases/${view.id}/`));
const fact = (view: CaseData, field: CaseData['facts'][number]['field']) => view.facts.find((f) => f.field === field)?.value ?? '';
/** An entry as the printed handout takes it: the export's data plus its sections' HTML and info-box facts. */
const handoutCase = (view: CaseData): HandoutCase => ({
  ...exportEntry(view),
  sectionHtml: Object.fromEntries(view.sections.map((s) => [s.name, s.html])),
  field: (name) => fact(view, name as CaseData['facts'][number]['field']),
});

class LessonEditor extends HTMLElement {
  private lesson!: Lesson;
  /** A lesson opened from a shared link is only saved when the trainer asks. */
  private shared = false;
  private cases = new Map<string, Promise<CaseData | undefined>>();
  private messages!: HTMLElement;
  private undo!: HTMLElement;
  private backups!: HTMLElement;
  private list!: HTMLOListElement;
  private handout!: HTMLElement;
  private form!: HTMLFormElement;
  private renderTimer?: number;
  private dragging?: string;
  private revision = 0;
  private notesOption!: HTMLInputElement;
  private shelfList!: HTMLElement;
  private summaryOption!: HTMLInputElement;

  connectedCallback() {
    this.messages = this.querySelector('[data-messages]')!;
    this.undo = this.querySelector('[data-undo]')!;
    this.backups = this.querySelector('[data-backups]')!;
    this.list = this.querySelector('[data-items]')!;
    this.handout = this.querySelector('[data-handout]')!;
    this.form = this.querySelector<HTMLFormElement>('[data-details]')!;
    this.querySelector<HTMLElement>('[data-editor]')!.hidden = false;

    const sharedParam = new URLSearchParams(location.search).get('l');
    // The named lessons: a browser that had one lesson gets it listed as its first (lesson-shelf.ts).
    const stored = loadShelf();
    this.tell(stored.notices);
    this.lesson = stored.state.lesson;
    if (sharedParam) {
      const decoded = decodeLesson(sharedParam);
      if (decoded.ok) {
        this.lesson = decoded.lesson;
        this.shared = true;
        for (const d of decoded.dropped) this.say(`分享的教案：${d.message}。`, 'error');
        this.offerSave(stored.state.lesson);
      } else this.say(`${decoded.error}。下面显示的是你自己保存的教案。`, 'error');
    }

    for (const name of ['title', 'audience'] as const) {
      const input = this.form.elements.namedItem(name) as HTMLInputElement;
      input.addEventListener('input', () => {
        const valid = lessonText.safeParse(input.value);
        input.setCustomValidity(valid.success ? '' : '格式不对');
        if (valid.success) this.edit({ type: 'details', details: { [name]: valid.data } }, false);
      });
    }
    // The date is a text field (lesson.astro) read the ways trainers write one (readLessonDate). A date
    // still being typed is not marked at every keystroke: when the trainer leaves the field it is shown
    // in the stored form, or marked, with the hint saying it was not saved.
    const dateInput = this.form.elements.namedItem('date') as HTMLInputElement;
    const dateHint = this.querySelector<HTMLElement>('[data-date-hint]')!;
    const hintText = dateHint.textContent;
    const markDate = (wrong: boolean) => {
      dateInput.setCustomValidity(wrong ? '请写成 2026-12-01 这样的日期' : '');
      if (wrong) dateInput.setAttribute('aria-invalid', 'true');
      else dateInput.removeAttribute('aria-invalid');
      dateHint.toggleAttribute('data-error', wrong);
      dateHint.textContent = wrong ? '这个日期没有保存：请写成 2026-12-01 这样（也可以写 2026/12/1 或 2026年12月1日）' : hintText;
    };
    dateInput.addEventListener('input', () => {
      const date = readLessonDate(dateInput.value);
      if (date === undefined) return;
      markDate(false);
      this.edit({ type: 'details', details: { date } }, false);
    });
    dateInput.addEventListener('change', () => {
      const date = readLessonDate(dateInput.value);
      markDate(date === undefined);
      if (date !== undefined) dateInput.value = date;
    });
    this.querySelector('[data-action="print"]')!.addEventListener('click', async () => {
      await this.renderHandout();
      if (inWeChat()) this.carryToBrowser(IN_APP_PRINT_HELP, 'info');
      window.print();
    });
    this.querySelector('[data-action="markdown"]')!.addEventListener('click', () => this.exportMarkdown());
    this.querySelector('[data-action="docx"]')!.addEventListener('click', (event) =>
      this.exportFile(event.currentTarget as HTMLButtonElement, 'docx'),
    );
    this.querySelector('[data-action="pptx"]')!.addEventListener('click', (event) =>
      this.exportFile(event.currentTarget as HTMLButtonElement, 'pptx'),
    );
    this.notesOption = this.querySelector<HTMLInputElement>('[data-include-notes]')!;
    this.notesOption.addEventListener('change', () => this.scheduleHandout());
    this.summaryOption = this.querySelector<HTMLInputElement>('[data-summary-mode]')!;
    this.summaryOption.addEventListener('change', () => this.scheduleHandout());
    this.querySelector('[data-action="share"]')!.addEventListener('click', () => this.share());
    this.querySelector('[data-action="clear"]')!.addEventListener('click', () => {
      const before = this.edit({ type: 'clear' });
      const items = before.items.map((item, index) => ({ item, index }));
      if (items.length) this.offerUndo(`已清空教案（${items.length} 个案例）。`, { type: 'restore', items }, items[0].item.id);
    });
    // Another tab changed the lesson or its backups: follow it live.
    window.addEventListener('storage', (event) => {
      if (event.key === null || event.key === STORAGE_KEY) {
        if (this.shared) return; // the shared lesson on screen is not the stored one
        const fresh = loadLessonForEditing();
        this.tell(fresh.notices);
        this.lesson = fresh.lesson;
        this.render();
      }
      if (event.key === null || event.key.startsWith(BACKUP_PREFIX)) this.renderBackups();
      if (event.key === null || event.key === STORAGE_KEY || event.key === SHELF_KEY) this.renderShelf();
    });
    // A phone turned sideways, or a window resized: the preview is fitted again.
    let fitting = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(fitting);
      fitting = requestAnimationFrame(() => this.fitPreview());
    });
    this.shelfList = this.querySelector('[data-shelf-list]')!;
    const create = this.querySelector<HTMLFormElement>('[data-new-lesson]')!;
    create.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = create.elements.namedItem('new-name') as HTMLInputElement;
      const result = this.shelfEdit({ type: 'create', id: newShelfId(), name: input.value });
      if (result.state === result.before) return this.say(`最多保存 ${SHELF_MAX} 份教案，请先删除不用的。`, 'error');
      input.value = '';
      this.say(`已新建教案${quote(lessonName(result.state.lesson))}，原来的教案仍在“全部教案”中。`);
      (this.form.elements.namedItem('title') as HTMLInputElement).focus();
    });
    this.setupDrag();
    this.render();
    this.renderBackups();
    this.renderShelf();
    this.dataset.state = 'ready';
  }

  private say(text: string, kind: 'info' | 'error' = 'info', ...extra: Node[]) {
    // The same warning on every keystroke (e.g. storage unavailable) is said once.
    if (!extra.length && [...this.messages.children].some((p) => p.textContent === text)) return;
    this.messages.append(el('p', { className: `notice ${kind}` }, text, ...extra));
  }

  private tell(notices: Notice[]) {
    for (const notice of notices) this.say(notice.text, notice.kind);
  }

  /**
   * Applies a change: to the stored lesson (re-read first, so other tabs' work stays), or only on
   * screen while a shared lesson is shown. Returns the lesson as it was just before.
   */
  private edit(op: LessonOp, rerenderList = true, focus?: { id: string; action: string }): Lesson {
    let before = this.lesson;
    if (this.shared) {
      // Saved with the change in it: adopting first and then applying the change re-drew a note's box
      // without the text just typed, and the next keystroke wrote over it.
      const edited = applyOp(this.lesson, op);
      if (!this.adoptShared(edited)) this.lesson = edited;
    } else {
      const result = editLesson(op);
      this.tell(result.notices);
      before = result.before ?? before;
      this.lesson = result.lesson;
      if (op.type === 'remove' || op.type === 'clear' || op.type === 'replace') this.renderBackups();
    }
    if (rerenderList) this.render(focus);
    else this.scheduleHandout();
    if (
      op.type === 'details' ||
      op.type === 'add' ||
      op.type === 'remove' ||
      op.type === 'clear' ||
      op.type === 'replace' ||
      op.type === 'restore'
    )
      this.renderShelf();
    return before;
  }

  /** Applies a change to the named lessons; a shared lesson on screen is left for the stored ones. */
  private shelfEdit(op: ShelfOp) {
    if (this.shared) {
      this.leaveShared();
      this.messages.querySelector('[data-offer-save]')?.remove();
    }
    const result = editShelf(op);
    this.tell(result.notices);
    this.lesson = result.state.lesson;
    this.render();
    this.renderShelf();
    this.renderBackups();
    return result;
  }

  /** 全部教案: every named lesson, the current one marked, each with open, rename, copy, share and delete. */
  private renderShelf() {
    if (!this.shelfList) return;
    let shelf: Shelf;
    let current = this.lesson;
    try {
      shelf = readShelf(localStorage.getItem(SHELF_KEY)).shelf;
      if (this.shared) current = peekLesson(localStorage.getItem(STORAGE_KEY)) ?? emptyLesson();
    } catch {
      shelf = readShelf(null).shelf;
    }
    const lessons = listLessons({ shelf, lesson: current });
    this.querySelector('#shelf-h')!.textContent = `全部教案（${lessons.length} 份）`;
    this.shelfList.replaceChildren(
      ...lessons.map(({ id, lesson, current: isCurrent }) => {
        const name = lessonName(lesson);
        const li = el(
          'li',
          {},
          el('span', { className: 'shelf-name', textContent: name }),
          el('span', {
            className: 'small muted',
            textContent: `${lesson.items.length} 个案例${isCurrent && !this.shared ? ' · 正在编辑' : ''}`,
          }),
        );
        li.dataset.lessonId = id;
        if (isCurrent && !this.shared) li.setAttribute('aria-current', 'true');
        const button = (action: string, label: string, onClick: () => void) => {
          const b = el('button', { type: 'button', textContent: label });
          b.dataset.shelf = action;
          b.setAttribute('aria-label', `${label}${quote(name)}`);
          b.addEventListener('click', onClick);
          return b;
        };
        if (!isCurrent || this.shared) {
          li.append(
            button('open', '打开', () => {
              if (isCurrent) {
                // Only a shared lesson stood in front of it: back to the stored one.
                this.leaveShared();
                this.messages.querySelector('[data-offer-save]')?.remove();
                const fresh = loadLessonForEditing();
                this.tell(fresh.notices);
                this.lesson = fresh.lesson;
                this.render();
                this.renderShelf();
              } else this.shelfEdit({ type: 'switch', id });
              this.say(`已打开教案${quote(name)}。`);
            }),
          );
        }
        li.append(
          button('rename', '重命名', () => this.startRename(li, id, lesson.title)),
          button('duplicate', '复制', () => {
            const result = this.shelfEdit({ type: 'duplicate', id, newId: newShelfId() });
            if (result.state === result.before) return this.say(`最多保存 ${SHELF_MAX} 份教案，请先删除不用的。`, 'error');
            this.say(`已复制为${quote(lessonName(result.state.lesson))}，现在编辑的是副本。`);
          }),
          button('share', '分享', () => this.share(lesson)),
          button('delete', '删除', () => this.deleteLesson(id)),
        );
        return li;
      }),
    );
  }

  private startRename(li: HTMLElement, id: string, title: string) {
    const input = el('input', { type: 'text', value: title, maxLength: TEXT_MAX, name: 'rename', placeholder: '如：乡村振兴专题' });
    input.setAttribute('aria-label', `${quote(lessonName({ ...emptyLesson(), title }))}的新名称`);
    const cancel = el('button', { type: 'button', textContent: '取消' });
    const form = el('form', { className: 'rename' }, input, el('button', { type: 'submit', textContent: '保存名称' }), cancel);
    const focusRow = () =>
      this.shelfList.querySelector<HTMLElement>(`li[data-lesson-id="${CSS.escape(id)}"] [data-shelf="rename"]`)?.focus();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const valid = lessonText.safeParse(input.value.trim());
      if (!valid.success) return input.setCustomValidity('名称格式不对');
      const result = this.shelfEdit({ type: 'rename', id, name: valid.data });
      this.say(`已重命名为${quote(lessonName(listLessons(result.state).find((l) => l.id === id)?.lesson))}。`);
      focusRow();
    });
    cancel.addEventListener('click', () => {
      this.renderShelf();
      focusRow();
    });
    li.replaceChildren(form);
    input.focus();
    input.select();
  }

  private deleteLesson(id: string) {
    const { state, before } = this.shelfEdit({ type: 'delete', id, newId: newShelfId() });
    if (state === before) return;
    const index = before.shelf.entries.findIndex((e) => e.id === id);
    const wasCurrent = id === before.shelf.current;
    const lesson = wasCurrent ? before.lesson : before.shelf.entries[index].lesson;
    if (!lesson) return;
    this.offerUndo(`已删除教案${quote(lessonName(lesson))}（${lesson.items.length} 个案例）。删除前已备份。`, () => {
      this.shelfEdit({ type: 'restore', id, lesson, index, current: wasCurrent });
      this.shelfList.querySelector<HTMLElement>(`li[data-lesson-id="${CSS.escape(id)}"] [data-shelf="delete"]`)?.focus();
    });
  }

  /**
   * The status line after removing, clearing or replacing: what happened and a 撤销 button. It
   * is a live region, and takes the focus the vanished button had, so keyboard and screen-reader
   * users hear it and can undo at once.
   */
  private offerUndo(text: string, undo: LessonOp | (() => void), focusId?: string) {
    const button = el('button', { type: 'button', textContent: '撤销' });
    button.dataset.do = 'undo';
    button.addEventListener('click', () => {
      this.undo.replaceChildren(el('p', { className: 'notice' }, '已撤销。'));
      if (typeof undo === 'function') return undo();
      this.edit(undo);
      const target =
        (focusId && this.list.querySelector<HTMLElement>(`li[data-id="${CSS.escape(focusId)}"] [data-do="remove"]`)) ||
        this.list.querySelector<HTMLElement>('[data-do="remove"]');
      target?.focus();
    });
    this.undo.replaceChildren(el('p', { className: 'notice' }, text, ' ', button));
    button.focus();
  }

  private offerSave(own: Lesson) {
    const save = el('button', { type: 'button', className: 'primary', textContent: '保存为我的教案' });
    const saveNew = el('button', { type: 'button', textContent: '另存为新教案' });
    const p = el(
      'p',
      { className: 'notice' },
      `这是别人分享的教案${quote(this.lesson.title || '未命名')}（${this.lesson.items.length} 个案例），你可以直接查看、打印；一改动就会另存为你的新教案。`,
      ' ',
      save,
      ' ',
      saveNew,
    );
    p.dataset.offerSave = '';
    if (own.items.length)
      p.append(
        `（“保存为我的教案”会替换你正在编辑的教案，其中有 ${own.items.length} 个案例；替换前会自动备份，也可以撤销。“另存为新教案”不替换任何教案）`,
      );
    saveNew.addEventListener('click', () => {
      const shared = this.lesson;
      const result = this.shelfEdit({ type: 'add', id: newShelfId(), lesson: shared });
      if (result.state === result.before) return this.say(`最多保存 ${SHELF_MAX} 份教案，请先删除不用的。`, 'error');
      this.say(`已另存为新教案${quote(lessonName(shared))}，你原来的教案都在“全部教案”中。`);
    });
    save.addEventListener('click', () => {
      const shared = this.lesson;
      this.leaveShared();
      p.remove();
      const before = this.edit({ type: 'replace', lesson: shared });
      this.offerUndo(before.items.length ? `已保存为你的教案，替换了原来的教案（${before.items.length} 个案例）。` : '已保存为你的教案。', {
        type: 'replace',
        lesson: before,
      });
    });
    this.messages.append(p);
  }

  /**
   * The first change to a shared lesson saves it as a new named lesson, replacing none, so that
   * leaving the page does not lose the change (a recipient who edits it means to keep it). With
   * the shelf full the change stays on screen only, and the trainer is told so.
   */
  private adoptShared(edited: Lesson): boolean {
    if (listLessons(loadShelf().state).length >= SHELF_MAX) {
      this.say(`对这份分享教案的修改不会保存：本机已有 ${SHELF_MAX} 份教案，请先在“全部教案”中删除不用的。`, 'error');
      return false;
    }
    const result = this.shelfEdit({ type: 'add', id: newShelfId(), lesson: edited });
    if (result.state === result.before) return false;
    this.say(`你修改了别人分享的教案，它已另存为你的新教案${quote(lessonName(edited))}。`);
    return true;
  }

  private leaveShared() {
    this.shared = false;
    history.replaceState(null, '', location.pathname);
  }

  /** The backups kept in this browser, newest first, each restorable (or downloadable if unreadable). */
  private renderBackups() {
    let backups: Backup[] = [];
    try {
      backups = listBackups(localStorage);
    } catch {
      /* storage unavailable: nothing to list */
    }
    this.backups.hidden = backups.length === 0;
    const summary = this.backups.querySelector('summary')!;
    summary.textContent = `备份（${backups.length} 份）`;
    const list = this.backups.querySelector('ul')!;
    list.replaceChildren(
      ...backups.map((backup) => {
        const time = formatBackupTime(backup.at);
        const read = parseStored(backup.raw);
        const what = read.ok
          ? `${read.lesson.title ? `${quote(read.lesson.title)}，` : ''}${read.lesson.items.length} 个案例`
          : '无法读取，可下载原始数据';
        const li = el('li', {}, el('span', { textContent: `${time} · ${backup.reason} · ${what}` }));
        li.dataset.key = backup.key;
        if (read.ok) {
          const restore = el('button', { type: 'button', textContent: `恢复 ${time} 的备份` });
          restore.addEventListener('click', () => this.restore(backup, time));
          li.append(' ', restore);
        }
        const download = el('button', { type: 'button', textContent: '下载' });
        download.setAttribute('aria-label', `下载 ${time} 的备份`);
        download.addEventListener('click', () => {
          const saved = downloadText(`教案备份-${backup.at.replace(/[:.]/g, '-')}.json`, backup.raw, 'application/json;charset=utf-8');
          if (!saved) this.say(IN_APP_DOWNLOAD_HELP, 'error');
        });
        li.append(' ', download);
        return li;
      }),
    );
  }

  private restore(backup: Backup, time: string) {
    const read = parseStored(backup.raw);
    if (!read.ok) return;
    if (this.shared) this.leaveShared();
    for (const d of read.dropped) this.say(`备份中：${d.message}。`, 'error');
    const before = this.edit({ type: 'replace', lesson: read.lesson });
    this.offerUndo(`已恢复 ${time} 的备份（${read.lesson.items.length} 个案例）。`, { type: 'replace', lesson: before });
  }

  private caseData(id: string) {
    if (!this.cases.has(id))
      this.cases.set(
        id,
        fetchEntry(id).catch(() => undefined),
      );
    return this.cases.get(id)!;
  }

  private render(focus?: { id: string; action: string }) {
    const { items } = this.lesson;
    // A change from another tab re-renders the list: whatever the trainer was typing in keeps its focus and caret.
    const active = document.activeElement as HTMLElement | null;
    const kept =
      !focus && active && this.list.contains(active)
        ? { id: active.closest('li')?.dataset.id ?? '', action: active.dataset.do ?? '' }
        : undefined;
    const caret = active instanceof HTMLTextAreaElement ? ([active.selectionStart, active.selectionEnd] as const) : undefined;
    for (const name of ['title', 'date', 'audience'] as const) {
      const input = this.form.elements.namedItem(name) as HTMLInputElement;
      // A date marked as not saved stays as typed, for the trainer to correct.
      const keepTyped = input === document.activeElement || input.getAttribute('aria-invalid') === 'true';
      if (!keepTyped || this.revision === 0) input.value = this.lesson[name];
    }
    this.querySelector<HTMLElement>('[data-empty]')!.hidden = items.length > 0;
    this.querySelector<HTMLElement>('[data-actions]')!.hidden = items.length === 0;
    const compare = this.querySelector<HTMLAnchorElement>('[data-action="compare"]')!;
    const ids = items.slice(0, 4).map((i) => i.id);
    compare.href = href(`/compare/?ids=${ids.join(',')}`);
    compare.hidden = items.length < 2;
    this.list.replaceChildren(...items.map((item, index) => this.renderItem(item, index, items.length)));
    const target = focus ?? kept;
    if (target?.id && ENTRY_ID.test(target.id)) {
      const element = this.list.querySelector<HTMLElement>(`li[data-id="${target.id}"] [data-do="${CSS.escape(target.action)}"]`);
      element?.focus();
      if (caret && element instanceof HTMLTextAreaElement) element.setSelectionRange(caret[0], caret[1]);
    }
    this.dataset.revision = String(++this.revision);
    this.scheduleHandout();
  }

  private renderItem(item: LessonItem, index: number, total: number) {
    const li = el('li', { draggable: true });
    li.dataset.id = item.id;
    const title = el('a', { href: href(`/cases/${item.id}/`), className: 'item-title', textContent: item.id });
    const meta = el('span', { className: 'small muted' });
    this.caseData(item.id).then((data) => {
      if (data) {
        title.textContent = data.title;
        meta.textContent = `${data.unit} · ${data.region.label}`;
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
      this.edit({ type: 'move', id: item.id, delta }, true, { id: item.id, action: 'handle' });
    });
    const button = (action: string, label: string, disabled: boolean, op: LessonOp) => {
      const b = el('button', { type: 'button', textContent: label, disabled });
      b.dataset.do = action;
      b.setAttribute('aria-label', `${label}：第 ${index + 1} 个案例`);
      b.addEventListener('click', () => this.edit(op, true, { id: item.id, action }));
      return b;
    };
    const removeButton = el('button', { type: 'button', textContent: '移除' });
    removeButton.dataset.do = 'remove';
    removeButton.setAttribute('aria-label', `移除：第 ${index + 1} 个案例`);
    removeButton.addEventListener('click', () => {
      const before = this.edit({ type: 'remove', id: item.id });
      const at = before.items.findIndex((i) => i.id === item.id);
      if (at < 0) return; // already gone (removed in another tab)
      this.offerUndo(
        `已删除${quote(title.textContent ?? '')}。`,
        { type: 'restore', items: [{ item: before.items[at], index: at }] },
        item.id,
      );
    });
    const note = el('textarea', {
      value: item.note,
      name: `note-${item.id}`,
      maxLength: NOTE_MAX,
      placeholder: '教师备注（可选）：讲解要点、讨论时间……',
    });
    note.dataset.do = 'note';
    note.setAttribute('aria-label', `第 ${index + 1} 个案例的教师备注`);
    const count = el('span', { className: 'note-count small muted', id: `note-count-${item.id}` });
    const showCount = () => {
      count.textContent = `${note.value.length} / ${NOTE_MAX}`;
      count.classList.toggle('full', note.value.length >= NOTE_MAX);
    };
    showCount();
    note.setAttribute('aria-describedby', count.id);
    note.addEventListener('input', () => {
      showCount();
      this.edit({ type: 'note', id: item.id, note: note.value }, false);
    });
    li.append(
      el('div', { className: 'item-head' }, handle, el('span', { textContent: `${index + 1}.` }), title),
      meta,
      note,
      count,
      el(
        'div',
        { className: 'item-buttons' },
        button('up', '上移', index === 0, { type: 'move', id: item.id, delta: -1 }),
        button('down', '下移', index === total - 1, { type: 'move', id: item.id, delta: 1 }),
        removeButton,
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
      if (!this.dragging || !target?.dataset.id) return;
      this.edit({ type: 'moveOnto', id: this.dragging, target: target.dataset.id });
    });
    this.list.addEventListener('dragend', () => {
      this.dragging = undefined;
      for (const li of this.list.children) li.classList.remove('dragging', 'drop-target');
    });
  }

  /** The site's root as this page was opened (the lesson page sits at <root>/lesson/), never a configured host. */
  private siteRoot() {
    return new URL('../', new URL(location.pathname, location.origin)).href;
  }

  /** This page's address without its query: what a share link adds `?l=` to. */
  private pageUrl() {
    return new URL(location.pathname, location.origin).href;
  }

  /** The share link, from the address this page was opened at (so it works on any host or path). */
  private shareUrl(lesson = this.lesson) {
    return shareLink(this.pageUrl(), lesson);
  }

  /** The share link of this lesson or of another named one: it carries the name and the cases. */
  private share(lesson = this.lesson) {
    const url = this.shareUrl(lesson);
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
    return all.filter((x): x is { item: LessonItem; data: CaseData } => !!x.data);
  }

  /**
   * In WeChat a file made here would be dropped without a word: the address is made the share link
   * instead (so 在浏览器打开 takes this lesson along, with its cases, order and notes) and the page says so.
   */
  private downloadsDropped(): boolean {
    if (!dropsPageDownloads()) return false;
    this.carryToBrowser(IN_APP_DOWNLOAD_HELP, 'error');
    return true;
  }

  /** Makes the address the share link, so 在浏览器打开 takes this lesson along, and says what to do. */
  private carryToBrowser(help: string, kind: 'info' | 'error') {
    history.replaceState(history.state, '', this.shareUrl());
    this.sayAtActions(`${help}这个教案已写进网址，会一起带过去。`, kind);
  }

  /**
   * What a print or export button did, said under the buttons, where the trainer is looking (the
   * page's messages stand at its top, a screen or more above them on a phone); one at a time.
   */
  private sayAtActions(text: string, kind: 'info' | 'error') {
    const box = this.querySelector<HTMLElement>('[data-action-messages]')!;
    box.replaceChildren(el('p', { className: `notice ${kind}` }, text));
    box.scrollIntoView({ block: 'nearest' });
  }

  private async exportMarkdown() {
    if (this.downloadsDropped()) return;
    const entries = (await this.loaded()).map((x) => exportEntry(x.data)).map((e) => ({ ...e, source: printableSource(e) }));
    const markdown = toMarkdown(this.lesson, entries, this.siteRoot(), { includeNotes: this.notesOption.checked });
    downloadText(`${this.lesson.title || '教案'}.md`, markdown);
  }

  /**
   * The Word handout or the slide deck. Their libraries (large) are loaded only now, on click; the
   * button says so while it works, and a failure is reported rather than swallowed.
   */
  private async exportFile(button: HTMLButtonElement, kind: 'docx' | 'pptx') {
    const label = button.textContent;
    const what = kind === 'docx' ? 'Word 讲义' : 'PPT 课件';
    if (this.downloadsDropped()) return;
    button.disabled = true;
    button.textContent = `正在生成 ${what}…`;
    try {
      const entries = (await this.loaded()).map((x) => exportEntry(x.data));
      const [{ exportLesson }, { lessonQrLink }] = await Promise.all([import('./lesson-export.ts'), import('../lib/lesson-qr.ts')]);
      const includeNotes = this.notesOption.checked;
      const blob = await exportLesson(kind, this.lesson, entries, {
        site: this.siteRoot(),
        lessonUrl: lessonQrLink(this.lesson, this.pageUrl(), includeNotes),
        includeNotes,
      });
      downloadBlob(`${this.lesson.title || '教案'}.${kind}`, blob);
    } catch (error) {
      this.sayAtActions(`${what}没能生成：${error instanceof Error ? error.message : String(error)}。请刷新页面再试。`, 'error');
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  private scheduleHandout() {
    clearTimeout(this.renderTimer);
    this.handout.dataset.state = 'pending'; // tests wait for "ready" after any change
    this.renderTimer = window.setTimeout(() => this.renderHandout(), 300);
  }

  /**
   * Builds the handout; a failure is said under the buttons and marks the handout `error`, rather
   * than leaving the preview blank and the page waiting for ever.
   */
  private async renderHandout() {
    try {
      await this.drawHandout();
    } catch (error) {
      this.handout.dataset.state = 'error';
      this.sayAtActions(`讲义没能生成：${error instanceof Error ? error.message : String(error)}。请刷新页面再试。`, 'error');
    }
  }

  /** Builds the handout (src/client/lesson-handout.ts) with the options chosen on the page. */
  private async drawHandout() {
    const lesson = this.lesson;
    const entries = await this.loaded();
    if (lesson !== this.lesson) return; // changed meanwhile; the next render will do it
    const site = this.siteRoot();
    setPageFooter(site);
    // QR codes for paper → phone: a small module (uqr and a PNG encoder), loaded once the handout has
    // entries (an empty lesson draws no handout, so a first visit loads none of it).
    const [{ qrDataUri }, { lessonQrLink }] = entries.length
      ? await Promise.all([import('../lib/qr-png.ts'), import('../lib/lesson-qr.ts')])
      : [{ qrDataUri: () => '' }, { lessonQrLink: () => '' }];
    if (lesson !== this.lesson) return;
    const includeNotes = this.notesOption.checked;
    await renderHandout(this.handout, {
      lesson,
      entries: entries.map(({ item, data }) => ({ item, data: handoutCase(data) })),
      site,
      lessonUrl: lessonQrLink(lesson, this.pageUrl(), includeNotes),
      qrDataUri,
      includeNotes,
      summary: this.summaryOption.checked,
    });
    this.fitPreview();
  }

  /**
   * The preview is laid out at the printed width (A4, about 200 mm): on a phone it is scaled down to
   * the screen's width, as a print preview is, rather than cut off at the right edge; the page
   * numbers are measured at the printed width whatever the scale (lesson-handout.ts), and print
   * ignores it (lesson.astro).
   */
  private fitPreview() {
    const box = this.handout.parentElement!;
    this.handout.style.transform = '';
    box.style.height = '';
    box.style.overflow = '';
    const scale = Math.min(1, box.clientWidth / this.handout.offsetWidth);
    const fit = this.handout.offsetWidth > 0 && scale < 0.98;
    this.querySelector<HTMLElement>('[data-fit-note]')!.hidden = !fit;
    if (!fit) return;
    this.handout.style.transformOrigin = '0 0';
    this.handout.style.transform = `scale(${scale})`;
    box.style.height = `${Math.ceil(this.handout.offsetHeight * scale)}px`;
    box.style.overflow = 'hidden';
  }
}

/**
 * The printed page's footer: the site address and page numbers, in the page margins. A
 * constructed stylesheet, because the site's Content-Security-Policy allows no inline <style>.
 */
const footerSheet = new CSSStyleSheet();
function setPageFooter(site: string) {
  const quoted = JSON.stringify(`工作法案例库 ${site}`);
  footerSheet.replaceSync(
    `@page { @bottom-left { content: ${quoted}; font-size: 8pt; color: #555; } @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }`,
  );
  if (!document.adoptedStyleSheets.includes(footerSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, footerSheet];
}

customElements.define('lesson-editor', LessonEditor);
