import { NameClaims, nameKey } from '../src/judge/dedupe.js';
import { seededRandom } from '../src/emulator/faults.js';

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

  it('agrees with a Map of folded names over 200,000 names, a tenth of them repeats in another case', () => {
    const random = seededRandom(3);
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ张王李伟芳Äöü';
    const names: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      if (names.length > 0 && random() < 0.1) {
        const earlier = names[Math.floor(random() * names.length)]!;
        names.push(random() < 0.5 ? earlier.toUpperCase() : earlier.toLowerCase());
        continue;
      }
      let name = '';
      const length = 2 + Math.floor(random() * 11);
      for (let j = 0; j < length; j++) name += letters[Math.floor(random() * letters.length)];
      names.push(name);
    }
    const expected = reference(names);
    expect(expected.filter((row) => row !== undefined).length).toBeGreaterThan(19_000);
    expect(claimAll(names)).toEqual(expected);
  });

  it('keeps row numbers past 65,535 and into the millions', () => {
    const claims = new NameClaims();
    expect(claims.claim('Alice', 3_000_000)).toBeUndefined();
    expect(claims.claim('alice', 3_000_001)).toBe(3_000_000);
  });
});
