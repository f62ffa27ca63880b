import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASS_LIMITS,
  isNewPage,
  judgeAddedText,
  type PassLimits,
  PassPlanner,
  takeWithinBudget,
} from '../../core/article/pass-budget';

const LIMITS: PassLimits = {
  ...DEFAULT_PASS_LIMITS,
  quietMs: 400,
  maxWaitMs: 2000,
  maxPassesPerWindow: 3,
  windowMs: 60_000,
  maxChangeFullPasses: 2,
};

describe('pass planner', () => {
  it('waits for nothing when no change has been seen', () => {
    const planner = new PassPlanner(LIMITS);
    expect(planner.delay(0)).toBeNull();
    expect(planner.begin(10_000)).toBeNull();
  });

  it('runs one incremental pass after a quiet period following a burst of changes', () => {
    const planner = new PassPlanner(LIMITS);
    planner.noteChange(1000, 'incremental');
    planner.noteChange(1100, 'incremental');
    planner.noteChange(1200, 'incremental');
    expect(planner.delay(1200)).toBe(400);
    expect(planner.begin(1500)).toBeNull();
    expect(planner.begin(1600)).toBe('incremental');
    expect(planner.pendingKind()).toBeNull();
    expect(planner.delay(1600)).toBeNull();
  });

  it('does not let a page that never settles postpone the pass past the maximum wait', () => {
    const planner = new PassPlanner(LIMITS);
    for (let t = 0; t <= 2000; t += 100) planner.noteChange(t, 'incremental');
    expect(planner.delay(2000)).toBe(0);
    expect(planner.begin(2000)).toBe('incremental');
  });

  it('caps the passes started within a window and names when the next may start', () => {
    const planner = new PassPlanner(LIMITS);
    for (const t of [0, 1000, 2000]) {
      planner.noteChange(t, 'incremental');
      expect(planner.begin(t + 400)).toBe('incremental');
    }
    planner.noteChange(3000, 'incremental');
    expect(planner.delay(3400)).toBe(60_400 - 3400);
    expect(planner.begin(3400)).toBeNull();
    expect(planner.begin(60_400)).toBe('incremental');
  });

  it('lets navigation turn a waiting incremental pass into a full one', () => {
    const planner = new PassPlanner(LIMITS);
    planner.noteChange(0, 'incremental');
    planner.noteNavigation(100);
    planner.noteChange(200, 'incremental');
    expect(planner.pendingKind()).toBe('full');
    expect(planner.begin(600)).toBe('full');
  });

  it('grants changes only a few full passes while no article is found, and navigation grants them again', () => {
    const planner = new PassPlanner(LIMITS);
    let t = 0;
    const fullPassFromChange = () => {
      t += 10_000;
      if (!planner.noteChange(t, 'full')) return false;
      expect(planner.begin(t + 400)).toBe('full');
      planner.endFull(false);
      return true;
    };
    expect(fullPassFromChange()).toBe(true);
    expect(fullPassFromChange()).toBe(true);
    expect(fullPassFromChange()).toBe(false);
    expect(planner.pendingKind()).toBeNull();

    t += 100_000;
    planner.noteNavigation(t);
    expect(planner.begin(t + 400)).toBe('full');
    planner.endFull(false);
    expect(fullPassFromChange()).toBe(true);
  });

  it('grants full passes again once one has found an article', () => {
    const planner = new PassPlanner({ ...LIMITS, maxChangeFullPasses: 1 });
    planner.noteChange(0, 'full');
    expect(planner.begin(400)).toBe('full');
    planner.endFull(true);
    expect(planner.noteChange(100_000, 'full')).toBe(true);
  });

  it('does not spend a change-granted full pass on a navigation pass', () => {
    const planner = new PassPlanner({ ...LIMITS, maxChangeFullPasses: 1 });
    planner.noteNavigation(0);
    planner.noteChange(100, 'full');
    expect(planner.begin(500)).toBe('full');
    planner.endFull(false);
    expect(planner.noteChange(100_000, 'full')).toBe(true);
  });
});

describe('text budget of a pass', () => {
  it('takes pieces of new content, oldest first, while they fit', () => {
    expect(takeWithinBudget([100, 200, 300], 350)).toBe(2);
    expect(takeWithinBudget([100, 200, 300], 600)).toBe(3);
  });

  it('always takes the first piece, so an oversized article is still read', () => {
    expect(takeWithinBudget([50_000, 10], 40_000)).toBe(1);
  });

  it('takes nothing when nothing is pending', () => {
    expect(takeWithinBudget([], 40_000)).toBe(0);
  });
});

describe('same-document navigation', () => {
  it('counts a new path or query as a new page', () => {
    expect(isNewPage('https://news.test/a/one', 'https://news.test/a/two')).toBe(true);
    expect(isNewPage('https://news.test/story?id=1', 'https://news.test/story?id=2')).toBe(true);
  });

  it('reads a new fragment as the same article', () => {
    expect(isNewPage('https://news.test/a/one', 'https://news.test/a/one#comments')).toBe(false);
    expect(isNewPage('https://news.test/a/one#top', 'https://news.test/a/one#section-2')).toBe(false);
  });
});

describe('judging an added text node', () => {
  const text = { hasLetters: true, parentRead: false, afterOwnMark: false, parentHoldsOwnMark: false };

  it('reads text added to an element no pass has read', () => {
    expect(judgeAddedText(text)).toBe('new');
  });

  it('skips text without letters (whitespace, a bare number of a counter)', () => {
    expect(judgeAddedText({ ...text, hasLetters: false })).toBe('skip');
  });

  it('skips the rest of a text node split to wrap a mark, which lands right after the mark', () => {
    expect(judgeAddedText({ ...text, parentRead: true, afterOwnMark: true, parentHoldsOwnMark: true })).toBe(
      'skip',
    );
  });

  it('reads an element again when the page rewrote its text and no mark is left in it', () => {
    expect(judgeAddedText({ ...text, parentRead: true })).toBe('reread');
  });

  it('leaves an edit beside marks the page keeps unread, so words around marks are not read alone', () => {
    expect(judgeAddedText({ ...text, parentRead: true, parentHoldsOwnMark: true })).toBe('skip');
  });
});
