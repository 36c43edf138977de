import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/plan/suggest.js';

const commands = ['list', 'show', 'render', 'validate', 'init', 'import', 'export', 'departments', 'periods', 'completion', 'help'];

describe('suggest, for the everyday commands and values', () => {
  it.each([
    ['complete', commands, 'completion'], // three edits away, but most of its beginning is shared
    ['departement', commands, 'departments'],
    ['imprt', commands, 'import'],
    ['exprot', commands, 'export'],
    ['period', commands, 'periods'],
    ['bsh', ['bash', 'zsh', 'fish'], 'bash'],
    ['ical', ['ics'], undefined], // too far: choiceArg names a single choice anyway
    ['compl', ['completion', 'complete'], undefined], // shares its beginning with two: no guess
    ['dep', commands, 'departments'],
  ] as const)('%j among %j → %j', (input, known, expected) => {
    expect(suggest(input, known)).toBe(expected);
  });
});
