import { validateRow } from '../src/judge/validate.js';
import type { RowCells } from '../src/judge/normalise.js';
import type { Site } from '../src/judge/rules.js';

const good: RowCells = {
  Name: 'AliceWang',
  EmailAddress: 'alice@example.com',
  PhoneNumber: '86-13912345678',
  Title: 'TechnicalDirector',
  MessageTypes: 'ServiceMessage,FaultMessage',
  Members: '',
};

function problemsOf(overrides: RowCells, site: Site = 'intl') {
  const verdict = validateRow({ ...good, ...overrides }, site);
  return verdict.ok ? [] : verdict.problems;
}

function codesOf(overrides: RowCells, site: Site = 'intl'): string[] {
  return problemsOf(overrides, site).map((p) => p.code);
}

describe('a valid row', () => {
  it('becomes the contact in API form', () => {
    const verdict = validateRow(good, 'intl');
    expect(verdict).toEqual({
      ok: true,
      notes: [],
      contact: {
        Name: 'AliceWang',
        EmailAddress: 'alice@example.com',
        PhoneNumber: '86-13912345678',
        Title: 'TechnicalDirector',
        MessageTypes: ['ServiceMessage', 'FaultMessage'],
        Members: [],
      },
    });
  });

  it('keeps values as written after trimming, the email case included', () => {
    const verdict = validateRow({ ...good, Name: '  Bob ', EmailAddress: ' Bob.Li@Example.COM ' }, 'intl');
    expect(verdict.ok && verdict.contact.Name).toBe('Bob');
    expect(verdict.ok && verdict.contact.EmailAddress).toBe('Bob.Li@Example.COM');
  });
});

