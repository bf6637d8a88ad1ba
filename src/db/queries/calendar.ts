import { many } from '../statement';

/** one row of jobs/calendar_changes: the read's header, and one changed job (nulls when none changed) */
export interface CalendarChangeRow {
  snapshot: string;
  /** when the PostgreSQL server started: a snapshot means nothing on another server */
  server: string;
  version: string;
  jobs: number;
  others: number[];
  full: boolean;
  id: string | null;
  seq: string | null;
  staffId: string | null;
  status: string | null;
  doc: string | null;
}

export const calendarQueries = {
  changes: many<
    [businessId: string, since: string | null, othersSince: number[] | null, serverSince: string | null],
    CalendarChangeRow
  >('jobs/calendar_changes'),
};
