import { describe, expect, it } from 'vitest';
import { distance, suggest } from '../../src/plan/suggest.js';

const departments = ['局工会', '机关工会', '女工委', '组织人事处'];
const commands = ['list', 'show', 'render', 'validate', 'done', 'undo', 'log', 'summary'];

describe('suggest', () => {
  it.each([
    ['机关', departments, '机关工会'],
    ['组织人事', departments, '组织人事处'],
    ['女工', departments, '女工委'],
    ['lsit', commands, 'list'],
    ['shwo', commands, 'show'],
    ['rendr', commands, 'render'],
    ['don', ['done', 'overdue', 'current', 'upcoming', 'open'], 'done'],
    ['--perod', ['--period', '--month'], '--period'],
    ['xyz', commands, undefined],
    ['工会', departments, '局工会'], // in two names: the nearest by edits
    ['', commands, undefined],
  ] as const)('%j among %j → %j', (input, known, expected) => {
    expect(suggest(input, known)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(distance('lsit', 'list')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
  });
});
