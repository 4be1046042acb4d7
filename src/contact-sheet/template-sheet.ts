/**
 * What a blank contact sheet holds: the header row the reader maps without a
 * mapping file, the rules a person filling it in needs (from the same rule
 * table the validator uses) in the run's language, and one example row. Pure: `write-template.ts`
 * lays it out as XLSX or CSV.
 */
import { say } from '../i18n/text.js';
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
  return say(site === 'cn' ? 'sheet.rule.nameCn' : 'sheet.rule.nameIntl', { min: LIMITS.nameMinLength, max: LIMITS.nameMaxLength });
}

/**
 * The Instructions sheet, line by line: [what, the rule]. A column is named by
 * its header, which stays English in every language: it is what import reads.
 */
export function instructions(site: Site, contactLimit: number): [string, string][] {
  return [
    ['Name', say('sheet.rule.name', { rule: nameRule(site) })],
    ['Email', say('sheet.rule.email', { example: 'alice.wang@example.com' })],
    ['Phone', say('sheet.rule.phone', { example: '86-13912345678', plain: '13912345678', international: '+86 139 1234 5678' })],
    ['Title', say('sheet.rule.title', { titles: TITLES.join(', ') })],
    ['Message Types', say('sheet.rule.messageTypes', { types: MESSAGE_TYPES.join(', ') })],
    ['Members', say('sheet.rule.members', { max: LIMITS.membersPerContact })],
    [say('sheet.rule.contactLimitLabel'), say('sheet.rule.contactLimit', { limit: contactLimit })],
    [say('sheet.rule.siteLabel'), say(site === 'cn' ? 'sheet.rule.siteCn' : 'sheet.rule.siteIntl')],
    // not for people: a command-line flag
    [say('sheet.rule.checkLabel'), say('sheet.rule.check', { siteFlag: site === 'cn' ? ' --site cn' : '' })],
  ];
}
