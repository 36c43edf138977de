/** The plan file's data (schema version 1 or 2), as read from YAML. */
export interface Plan {
  schemaVersion: SchemaVersion;
  year: number;
  title: string;
  issuer?: string;
  docNumber?: string;
  issued?: string;
  notice?: { title?: string; to?: string; text?: string };
  printedBy?: string;
  printed?: string;
  annexTitle?: string;
  /** The registry: every lead and support unit (schema 2: possibly empty). */
  departments: string[];
  /** The annex's own columns, in order (schema 2; absent: DEFAULT_COLUMNS). */
  columns?: Column[];
  intro?: string;
  sections?: Section[];
  tasks: Task[];
}

export type SchemaVersion = 1 | 2;

/** The schema versions this tool reads. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [1, 2];

/** A column of the annex: a task key, or (no key) an extra field named by its title. */
export interface Column {
  title: string;
  key?: ColumnKey;
}

/** The task keys a column can show. */
export const COLUMN_KEYS = ['id', 'period', 'due', 'content', 'departments', 'support', 'owners', 'group'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** A narrative part; schema 1 numbers it with `no`, schema 2 with `label`. */
export interface Section {
  no?: string | number;
  label?: string | number;
  title: string;
  text?: string;
  items?: SectionItem[];
}

export interface SectionItem {
  no?: string | number;
  label?: string | number;
  title: string;
  text?: string;
}

export interface Task {
  id: number;
  /** When the work happens (a time expression); schema 1 requires it. */
  period?: string;
  /** By when (schema 2); a task has a period, a due, or both. */
  due?: string;
  content: string;
  /** Responsible (lead) units; schema 1 requires at least one. */
  departments?: string[];
  /** Co-operating units (schema 2). */
  support?: string[];
  /** Responsible persons, free text (schema 2). */
  owners?: string[];
  /** Category title (schema 2). */
  group?: string;
  /** Extra columns by title (schema 2). */
  fields?: Record<string, string>;
  completed?: Completion;
  cancelled?: Cancellation;
  log?: LogEntry[];
}

export interface Completion {
  date: string;
  by?: string;
  note?: string;
}

export interface Cancellation {
  date: string;
  reason?: string;
}

export interface LogEntry {
  date: string;
  note: string;
}

export type Status = 'done' | 'overdue' | 'current' | 'upcoming' | 'cancelled';
export const STATUSES: readonly Status[] = ['done', 'overdue', 'current', 'upcoming', 'cancelled'];
