/**
 * What a blank contact sheet holds: the header row the reader maps without a
 * mapping file, the rules a person filling it in needs (from the same rule
 * table the validator uses), and one example row. Pure: `write-template.ts`
 * lays it out as XLSX or CSV.
 */
import { LIMITS, MESSAGE_TYPES, TITLES, type Site } from '../judge/rules.js';

/** A row that `validate` judges valid on the site, in the order of SHEET_HEADERS. */
export function exampleRow(site: Site): string[] {
  return [
    site === 'cn' ? '张伟' : 'AliceWang',
    'alice.wang@example.com',
    '86-13912345678',
    'TechnicalDirector',
    'ServiceMessage;FaultMessage',
    '',
  ];
}

export function nameRule(site: Site): string {
  const letters = site === 'cn' ? 'letters A–Z or Chinese characters' : 'letters A–Z only';
  return `${LIMITS.nameMinLength}–${LIMITS.nameMaxLength} ${letters}: no spaces, digits or punctuation; unique in the directory (compared ignoring case)`;
}

/** The Instructions sheet, line by line: [what, the rule]. */
export function instructions(site: Site, contactLimit: number): [string, string][] {
  return [
    ['Name', `required; ${nameRule(site)}`],
    ['Email', 'required; an address such as alice.wang@example.com'],
    ['Phone', 'optional; a mainland China mobile: 86-13912345678 (13912345678 and +86 139 1234 5678 are read as that too)'],
    ['Title', `required; one of ${TITLES.join(', ')}`],
    ['Message Types', `required; one or more of ${MESSAGE_TYPES.join(', ')}, separated by ; or ,`],
    [
      'Members',
      `optional; the directory (rd-…), folders (r-…, fd-…) or account IDs the contact is bound to, separated by ; (at most ${LIMITS.membersPerContact})`,
    ],
    ['Contact limit', `the directory holds at most ${contactLimit} contacts (raise it in Quota Center, then use --contact-limit)`],
    ['Site', site === 'cn' ? 'China site (--site cn)' : 'international site (--site intl)'],
    ['Check the sheet', `contact-import validate <this file>${site === 'cn' ? ' --site cn' : ''}`],
  ];
}
