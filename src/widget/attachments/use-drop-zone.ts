/** Drag-and-drop of files onto an element, with a `dragging` state for a visible drop target. */
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { carriesFiles, filesOf } from './model/transfer-files';

/** Handlers to spread on the drop zone and whether files are being dragged over it. */
export function useDropZone(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; counting them keeps the state from flickering.
  const depth = useRef(0);
  const handlers = {
    onDragEnter(event: DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(event: DragEvent) {
      if (!carriesFiles(event.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(event: DragEvent) {
      const files = filesOf(event.dataTransfer);
      depth.current = 0;
      setDragging(false);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    },
  };
  return { dragging, handlers };
}
