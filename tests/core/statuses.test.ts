import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, canTransition, isFinalStatus, STATUSES, statusRequiresText } from '../../src/core';
import type { Actor, Status } from '../../src/core';

// The whole table, written out so a change to the state machine is a visible change to this test.
const expected: Record<Status, Partial<Record<Actor, Status[]>>> = {
  registered: {
    support: ['processing', 'clarification_requested', 'in_progress', 'answered', 'resolved', 'suggestion'],
    reporter: ['cancelled'],
  },
  processing: {
    support: ['clarification_requested', 'in_progress', 'answered', 'resolved', 'suggestion'],
    reporter: ['cancelled'],
  },
  clarification_requested: {
    support: ['in_progress', 'answered', 'resolved'],
    reporter: ['clarification_sent', 'cancelled'],
  },
  clarification_sent: {
    support: ['processing', 'clarification_requested', 'in_progress', 'answered', 'resolved', 'suggestion'],
    reporter: ['cancelled'],
  },
  in_progress: { support: ['clarification_requested', 'answered', 'resolved', 'suggestion'], reporter: ['cancelled'] },
  answered: { support: ['clarification_requested', 'in_progress', 'resolved'], reporter: ['cancelled'] },
  suggestion: { support: ['in_progress', 'resolved'], reporter: ['cancelled'] },
  cancelled: {},
  resolved: {},
};

describe('status transitions', () => {
  const actors: Actor[] = ['reporter', 'support', 'system'];
  for (const from of STATUSES) {
    for (const actor of actors) {
      it(`${actor} from ${from}`, () => {
        const allowed = expected[from][actor] ?? [];
        expect(allowedNextStatuses(from, actor).sort()).toEqual([...allowed].sort());
        for (const to of STATUSES) expect(canTransition(from, to, actor)).toBe(allowed.includes(to));
      });
    }
  }

  it('has exactly two final statuses, and the reporter may cancel every other one', () => {
    expect(STATUSES.filter(isFinalStatus)).toEqual(['cancelled', 'resolved']);
    for (const status of STATUSES) expect(canTransition(status, 'cancelled', 'reporter')).toBe(!isFinalStatus(status));
  });

  it('never lets anyone move a ticket back to "registered"', () => {
    for (const from of STATUSES) for (const actor of actors) expect(canTransition(from, 'registered', actor)).toBe(false);
  });

  it('asks a text for a question and an answer only', () => {
    expect(STATUSES.filter(statusRequiresText)).toEqual(['clarification_requested', 'answered']);
  });
});
