/** The header's lesson link shows how many entries the lesson holds. */
import { watchLesson } from './lesson-store.ts';

class LessonCount extends HTMLElement {
  connectedCallback() {
    const count = this.querySelector('[data-count]')!;
    watchLesson((lesson) => {
      count.textContent = lesson.items.length ? `（${lesson.items.length}）` : '';
      this.setAttribute('aria-label', `教案，${lesson.items.length} 个案例`);
    });
  }
}

customElements.define('lesson-count', LessonCount);
