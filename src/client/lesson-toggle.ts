/** <lesson-toggle data-id>: adds the entry to the lesson or takes it out, and shows which. */
import { has, MAX_ITEMS } from '../lib/lesson.ts';
import { loadLesson, updateLesson, watchLesson } from './lesson-store.ts';

class LessonToggle extends HTMLElement {
  connectedCallback() {
    // The entry page renders its button (LessonToggle `rendered`, disabled until now); elsewhere it is made here.
    const button =
      this.querySelector<HTMLButtonElement>('button.lesson-toggle') ??
      this.appendChild(
        Object.assign(document.createElement('button'), { type: 'button', className: 'lesson-toggle', textContent: '加入教案' }),
      );
    const id = this.dataset.id!;
    button.addEventListener('click', () => {
      // Decided on the stored lesson, not on what this page last showed: another tab may have changed it.
      const lesson = loadLesson();
      if (!lesson) alert('已保存的教案无法读取，请先打开“教案”页面处理。');
      else if (has(lesson, id)) updateLesson({ type: 'remove', id });
      else if (lesson.items.length >= MAX_ITEMS) alert(`一份教案最多 ${MAX_ITEMS} 个案例。`);
      else updateLesson({ type: 'add', id });
    });
    watchLesson((lesson) => {
      const inLesson = has(lesson, id);
      button.setAttribute('aria-pressed', String(inLesson));
      button.textContent = inLesson ? '✓ 已加入教案' : '加入教案';
    });
    button.disabled = false;
  }
}

if (!customElements.get('lesson-toggle')) customElements.define('lesson-toggle', LessonToggle);
