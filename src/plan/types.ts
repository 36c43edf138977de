/** The plan file's data (schema version 1), as read from YAML. */
export interface Plan {
  schemaVersion: 1;
  year: number;
  title: string;
  issuer?: string;
  docNumber?: string;
  issued?: string;
  notice?: { title?: string; to?: string; text?: string };
  printedBy?: string;
  printed?: string;
  annexTitle?: string;
  departments: string[];
  intro?: string;
  sections?: Section[];
  tasks: Task[];
}

export interface Section {
  no?: string | number;
  title: string;
  text?: string;
  items?: SectionItem[];
}

export interface SectionItem {
  no?: string | number;
  title: string;
  text?: string;
}

export interface Task {
  id: number;
  period: string;
  content: string;
  departments: string[];
  completed?: Completion;
  log?: LogEntry[];
}

export interface Completion {
  date: string;
  by?: string;
  note?: string;
}

export interface LogEntry {
  date: string;
  note: string;
}

export type Status = 'done' | 'overdue' | 'current' | 'upcoming';
export const STATUSES: readonly Status[] = ['done', 'overdue', 'current', 'upcoming'];

/** A period of the plan year: months `from`..`to` (1-12) and its canonical label. */
export interface Period {
  from: number;
  to: number;
  label: string;
}

/** The schema versions this tool reads. */
export const SCHEMA_VERSIONS: readonly number[] = [1];
