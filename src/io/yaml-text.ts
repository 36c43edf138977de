import { fastParse } from './fast-yaml.js';

// Words a YAML 1.1 reader (PyYAML, older tools) turns into booleans or null.
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/**
 * A string as a YAML scalar for one line of a block mapping: plain when that reads back as the
 * same string (in YAML 1.2 and 1.1), else double-quoted (JSON escapes are valid YAML). The fast
 * reader decides: it reads a plain scalar only where `yaml` reads the same string, and gives up
 * on anything doubtful, which then gets quotes.
 */
export function yamlScalar(value: string): string {
  if (value === '' || YAML11_WORDS.test(value) || value !== value.trim() || /[\n\r]/.test(value)) return JSON.stringify(value);
  return fastParse(`k: ${value}\n`)?.data.k === value ? value : JSON.stringify(value);
}

/** A string as a scalar inside a flow collection, where `,[]{}` (and, in a mapping, `:`) also need quotes. */
export function yamlFlowScalar(value: string): string {
  return /[,[\]{}:]/.test(value) ? JSON.stringify(value) : yamlScalar(value);
}

/** A flow mapping of strings: `{title: 序号, key: id}`. */
export function yamlFlowMap(entries: Readonly<Record<string, string>>): string {
  return `{${Object.entries(entries).map(([k, v]) => `${yamlFlowScalar(k)}: ${yamlFlowScalar(v)}`).join(', ')}}`;
}

/** A flow sequence of strings: `[局工会, 机关工会]`. */
export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map(yamlFlowScalar).join(', ')}]`;
}
