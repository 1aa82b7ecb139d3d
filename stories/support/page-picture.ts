/** A generated "screenshot" of an LMS page for the editor: header, menu, a lesson and a learner's name to black out. */
import type { EditorImage } from '../../src/widget/screenshot/editor/editor-image';

/** Draws the page on a canvas of `width` × `height`. */
export function drawLmsPage(width = 1280, height = 800): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d');
  if (c === null) throw new Error('no 2d canvas');
  c.fillStyle = '#f5f7fa';
  c.fillRect(0, 0, width, height);
  c.fillStyle = '#2f6fed';
  c.fillRect(0, 0, width, 64);
  c.fillStyle = '#ffffff';
  c.font = '600 24px sans-serif';
  c.fillText('Учебный центр «Профи» — СДО', 24, 42);
  c.fillText('Иванова Мария Петровна', width - 340, 42);
  c.fillStyle = '#e6ebf1';
  c.fillRect(0, 64, 240, height - 64);
  c.fillStyle = '#1b1f24';
  c.font = '18px sans-serif';
  ['Мои курсы', 'Расписание', 'Заявки', 'Документы', 'Профиль'].forEach((item, index) => c.fillText(item, 24, 110 + index * 44));
  c.font = '600 28px sans-serif';
  c.fillText('Охрана труда: итоговый тест', 280, 120);
  c.font = '18px sans-serif';
  c.fillText('Вопрос 7 из 20. Кто обязан обеспечить проведение инструктажа?', 280, 170);
  c.fillStyle = '#ffffff';
  c.fillRect(280, 200, width - 320, 220);
  c.fillStyle = '#fef3f2';
  c.fillRect(280, 450, width - 320, 80);
  c.fillStyle = '#b42318';
  c.font = '600 20px sans-serif';
  c.fillText('Ошибка 500: не удалось сохранить ответ', 304, 498);
  return canvas;
}

/** The page as an editor image (the canvas itself is the image source). */
export function lmsPageImage(width = 1280, height = 800): EditorImage {
  return { source: drawLmsPage(width, height), width, height, release: () => undefined };
}

/** The page as a PNG blob (what a capture would return). */
export function lmsPagePng(width = 1280, height = 800): Promise<Blob> {
  return new Promise((resolve, reject) => drawLmsPage(width, height).toBlob((blob) => (blob === null ? reject(new Error('toBlob')) : resolve(blob)), 'image/png'));
}
