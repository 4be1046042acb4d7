import { NameClaims, nameKey } from '../src/judge/dedupe.js';

/** What NameClaims must answer: the first row of each name, compared as nameKey compares them. */
function reference(names: string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return names.map((name, row) => {
    const earlier = first.get(nameKey(name));
    if (earlier === undefined) first.set(nameKey(name), row);
    return earlier;
  });
}

const claimAll = (names: string[]) => {
  const claims = new NameClaims();
  return names.map((name, row) => claims.claim(name, row));
};

describe('NameClaims', () => {
  it('names the first row of a name, in whatever case it comes again', () => {
    expect(claimAll(['Alice', 'Bob', 'ALICE', 'alice', 'bOB', 'Carol'])).toEqual([undefined, undefined, 0, 0, 1, undefined]);
  });

  it('tells apart names that share a beginning, or differ in one character or in length', () => {
    expect(claimAll(['Ann', 'Anna', 'Annb', 'An', 'ANNA', 'an'])).toEqual([undefined, undefined, undefined, undefined, 1, 3]);
  });

  it('compares Chinese names, mixed names and letters whose case only toLowerCase knows as nameKey does', () => {
    const names = ['张伟', '张伟伟', 'ZhangWei张', 'zhangwei张', 'Ärger', 'ärger', 'ÄRGER', 'ΟΔΟΣ', 'οδοσ', 'οδος', 'İstanbul', 'i̇stanbul', 'Straße', 'STRASSE'];
    expect(claimAll(names)).toEqual(reference(names));
    expect(claimAll(names)[3]).toBe(2);
    expect(claimAll(names)[6]).toBe(4);
  });
});
