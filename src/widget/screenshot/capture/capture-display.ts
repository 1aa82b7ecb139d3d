/**
 * Capture through the screen-capture API: ask for this tab, hide the widget, take one frame, stop every track.
 * Must run from a click (the browser requires a user gesture for getDisplayMedia).
 */

/** Options that make the browser offer this tab first (Chromium); unknown members are ignored elsewhere. */
const DISPLAY_OPTIONS = {
  video: { displaySurface: 'browser' },
  audio: false,
  preferCurrentTab: true,
  selfBrowserSurface: 'include',
} as DisplayMediaStreamOptions;

const nextFrame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

/** Waits until the hidden widget is painted away and the stream carries that frame. */
async function settle(win: Window): Promise<void> {
  await nextFrame(win);
  await nextFrame(win);
  await new Promise((resolve) => win.setTimeout(resolve, 150));
}

function frameToBlob(video: HTMLVideoElement, doc: Document): Promise<Blob> {
  const canvas = doc.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (context === null) return Promise.reject(new Error('no 2d context'));
  context.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('toBlob failed')) : resolve(blob)), 'image/png'));
}

/** Captures one frame of the tab the user picks; `hide` hides the widget and returns what shows it again. */
export async function captureDisplay(hide: () => () => void, win: Window = window): Promise<Blob> {
  const stream = await win.navigator.mediaDevices.getDisplayMedia(DISPLAY_OPTIONS);
  const video = win.document.createElement('video');
  const restore = hide();
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    await settle(win);
    return await frameToBlob(video, win.document);
  } finally {
    restore();
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

/** Whether a capture error means the user (or a policy) said no, rather than the method not working. */
export function isRefusal(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
