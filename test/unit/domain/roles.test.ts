import { describe, expect, it } from 'vitest';
import { mayChangeGoal, mayRemoveFromTeam, repAddRefusal, type Roles } from '../../../src/domain/roles.js';

const roles = (userId: string, more: Partial<Roles> = {}): Roles => ({ userId, isAdmin: false, manages: [], memberOf: [], ...more });
// East is managed by Max (Cal co-manages), West by Wes. Rita is an East rep, Zoe a West rep, Nia in no team, Mia an admin.
const max = roles('MAX', { manages: ['east'] });
const cal = roles('CAL', { manages: ['east'] });
const wes = roles('WES', { manages: ['west'] });
const rita = roles('RITA', { memberOf: ['east'] });
const zoe = roles('ZOE', { memberOf: ['west'] });
const nia = roles('NIA');
const mia = roles('MIA', { isAdmin: true });
const exManager = roles('MAX');

describe('mayChangeGoal', () => {
  it.each([
    ['the rep, their own goal', rita, 'RITA', true],
    ['the rep, a quota their manager set', rita, 'MAX', false],
    ['the rep, a quota an admin set', rita, 'MIA', false],
    ['the rep, a goal set by a manager who has since left', rita, 'OLD', false],
    ['their manager, a goal the rep set', max, 'RITA', true],
    ['their manager, a goal a co-manager set', max, 'CAL', true],
    ['an admin, any goal', mia, 'MAX', true],
    ['a manager removed from the team, a goal they set', exManager, 'MAX', false],
    ['another team’s manager', wes, 'RITA', false],
    ['another rep', zoe, 'RITA', false],
  ] as const)('%s: %s', (_who, actor, setBy, allowed) => {
    expect(mayChangeGoal(actor, rita, { setBy })).toBe(allowed);
  });
});

describe('repAddRefusal (adding to East as a rep)', () => {
  it.each([
    ['a manager, someone in no team', max, nia, null],
    ['a manager, a rep already in East', max, rita, null],
    ['a manager, a West rep', max, zoe, 'in_other_team'],
    ['a manager, West’s manager', max, wes, 'holds_role'],
    ['a manager, a co-manager of East', max, cal, 'holds_role'],
    ['a manager, an admin', max, mia, 'holds_role'],
    ['an admin, a West rep', mia, zoe, null],
    ['an admin, West’s manager', mia, wes, null],
  ] as const)('%s: %s', (_who, actor, person, refusal) => {
    expect(repAddRefusal(actor, person, 'east')).toBe(refusal);
  });
});

describe('mayRemoveFromTeam (from East)', () => {
  it.each([
    ['a manager removes a rep', max, rita, true],
    ['a manager removes a co-manager', max, cal, false],
    ['a manager removes themselves', max, max, false],
    ['an admin removes a manager', mia, max, true],
    ['another team’s manager removes a rep', wes, rita, false],
  ] as const)('%s', (_what, actor, person, allowed) => {
    expect(mayRemoveFromTeam(actor, person, 'east')).toBe(allowed);
  });
});
