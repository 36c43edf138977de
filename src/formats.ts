// Every command's output formats, in one place: the options in cli.ts and the commands both read
// them here, so a format is added once. Constants only, cheap to load at start-up.

export const LIST_FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const SHOW_FORMATS = ['text', 'json'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];

/** The annex as text for a terminal, a page or a spreadsheet import. */
export const GRID_FORMATS = ['table', 'markdown', 'html', 'csv', 'tsv'] as const;
export type GridFormat = (typeof GRID_FORMATS)[number];

/** The annex as an office file: bytes, written with -o or to a pipe. */
export const FILE_GRID_FORMATS = ['xlsx', 'docx'] as const;
export type FileGridFormat = (typeof FILE_GRID_FORMATS)[number];

export const RENDER_FORMATS = [...GRID_FORMATS, 'json', ...FILE_GRID_FORMATS] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export const RECORD_FORMATS = ['text', 'json'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const SUMMARY_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** html first: it needs no library and prints as the 公文 it lays out. */
export const DOCUMENT_FORMATS = ['html', 'markdown', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const VALIDATE_FORMATS = ['text', 'json', 'codequality'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export const EXPORT_FORMATS = ['ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What needs attention: for the terminal, a job summary or an issue, and scripts. */
export const AGENDA_FORMATS = ['table', 'markdown', 'json'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

/** A plan's or a task's changes from git: for the terminal, a job summary, and scripts. */
export const HISTORY_FORMATS = ['table', 'markdown', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];
