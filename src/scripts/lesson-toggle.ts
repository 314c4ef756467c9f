/** <lesson-toggle data-id>: adds the entry to the lesson or takes it out, and shows which. */
import { add, has, remove, MAX_ITEMS } from '../lib/lesson.ts';
import { loadLesson, saveLesson, watchLesson } from './lesson-store.ts';

class LessonToggle extends HTMLElement {
  connectedCallback() {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'lesson-toggle', textContent: '加入教案' });
    this.append(button);
    const id = this.dataset.id!;
    button.addEventListener('click', () => {
      const lesson = loadLesson();
      if (!lesson) alert('已保存的教案无法读取，请先打开“教案”页面处理。');
      else if (has(lesson, id)) saveLesson(remove(lesson, id));
      else if (lesson.items.length >= MAX_ITEMS) alert(`一份教案最多 ${MAX_ITEMS} 个案例。`);
      else saveLesson(add(lesson, id));
    });
    watchLesson((lesson) => {
      const inLesson = has(lesson, id);
      button.setAttribute('aria-pressed', String(inLesson));
      button.textContent = inLesson ? '✓ 已加入教案' : '加入教案';
    });
  }
}

if (!customElements.get('lesson-toggle')) customElements.define('lesson-toggle', LessonToggle);
