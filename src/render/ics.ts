// iCalendar (RFC 5545) text: CRLF line ends, TEXT values escaped, lines folded at 75 octets.

/** An all-day event: DTSTART is its first day, DTEND the day after its last (both YYYYMMDD). */
export interface IcsEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  categories: readonly string[];
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  /** DTSTAMP of every event, as YYYYMMDDTHHMMSSZ. */
  stamp: string;
  events: readonly IcsEvent[];
}

/** A whole VCALENDAR with one VEVENT per event. */
export function renderIcs(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...cal.events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${cal.stamp}`,
      `DTSTART;VALUE=DATE:${e.start}`,
      `DTEND;VALUE=DATE:${e.end}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.categories.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A content line folded so no line exceeds 75 octets, never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let [part, size, limit] = ['', 0, 75];
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > limit) {
      parts.push(part);
      [part, size, limit] = ['', 0, 74]; // the leading space counts
    }
    part += ch;
    size += n;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
