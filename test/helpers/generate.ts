/** Deterministic contact sheets of any size, for tests and benchmarks. */
const GIVEN = ['Alice', 'Bob', 'Carol', 'David', 'Eva', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack', 'Kate', 'Leo'];
const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu'];
const TITLES = ['FinanceDirector', 'TechnicalDirector', 'MaintenanceDirector', 'CEO', 'ProjectDirector', 'Other'];
const TYPES = ['ServiceMessage', 'FaultMessage', 'AccountExpenses', 'SecurityMessage', 'ActivityMessage', 'ProductMessage'];

/** A letters-only name unique for each i (base-26 suffix), at most 12 characters. */
export function uniqueName(i: number): string {
  let suffix = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    if (n < 26) break;
  }
  return (GIVEN[i % GIVEN.length]! + suffix).slice(0, 12);
}

export function contactRow(i: number): string[] {
  const name = uniqueName(i);
  return [
    name,
    `${name.toLowerCase()}.${FAMILY[i % FAMILY.length]!.toLowerCase()}@example.com`,
    i % 3 === 0 ? '' : `86-13${String(900000000 + i).slice(-9)}`,
    TITLES[i % TITLES.length]!,
    `${TYPES[i % TYPES.length]},${TYPES[(i + 2) % TYPES.length]}`,
  ];
}

export function contactsCsv(rows: number): string {
  const lines = ['Name,Email,Phone,Title,MessageTypes'];
  for (let i = 0; i < rows; i++) lines.push(contactRow(i).map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
  return lines.join('\r\n') + '\r\n';
}
