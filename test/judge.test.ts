import { RowJudge } from '../src/judge/judge.js';
import { Room } from '../src/plan/quota.js';
import type { RowCells } from '../src/judge/normalise.js';

function row(n: number, name: string, extra: RowCells = {}) {
  return {
    row: n,
    cells: { Name: name, EmailAddress: `${name || 'x'}@example.com`, Title: 'CEO', MessageTypes: 'ServiceMessage', ...extra },
  };
}

function judgeAll(rows: ReturnType<typeof row>[], room = 20) {
  const judge = new RowJudge({ site: 'intl', room: new Room(room, 0), columnOf: (f) => f });
  return rows.map((r) => judge.judge(r).result);
}

describe('dedupe', () => {
  it('the first valid row claims a name; later rows with it, in any case, are duplicates naming that row', () => {
    const results = judgeAll([row(2, 'Alice'), row(3, 'ALICE'), row(4, 'Bob'), row(5, 'alice')]);
    expect(results.map((r) => r.status)).toEqual(['valid', 'duplicate', 'valid', 'duplicate']);
    expect(results[1]!.errors).toEqual([
      {
        field: 'Name',
        code: 'InvalidParameter.Name.AlreadyUsed',
        message: 'Name: "ALICE" is already used by row 2 (names are compared ignoring case)',
      },
    ]);
    expect(results[3]!.errors[0]!.message).toMatch(/row 2/);
  });

  it('an invalid row does not claim its name', () => {
    const results = judgeAll([row(2, 'Alice', { Title: 'Astronaut' }), row(3, 'alice')]);
    expect(results.map((r) => r.status)).toEqual(['invalid', 'valid']);
  });
});

describe('over_quota', () => {
  it('valid unique rows past the limit, in sheet order, are over_quota; duplicates and invalid rows do not use it up', () => {
    const results = judgeAll(
      [row(2, 'Alice'), row(3, 'alice'), row(4, 'Bob', { EmailAddress: 'bad' }), row(5, 'Carol'), row(6, 'Dave'), row(7, 'Erin')],
      2,
    );
    expect(results.map((r) => [r.row, r.status])).toEqual([
      [2, 'valid'],
      [3, 'duplicate'],
      [4, 'invalid'],
      [5, 'valid'],
      [6, 'over_quota'],
      [7, 'over_quota'],
    ]);
    expect(results[4]!.errors).toEqual([
      expect.objectContaining({ field: null, code: 'LimitExceeded.Contacts', message: expect.stringMatching(/^no room: the directory holds 0 of 2 contacts/) }),
    ]);
  });

  it('a name past the quota still claims it, so a later repeat is a duplicate', () => {
    const results = judgeAll([row(2, 'Alice'), row(3, 'Bob'), row(4, 'bob')], 1);
    expect(results.map((r) => r.status)).toEqual(['valid', 'over_quota', 'duplicate']);
  });
});
