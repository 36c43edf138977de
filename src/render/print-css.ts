// Print CSS shared by the HTML pages (annex, summary, document): CJK font stacks that find a
// font on Windows (仿宋, 黑体, 宋体 …), macOS (STFangsong …) and Linux (Noto/Source Han CJK), and the page.

/** Body text: 仿宋, else a CJK serif. */
export const SERIF = `"仿宋", "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", serif`;
/** Headings, labels, table headers: 黑体, else a CJK sans-serif. */
export const SANS = `"黑体", "SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
/** Titles: 小标宋, else a heavy CJK serif. */
export const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "宋体", serif`;
/** Second-level headings of a 公文: 楷体, else a CJK serif. */
export const KAI = `"楷体", "楷体_GB2312", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC", serif`;

/** Page margins of a printed table page; the document uses GB/T 9704's. */
export const TABLE_MARGIN = '18mm 15mm 20mm';

/**
 * The printed page: A4 (landscape for wide tables), its margins, the page number centred in the
 * bottom margin; `name` makes a named page that elements select with `page: <name>`.
 */
export function pageRule(opts: { landscape?: boolean; margin?: string; name?: string }): string {
  return (
    `@page${opts.name ? ` ${opts.name}` : ''} { size: A4 ${opts.landscape ? 'landscape' : 'portrait'}; margin: ${opts.margin ?? TABLE_MARGIN};\n` +
    `  @bottom-center { content: "— " counter(page) " —"; font-family: ${SERIF}; font-size: 11pt; } }\n`
  );
}

/** Tables that keep their column widths, repeat their header on each page and never split a row. */
export const TABLE_CSS = `
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
`;
