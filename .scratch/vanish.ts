import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { writeFileSync } from 'node:fs';
const doc = new Document({ sections: [{ children: [
  new Paragraph({ children: [new TextRun('## 背景'), ] }),
  new Paragraph({ children: [new TextRun('看得见的文字。'), new TextRun({ text: '隐藏的电话13812345678', vanish: true })] }),
] }] });
const buf = await Packer.toBuffer(doc);
writeFileSync('/tmp/rt/vanish.docx', buf);
const r = await mammoth.convertToHtml({ buffer: buf });
console.log(r.value);
