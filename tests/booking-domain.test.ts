// The pure booking rules: recurrence expansion, the auto-assignment filter, dates and GPX names.
import { describe, expect, test } from 'bun:test';
import { firstAvailableStaff, type StaffCandidate } from '../src/domain/assignment';
import { completionItemDescription, parseInstant } from '../src/domain/job-time';
import { intervalDays, occurrenceStarts } from '../src/domain/recurrence';
import { gpxSafeName } from '../src/services/routing/gpx';
import { circularWalkRoute } from '../src/services/routing/walk-route';

const week = { Mon: { start: '09:00', end: '17:00' }, Tue: { start: '09:00', end: '17:00' } };
const sarah: StaffCandidate = { id: 'sarah', services: ['svc'], weekly: week, busy: false };
const at = (iso: string) => new Date(iso);

describe('firstAvailableStaff', () => {
  test('inside the UTC window, the end compared with the same day', () => {
    expect(firstAvailableStaff([sarah], 'svc', at('2030-01-07T09:00:00Z'), at('2030-01-07T09:30:00Z'))).toBe('sarah');
    expect(firstAvailableStaff([sarah], 'svc', at('2030-01-07T16:30:00Z'), at('2030-01-07T17:00:00Z'))).toBe('sarah');
    expect(firstAvailableStaff([sarah], 'svc', at('2030-01-07T16:45:00Z'), at('2030-01-07T17:15:00Z'))).toBeNull();
    expect(firstAvailableStaff([sarah], 'svc', at('2030-01-07T08:59:00Z'), at('2030-01-07T09:29:00Z'))).toBeNull();
    // Wednesday is not in the week
    expect(firstAvailableStaff([sarah], 'svc', at('2030-01-09T10:00:00Z'), at('2030-01-09T10:30:00Z'))).toBeNull();
  });

  test('qualification, busy walkers, case-sensitive day keys, first in order wins', () => {
    const slot = [at('2030-01-07T10:00:00Z'), at('2030-01-07T10:30:00Z')] as const;
    expect(firstAvailableStaff([{ ...sarah, services: null }], 'svc', ...slot)).toBeNull();
    expect(firstAvailableStaff([{ ...sarah, services: [] }], 'svc', ...slot)).toBeNull();
    expect(firstAvailableStaff([{ ...sarah, services: null }], null, ...slot)).toBe('sarah');
    expect(firstAvailableStaff([{ ...sarah, busy: true }], 'svc', ...slot)).toBeNull();
    expect(firstAvailableStaff([{ ...sarah, weekly: { mon: week.Mon } }], 'svc', ...slot)).toBeNull();
    expect(firstAvailableStaff([{ ...sarah, weekly: { Mon: { start: '', end: '' } } }], 'svc', ...slot)).toBeNull();
    expect(firstAvailableStaff([{ ...sarah, id: 'a', busy: true }, { ...sarah, id: 'b' }, { ...sarah, id: 'c' }], 'svc', ...slot)).toBe('b');
  });
});

describe('occurrenceStarts', () => {
  test('steps calendar days in UTC up to the end date inclusive, capped at 100', () => {
    expect(occurrenceStarts('2030-02-04T09:00:00.000Z', '2030-02-25', 7).map((d) => d.toISOString())).toEqual([
      '2030-02-04T09:00:00.000Z', '2030-02-11T09:00:00.000Z', '2030-02-18T09:00:00.000Z', '2030-02-25T09:00:00.000Z',
    ]);
    expect(occurrenceStarts('2030-01-01T00:00:00.000Z', '2031-01-01', 1)).toHaveLength(100);
    expect(occurrenceStarts('nope', '2031-01-01', 1)).toEqual([]);
    expect(occurrenceStarts('2030-01-01T00:00:00.000Z', 'nope', 1)).toEqual([]);
  });

  test('interval per recurrence', () => {
    expect([intervalDays('daily', 5), intervalDays('weekly', 5), intervalDays('biweekly', 5), intervalDays('custom', 5), intervalDays('custom', 0), intervalDays('monthly', 5)])
      .toEqual([1, 7, 14, 5, 1, 1]);
  });
});

describe('dates, descriptions and names', () => {
  test('invoice item descriptions use en-GB short months in UTC with Sept', () => {
    expect(completionItemDescription('Walk', '2030-09-05T23:30:00.000Z')).toBe('Walk (5 Sept)');
    expect(completionItemDescription('', '2030-11-25T00:10:00')).toBe('Service (25 Nov)');
    expect(completionItemDescription(null, 'garbage')).toBe('Service (Invalid Date)');
  });

  test('start parsing: naive strings are UTC, garbage and unstorable years are null', () => {
    expect(parseInstant('2030-06-01T10:00')!.toISOString()).toBe('2030-06-01T10:00:00.000Z');
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseInstant('-010000-01-01T00:00:00.000Z')).toBeNull();
  });

  test('GPX file names replace every character outside [A-Za-z0-9]', () => {
    expect(gpxSafeName("O'Brien, J")).toBe('O_Brien__J');
    expect(gpxSafeName(undefined)).toBe('client');
  });

  test('walk distance by duration: 30 → 2 km, 60 → 4 km, 90 → 6.5 km, other → 2 km', () => {
    const km = (minutes: number) => circularWalkRoute(51.5, -0.1, minutes, new Date()).distanceMeters;
    expect([km(30), km(60), km(90), km(45)]).toEqual([2000, 4000, 6500, 2000]);
  });
});
