import type { DocumentFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { viewTasks } from '../plan/view.js';
import { annexGrid } from '../render/tasks.js';
import { openPlan } from './common.js';
import { annexTitle } from './render.js';
import { writeOutput } from './write-output.js';


export interface DocumentOptions {
  format: DocumentFormat;
  output?: string;
}

/** The whole notice as stored (header, notice, narrative, annex, imprint) as an HTML page, markdown, or a Word document. */
export async function document(opts: DocumentOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  if (opts.format === 'docx') {
    const { documentDocx } = await import('../render/document-docx.js');
    return writeOutput(await documentDocx(plan), opts.output, opts.format, { stdoutIsTTY: ctx.stdoutIsTTY });
  }
  const annex = annexGrid(plan, viewTasks(plan, ctx.asOf), { title: annexTitle(plan) });
  const text =
    opts.format === 'html'
      ? (await import('../render/document-html.js')).documentHtml(plan, annex, ctx.lang === 'en' ? 'en' : 'zh-CN')
      : (await import('../render/document-markdown.js')).documentMarkdown(plan, annex);
  return writeOutput(text, opts.output, opts.format);
}
