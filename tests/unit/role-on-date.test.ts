import { describe, expect, it } from 'vitest';
import type { Role } from '../../core/model';
import { holderOn, roleOnDate } from '../../core/roles/role-on-date';

const source = { dataset: 'd', record: 'r' };
const mp: Role = { title: 'Member of Parliament', from: '2015-05-07', source };
const pm: Role = { title: 'Prime Minister', office: 'gb:prime-minister', from: '2024-07-05', source };
const oldJob: Role = {
  title: 'Director of Public Prosecutions',
  from: '2008-11-01',
  to: '2013-10-31',
  source,
};

describe('role on a date', () => {
  it('prefers an office over plain membership on the same day', () => {
    expect(roleOnDate([mp, pm, oldJob], '2025-02-26')?.title).toBe('Prime Minister');
  });
  it('returns the role that covered an earlier date', () => {
    expect(roleOnDate([mp, pm, oldJob], '2010-01-01')?.title).toBe('Director of Public Prosecutions');
  });
  it('returns null when no dated role covers the date', () => {
    expect(roleOnDate([oldJob], '2020-01-01')).toBeNull();
    expect(roleOnDate([{ title: 'Undated', source }], '2020-01-01')).toBeNull();
  });
  it('finds the single holder of an office on a date', () => {
    const people = [
      { id: 'a', roles: [pm] },
      { id: 'b', roles: [{ ...pm, from: '2022-10-25', to: '2024-07-05' }] },
    ];
    expect(holderOn(people, 'gb:prime-minister', '2025-02-26')?.id).toBe('a');
    expect(holderOn(people, 'gb:prime-minister', '2023-01-01')?.id).toBe('b');
    expect(holderOn(people, 'gb:prime-minister', '2019-01-01')).toBeNull();
  });
});
