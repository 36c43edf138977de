// Git's conflict markers, looked for only in a text that failed to parse: a plan left mid-merge
// gets one message saying so rather than the YAML errors the markers cause.

/** A marker line as git writes it: `<<<<<<< ours`, `||||||| base` (diff3), `=======`, `>>>>>>> theirs`. */
const MARKER = /^(?:(?:<{7}|\|{7}|>{7})(?: .*)?|={7})$/;
/** Only these mark a conflict for sure: a lone `=======` or `|||||||` may be text of the plan. */
const OPENS_OR_CLOSES = /^[<>]{7}/;

/**
 * The 1-based lines of git conflict markers in a text (LF or CRLF, a leading byte-order mark
 * ignored); none unless a `<<<<<<<` or `>>>>>>>` line is among them.
 */
export function conflictMarkerLines(text: string): number[] {
  const lines: number[] = [];
  let sure = false;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    // Cheap test first: a marker line starts with one of the four marker characters.
    const c = text.charCodeAt(start);
    if (c === 0x3c || c === 0x3d || c === 0x3e || c === 0x7c) {
      const content = text.slice(start, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
      if (MARKER.test(content)) {
        lines.push(line);
        sure ||= OPENS_OR_CLOSES.test(content);
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return sure ? lines : [];
}
