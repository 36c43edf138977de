// Schema 1 → 2 as a text edit: `schemaVersion: 1` becomes 2 and each narrative number's key
// `no` becomes `label`; nothing else in the file changes, byte for byte.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Splice } from './edit.js';

/** The splices that turn a schema 1 plan's text into schema 2 (the text must be a valid schema 1 plan). */
export function migrationSplices(text: string): Splice[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const splices: Splice[] = [];
  const root = doc.contents;
  if (!isMap(root)) return splices;
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    if (key.value === 'schemaVersion' && isScalar(pair.value)) {
      const [start, end] = (pair.value as Node).range!;
      splices.push({ start, end, text: '2' });
    }
    if (key.value === 'sections' && isSeq(pair.value)) {
      for (const section of pair.value.items) renameNo(section as Node, splices, true);
    }
  }
  return splices.sort((a, b) => a.start - b.start);
}

/** `no` → `label` in a narrative part and (for a part) in each of its items. */
function renameNo(node: Node, splices: Splice[], withItems: boolean): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    if (key.value === 'no') {
      const [start, end] = key.range!;
      splices.push({ start, end, text: 'label' });
    } else if (withItems && key.value === 'items' && isSeq(pair.value)) {
      for (const item of pair.value.items) renameNo(item as Node, splices, false);
    }
  }
}

/** The text with the splices made (in ascending order, not overlapping). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