describe('row rules (each yields the API error code)', () => {
  it.each<[string, RowCells, Site, string[]]>([
    // Name
    ['empty name', { Name: '' }, 'intl', ['MissingParameter.Name']],
    ['blank name', { Name: '   ' }, 'intl', ['MissingParameter.Name']],
    ['one letter', { Name: 'A' }, 'intl', ['InvalidParameter.Name.Length']],
    ['13 letters', { Name: 'Abcdefghijklm' }, 'intl', ['InvalidParameter.Name.Length']],
    ['12 letters is fine', { Name: 'Abcdefghijkl' }, 'intl', []],
    ['2 letters is fine', { Name: 'Al' }, 'intl', []],
    ['a space', { Name: 'Zhang San' }, 'intl', ['InvalidParameter.Name']],
    ['digits', { Name: 'Alice2' }, 'intl', ['InvalidParameter.Name']],
    ['too long and punctuated', { Name: 'Alexander-Hamilton' }, 'intl', ['InvalidParameter.Name.Length', 'InvalidParameter.Name']],
    ['Chinese on intl', { Name: '张伟' }, 'intl', ['InvalidParameter.Name']],
    ['Chinese on cn', { Name: '张伟' }, 'cn', []],
    ['mixed on cn', { Name: 'Li张伟' }, 'cn', []],
    ['one Chinese character on cn', { Name: '张' }, 'cn', ['InvalidParameter.Name.Length']],
    ['13 Chinese characters on cn', { Name: '张'.repeat(13) }, 'cn', ['InvalidParameter.Name.Length']],
    ['digits on cn', { Name: '张伟2' }, 'cn', ['InvalidParameter.Name']],
    // EmailAddress
    ['no email', { EmailAddress: '' }, 'intl', ['MissingParameter.EmailAddress']],
    ['no @', { EmailAddress: 'alice.example.com' }, 'intl', ['InvalidParameter.EmailAddress']],
    ['no domain dot', { EmailAddress: 'alice@example' }, 'intl', ['InvalidParameter.EmailAddress']],
    ['double dot', { EmailAddress: 'alice..w@example.com' }, 'intl', ['InvalidParameter.EmailAddress']],
    ['space inside', { EmailAddress: 'alice w@example.com' }, 'intl', ['InvalidParameter.EmailAddress']],
    ['plus, underscore and percent are fine', { EmailAddress: 'a.b+c_d%e@example.com' }, 'intl', []],
    ['a quote is not (nor | < = …: a formula hides behind them)', { EmailAddress: "a.b'c@example.com" }, 'intl', ['InvalidParameter.EmailAddress']],
    ['mailto prefix is dropped', { EmailAddress: 'mailto:alice@example.com' }, 'intl', []],
    ['too long', { EmailAddress: `${'a'.repeat(64)}@${'b'.repeat(190)}.com` }, 'intl', ['InvalidParameter.EmailAddress.Length']],
    // PhoneNumber
    ['no phone is fine', { PhoneNumber: '' }, 'intl', []],
    ['API form', { PhoneNumber: '86-13912345678' }, 'intl', []],
    ['+86 with spaces', { PhoneNumber: '+86 139 1234 5678' }, 'intl', []],
    ['86 prefix without dash', { PhoneNumber: '8613912345678' }, 'intl', []],
    ['bare mobile', { PhoneNumber: '13912345678' }, 'intl', []],
    ['0086 prefix', { PhoneNumber: '0086 139-1234-5678' }, 'intl', []],
    ['other country, API form', { PhoneNumber: '1-4155550100' }, 'intl', ['InvalidParameter.MobileCountryCode']],
    ['other country, + form', { PhoneNumber: '+44 7700 900123' }, 'intl', ['InvalidParameter.MobileCountryCode']],
    ['too short', { PhoneNumber: '1391234567' }, 'intl', ['InvalidParameter.PhoneNumber']],
    ['86 but landline', { PhoneNumber: '86-01012345678' }, 'intl', ['InvalidParameter.PhoneNumber']],
    ['letters', { PhoneNumber: 'call me' }, 'intl', ['InvalidParameter.PhoneNumber']],
    ['scientific notation', { PhoneNumber: '1.39123E+10' }, 'intl', ['InvalidParameter.PhoneNumber']],
    // Title
    ['no title', { Title: '' }, 'intl', ['MissingParameter.Title']],
    ['title ignoring case and spaces', { Title: 'technical director' }, 'intl', []],
    ['title with _ and -', { Title: 'finance_director' }, 'intl', []],
    ['CEO lower case', { Title: 'ceo' }, 'intl', []],
    ['unknown title', { Title: 'CTO' }, 'intl', ['InvalidParameter.Title']],
    // MessageTypes
    ['no message types', { MessageTypes: '' }, 'intl', ['MissingParameter.MessageTypes']],
    ['only separators', { MessageTypes: ' , ; ' }, 'intl', ['MissingParameter.MessageTypes']],
    ['separated by ;', { MessageTypes: 'ServiceMessage;FaultMessage' }, 'intl', []],
    ['separated by |', { MessageTypes: 'ServiceMessage|FaultMessage' }, 'intl', []],
    ['separated by new lines', { MessageTypes: 'ServiceMessage\nFaultMessage' }, 'intl', []],
    ['matched like Title', { MessageTypes: 'service message, FAULT_MESSAGE' }, 'intl', []],
    ['unknown type', { MessageTypes: 'ServiceMessage,Billing' }, 'intl', ['InvalidParameter.MessageTypes']],
    // Members
    ['directory, folder, root and account', { Members: 'rd-abc123,fd-X1y2,r-9z;1234567890123456' }, 'intl', []],
    ['malformed member', { Members: 'rd-abc123,member one' }, 'intl', ['InvalidParameter.Members']],
    ['eleven members', { Members: Array.from({ length: 11 }, (_, i) => `fd-f${i}`).join(',') }, 'intl', ['LimitExceeded.ContactMembers']],
    ['ten members', { Members: Array.from({ length: 10 }, (_, i) => `fd-f${i}`).join(',') }, 'intl', []],
    // Cells that are not text
    ['a date in the name', { Name: { kind: 'date', shown: '2024-03-01' } }, 'intl', ['InvalidParameter.Name']],
    ['a formula error in the email', { EmailAddress: { kind: 'error', shown: '#N/A' } }, 'intl', ['InvalidParameter.EmailAddress']],
  ])('%s', (_label, overrides, site, expected) => {
    expect(codesOf(overrides, site)).toEqual(expected);
  });

  it('reports every problem of a row, not just the first', () => {
    const codes = codesOf({ Name: 'A', EmailAddress: 'nope', PhoneNumber: '+1 415 555 0100', Title: 'Boss', MessageTypes: '' });
    expect(codes.sort()).toEqual(
      [
        'InvalidParameter.Name.Length',
        'InvalidParameter.EmailAddress',
        'InvalidParameter.MobileCountryCode',
        'InvalidParameter.Title',
        'MissingParameter.MessageTypes',
      ].sort(),
    );
  });

  it('names the column in each message', () => {
    const verdict = validateRow({ ...good, EmailAddress: 'bob@' }, 'intl', (field) => `${field} (column B "E-mail")`);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.problems[0]).toMatchObject({ field: 'EmailAddress', code: 'InvalidParameter.EmailAddress' });
      expect(verdict.problems[0]!.message).toMatch(/^EmailAddress \(column B "E-mail"\): "bob@" is not a valid email address/);
    }
  });

  it('says that Chinese names need --site cn', () => {
    expect(problemsOf({ Name: '张伟' })[0]!.message).toMatch(/--site cn/);
  });

  it('tells how to fix a phone in scientific notation', () => {
    expect(problemsOf({ PhoneNumber: '1.39123E+10' })[0]!.message).toMatch(/format the column as Text/);
  });
});

