/**
 * Picks the role a person held on a given date from dated role records.
 */
import type { Role } from '../model';

/** True when `date` (YYYY-MM-DD) lies within the role's [from, to] range; a missing bound is open. */
export function roleCovers(role: Role, date: string): boolean {
  if (role.from && role.from > date) return false;
  if (role.to && role.to < date) return false;
  return true;
}

/**
 * The role held on `date`. When several overlap (an MP who is also a minister), the one with an office key
 * wins over plain membership, then the most recently started. Roles without any dates are never picked:
 * we cannot say they held on that day.
 */
export function roleOnDate(roles: readonly Role[], date: string): Role | null {
  let best: Role | null = null;
  for (const role of roles) {
    if (!role.from && !role.to) continue;
    if (!roleCovers(role, date)) continue;
    if (
      !best ||
      rank(role) > rank(best) ||
      (rank(role) === rank(best) && (role.from ?? '') > (best.from ?? ''))
    ) {
      best = role;
    }
  }
  return best;
}

function rank(role: Role): number {
  return role.office ? 1 : 0;
}

/** The holder of an office on a date among candidate entities' roles, or null when none or several. */
export function holderOn<T extends { id: string; roles: readonly Role[] }>(
  candidates: readonly T[],
  office: string,
  date: string,
): T | null {
  const holders = candidates.filter((c) =>
    c.roles.some((r) => r.office === office && (r.from || r.to) && roleCovers(r, date)),
  );
  return holders.length === 1 ? (holders[0] ?? null) : null;
}
