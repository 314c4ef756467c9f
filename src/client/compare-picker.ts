/**
 * The picker on an empty /compare/: the lesson's cases in one click, or two to four cases ticked
 * in the full list (narrowed by a word typed above it). The list itself is in the page's HTML;
 * this shows it, keeps the count and the limit, and opens /compare/?ids=… on submit.
 */
import { foldText, keywordTerms, matchesTerms } from '../lib/catalogue-refine.ts';
import { href } from '../lib/url.ts';
import { loadLesson } from './lesson-store.ts';

const MAX = 4;

export function setUpPicker(root: HTMLElement, preselected: string[]) {
  const picker = root.querySelector<HTMLElement>('[data-compare-picker]');
  if (!picker) return;
  picker.hidden = false;
  const form = picker.querySelector<HTMLFormElement>('form')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const rows = boxes.map((box) => ({ box, item: box.closest('li')!, text: foldText(box.closest('li')!.textContent ?? '') }));
  const count = picker.querySelector('[data-picker-count]')!;
  const submit = form.querySelector<HTMLButtonElement>('[data-picker-submit]')!;
  const note = picker.querySelector('[data-picker-note]')!;
  const titles = new Map(rows.map(({ box, item }) => [box.value, item.querySelector('.picker-title')?.textContent ?? box.value]));

  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);
  const update = () => {
    const ids = chosen();
    count.textContent = String(ids.length);
    // At the limit the other boxes rest, so a fifth tick cannot be lost silently.
    for (const box of boxes) box.disabled = !box.checked && ids.length >= MAX;
    submit.setAttribute('aria-disabled', String(ids.length < 2));
    note.textContent = ids.length >= MAX ? `已选满 ${MAX} 个；要换一个，先取消一个。` : ids.length === 1 ? '再选至少 1 个。' : '';
  };
  for (const box of boxes) {
    box.checked = preselected.includes(box.value);
    box.addEventListener('change', update);
  }
  update();

  const filter = picker.querySelector<HTMLInputElement>('[data-picker-filter]');
  filter?.addEventListener('input', () => {
    const terms = keywordTerms(filter.value);
    let shown = 0;
    for (const { item, text, box } of rows) {
      const hide = !box.checked && !matchesTerms(text, terms);
      item.hidden = hide;
      if (!hide) shown++;
    }
    picker.querySelector('[data-picker-shown]')!.textContent = terms.length ? `列出 ${shown} 个` : '';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = chosen();
    if (ids.length < 2) {
      note.textContent = '请至少选 2 个案例。';
      return;
    }
    location.assign(`${href('/compare/')}?ids=${ids.join(',')}`);
  });

  // From the lesson: its first four cases that this site has.
  const lesson = (loadLesson()?.items ?? []).map((i) => i.id).filter((id) => titles.has(id));
  const fromLesson = picker.querySelector<HTMLElement>('[data-picker-lesson]');
  if (fromLesson && lesson.length >= 2) {
    const ids = lesson.slice(0, MAX);
    const link = fromLesson.querySelector<HTMLAnchorElement>('a')!;
    link.href = `${href('/compare/')}?ids=${ids.join(',')}`;
    link.textContent = `对比教案中的${lesson.length > MAX ? `前 ${MAX} 个` : ` ${ids.length} 个`}案例`;
    fromLesson.querySelector('[data-picker-lesson-titles]')!.textContent = ids.map((id) => titles.get(id)).join('、');
    fromLesson.hidden = false;
  }
}
