import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderIcs } from '../../src/render/ics.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['“三八”妇女节活动', '“三八”妇女节活动'],
    ['bell\x07 tab\t', 'bell tab\t'],
  ])('%j → %j', (s, out) => {
    expect(escapeText(s)).toBe(out);
  });
});

describe('foldLine', () => {
  // ASCII prefixes of every length shift where the multi-byte characters fall against the 75-octet limit.
  const texts = Array.from({ length: 8 }, (_, i) => `SUMMARY:${'x'.repeat(i)}${'机关职工各类补助慰问🎉(住院治疗、生育)'.repeat(6)}`);
  it.each(texts.map((t, i) => [i, t]))('folds at 75 octets without splitting a character (prefix %i)', (_i, text) => {
    const folded = foldLine(text as string);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [n, line] of lines.entries()) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      if (n > 0) expect(line[0]).toBe(' ');
      // Half a character (a split surrogate pair) does not survive a round trip through UTF-8.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    // A line is cut only when the next character would not fit.
    for (let n = 0; n < lines.length - 1; n++) {
      const next = [...lines[n + 1]!.slice(1)][0]!;
      expect(octets(lines[n]!) + octets(next)).toBeGreaterThan(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(text);
  });
  it('leaves a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
});

describe('renderIcs', () => {
  it('writes a calendar with CRLF line ends and one all-day event per entry', () => {
    const ics = renderIcs({
      prodId: '-//plan//test//ZH',
      name: '计划, 2024',
      stamp: '20240101T000000Z',
      events: [{ uid: 'u1@plan', start: '20240101', end: '20240301', summary: 'a;b', description: 'x\ny', categories: ['甲', 'c,d'] }],
    });
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//plan//test//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:计划\\, 2024',
      'BEGIN:VEVENT',
      'UID:u1@plan',
      'DTSTAMP:20240101T000000Z',
      'DTSTART;VALUE=DATE:20240101',
      'DTEND;VALUE=DATE:20240301',
      'SUMMARY:a\\;b',
      'DESCRIPTION:x\\ny',
      'CATEGORIES:甲,c\\,d',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