describe('normalised values keep a note', () => {
  it.each<[RowCells, Partial<Record<string, unknown>>, RegExp]>([
    [{ PhoneNumber: '+86 139 1234 5678' }, { PhoneNumber: '86-13912345678' }, /PhoneNumber: "\+86 139 1234 5678" written as "86-13912345678"/],
    [{ PhoneNumber: '13912345678' }, { PhoneNumber: '86-13912345678' }, /written as "86-13912345678"/],
    [{ PhoneNumber: "'+86 139 1234 5678" }, { PhoneNumber: '86-13912345678' }, /written as "86-13912345678"/], // marked as text, as CSV copies write it
    [{ Title: 'technical director' }, { Title: 'TechnicalDirector' }, /Title: "technical director" written as "TechnicalDirector"/],
    [{ EmailAddress: 'mailto:alice@example.com' }, { EmailAddress: 'alice@example.com' }, /mailto/],
    [{ MessageTypes: 'FaultMessage, faultmessage' }, { MessageTypes: ['FaultMessage'] }, /repeated/],
    [{ Members: 'rd-a1, rd-a1' }, { Members: ['rd-a1'] }, /Members: "rd-a1" repeated/],
  ])('%j', (overrides, expected, note) => {
    const verdict = validateRow({ ...good, ...overrides }, 'intl');
    expect(verdict.ok).toBe(true);
    if (verdict.ok) {
      expect(verdict.contact).toMatchObject(expected);
      expect(verdict.notes.join('\n')).toMatch(note);
    }
  });
});

describe('suggestions for near-misses (never applied)', () => {
  it.each<[RowCells, string, string]>([
    [{ Title: 'CTO' }, 'Title', 'TechnicalDirector'],
    [{ Title: 'cfo' }, 'Title', 'FinanceDirector'],
    [{ Title: 'Project Manager' }, 'Title', 'ProjectDirector'],
    [{ Title: '运维总监' }, 'Title', 'MaintenanceDirector'],
    [{ Title: 'TechnicalDirecter' }, 'Title', 'TechnicalDirector'],
    [{ Title: 'Finanse Director' }, 'Title', 'FinanceDirector'],
    [{ MessageTypes: 'Billing, Security' }, 'MessageTypes', 'AccountExpenses,SecurityMessage'],
    [{ MessageTypes: 'ServiceMessage, FaultMesage' }, 'MessageTypes', 'ServiceMessage,FaultMessage'],
    [{ Name: 'Zhang San' }, 'Name', 'ZhangSan'],
    [{ Name: "O'Brien" }, 'Name', 'OBrien'],
  ])('%j → %s %s', (overrides, field, suggestion) => {
    const problem = problemsOf(overrides).find((p) => p.field === field);
    expect(problem?.suggestion).toBe(suggestion);
  });

  it('offers nothing when no value is close', () => {
    expect(problemsOf({ Title: 'Astronaut' })[0]!.suggestion).toBeUndefined();
    expect(problemsOf({ MessageTypes: 'Weather' })[0]!.suggestion).toBeUndefined();
  });

  it('does not suggest a name that would still be too long', () => {
    expect(problemsOf({ Name: 'Alexander Hamilton' }).every((p) => p.suggestion === undefined)).toBe(true);
  });
});

describe('MessageTypes cells, each read once per sheet', () => {
  const contactOf = (cells: RowCells) => {
    const verdict = validateRow({ ...good, ...cells }, 'intl');
    if (!verdict.ok) throw new Error(JSON.stringify(verdict.problems));
    return verdict;
  };

  it('give every row the same reading, and each contact a list of its own', () => {
    const first = contactOf({ MessageTypes: 'service message, FaultMessage,FaultMessage' });
    first.contact.MessageTypes.push('ProductMessage');
    const again = contactOf({ MessageTypes: 'service message, FaultMessage,FaultMessage' });
    expect(again.contact.MessageTypes).toEqual(['ServiceMessage', 'FaultMessage']);
    expect(again.notes).toEqual(first.notes);
    expect(again.notes).toEqual(['MessageTypes: "service message" written as "ServiceMessage"', 'MessageTypes: "FaultMessage" repeated; sent once']);
  });

  it('are read the same when a sheet has more different cells than are remembered', () => {
    const types = ['ServiceMessage', 'FaultMessage', 'AccountExpenses', 'SecurityMessage', 'ActivityMessage', 'ProductMessage'];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3000; i++) {
        const listed = types.filter((_, bit) => (i >> bit) & 1);
        const cell = listed.join(`,${' '.repeat(Math.floor(i / 64))}`); // 3,000 cells, most of them different
        if (listed.length === 0) continue;
        expect(contactOf({ MessageTypes: cell }).contact.MessageTypes).toEqual(listed);
      }
    }
    expect(codesOf({ MessageTypes: 'Service,Billing' })).toEqual(['InvalidParameter.MessageTypes']);
    expect(problemsOf({ MessageTypes: 'Service' })[0]).toMatchObject({ suggestion: 'ServiceMessage', unambiguous: true });
  });
});
