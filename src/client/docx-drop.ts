/**
 * <docx-drop>: the /submit/ page's Word import. A dropped or chosen .docx is converted in the
 * browser (nothing is uploaded) by the same code as `npm run import`, then fills the form of
 * <case-submit>, which checks it as it checks anything typed. This element is all that loads
 * with the page: mammoth and the import code (docx-import.ts) load only when a file arrives.
 * Sets `data-state` to `working`, then `done` or `error`, for people and tests to wait on.
 */
class DocxDrop extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('[data-docx-input]')!;
    input.addEventListener('change', () => input.files?.[0] && this.import(input.files[0]));
    this.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.classList.add('over');
    });
    this.addEventListener('dragleave', () => this.classList.remove('over'));
    this.addEventListener('drop', (event) => {
      event.preventDefault();
      this.classList.remove('over');
      const file = event.dataTransfer?.files[0];
      if (file) this.import(file);
    });
  }

  private status = (text: string, state: string) => {
    this.querySelector('[data-docx-status]')!.textContent = text;
    this.dataset.state = state;
  };

  private async import(file: File) {
    // The import fills every box: work already typed there (and its saved draft) would be gone.
    const form = document.querySelector<HTMLFormElement>('case-submit [data-form]');
    const typed = [...(form?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea') ?? [])].some(
      (box) => box.value.trim() !== '',
    );
    if (typed && !confirm(`导入“${file.name}”会替换表单里已经填写的内容，继续吗？\n（想保留现在的内容，请先点“下载 .mdx 文件”。）`)) {
      this.querySelector<HTMLInputElement>('input[type="file"]')!.value = '';
      return this.status('没有导入：表单里已经填写的内容保持不变。', 'done');
    }
    this.status(`正在读取“${file.name}”……`, 'working');
    this.querySelector('[data-docx-report]')!.replaceChildren();
    let run: typeof import('./docx-import.ts').runImport;
    try {
      run = (await import('./docx-import.ts')).runImport;
    } catch {
      return this.status('✗ 导入程序没有加载成功（网络断开？）：请刷新页面后再试', 'error');
    }
    await run(this, file, this.status);
  }
}

customElements.define('docx-drop', DocxDrop);
