import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const README = join(ROOT, 'README.md');
const PAGES = [README, ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))];

/** The text of a markdown page outside fenced code blocks and code spans, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of the inline links and images of a page: `[text](target)`. */
function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to `-`. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const text = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('README.md', () => {
  const readme = readFileSync(README, 'utf8');

  it('is a page a user reads: at most 22 KiB', () => {
    expect(statSync(README).size).toBeLessThanOrEqual(22 * 1024);
  });

  it('gives the quick start as two commands on a fresh clone', () => {
    const start = readme.indexOf('## Quick start');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(section).toContain('```sh\nnpm install && npx plan list --period 3-4月\nnpm test\n```');
  });

  it('links every page in docs/', () => {
    const linked = new Set(links(readme).map((target) => target.split('#')[0]));
    expect(linked.size).toBeGreaterThan(PAGES.length);
    for (const page of PAGES.slice(1)) expect(linked, relative(ROOT, page)).toContain(relative(ROOT, page));
    expect(linked).toContain('docs/ci.md');
  });
});

describe.each(PAGES.map((page) => [relative(ROOT, page), page] as const))('%s', (_, page) => {
  const text = readFileSync(page, 'utf8');
  const relativeLinks = links(text).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

  it('links only files that exist, and headings that exist', () => {
    const broken: string[] = [];
    for (const target of relativeLinks) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : join(dirname(page), decodeURI(path));
      if (!existsSync(file)) {
        broken.push(target);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });
});
