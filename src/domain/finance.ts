// Finance presentation without I/O (invoices-finance-stats.md §4).

/** "Nov 2026", "Sept 2026": en-GB short month and year of a "YYYY-MM" key */
export function monthLabel(monthKey: string): string {
  const [year, month] = monthKey.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
