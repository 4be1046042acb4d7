/**
 * Suggestions for values that are almost right. They are offered in the report,
 * never applied: a guess about somebody's job title is for a person to confirm.
 */
import { MESSAGE_TYPES, TITLES, type MessageType, type Title } from './rules.js';

/** The form values are compared in: case, spaces, `_` and `-` ignored, full-width folded. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

const TITLE_SYNONYMS: Record<Title, string[]> = {
  TechnicalDirector: [
    'cto', 'cio', 'techdirector', 'techlead', 'itdirector', 'itmanager', 'headofit', 'headofengineering',
    'engineeringdirector', 'engineeringmanager', 'vpengineering', 'technical', '技术总监', '技术负责人', '首席技术官',
  ],
  FinanceDirector: [
    'cfo', 'finance', 'financemanager', 'financialdirector', 'headoffinance', 'controller', 'accountant',
    'billing', '财务', '财务总监', '财务负责人', '首席财务官',
  ],
  MaintenanceDirector: [
    'ops', 'operations', 'opsdirector', 'operationsdirector', 'operationsmanager', 'opsmanager', 'sre',
    'sysadmin', 'devops', 'maintenance', '运维', '运维总监', '运维负责人',
  ],
  CEO: ['chiefexecutive', 'chiefexecutiveofficer', 'president', 'managingdirector', 'gm', 'generalmanager', '总经理', '总裁', '首席执行官'],
  ProjectDirector: [
    'pm', 'projectmanager', 'programmanager', 'projectlead', 'project', 'pmo', '项目总监', '项目经理', '项目负责人',
  ],
  Other: ['others', 'none', 'na', '其他', '其它'],
};

const MESSAGE_TYPE_SYNONYMS: Record<MessageType, string[]> = {
  ServiceMessage: ['service', 'services', 'servicenotice', '服务', '服务消息'],
  FaultMessage: ['fault', 'faults', 'alert', 'alerts', 'alarm', 'incident', 'outage', '故障', '故障消息'],
  AccountExpenses: ['billing', 'bill', 'bills', 'expenses', 'expense', 'cost', 'costs', 'finance', 'account', '费用', '账单', '费用消息', '财务消息'],
  SecurityMessage: ['security', 'secure', '安全', '安全消息'],
  ActivityMessage: ['activity', 'activities', 'marketing', 'promotion', 'promotions', 'events', '活动', '活动消息'],
  ProductMessage: ['product', 'products', 'productnews', 'release', 'releases', '产品', '产品消息'],
};

function synonymIndex<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const index = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(table) as [T, string[]][]) {
    for (const synonym of synonyms) index.set(matchKey(synonym), value);
  }
  return index;
}

const titleSynonyms = synonymIndex(TITLE_SYNONYMS);
const messageTypeSynonyms = synonymIndex(MESSAGE_TYPE_SYNONYMS);

/** Levenshtein distance, with an early exit once it is sure to exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function nearest<T extends string>(text: string, values: readonly T[], synonyms: Map<string, T>): T | undefined {
  const key = matchKey(text);
  if (key === '') return undefined;
  const synonym = synonyms.get(key);
  if (synonym) return synonym;
  // A typo, not a different word: allow about one slip in four letters, at least two.
  return nearestWithin(key, values, Math.max(2, Math.floor(key.length / 4)), matchKey);
}

/** The candidate nearest to `key`, if one is within `max` edits (the first of equals). */
export function nearestWithin<T extends string>(key: string, candidates: readonly T[], max: number, keyOf: (candidate: T) => string = (c) => c): T | undefined {
  let best: T | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key, keyOf(candidate), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function suggestTitle(text: string): Title | undefined {
  return nearest(text, TITLES, titleSynonyms);
}

export function suggestMessageType(text: string): MessageType | undefined {
  return nearest(text, MESSAGE_TYPES, messageTypeSynonyms);
}
