// The settings object and its merge rules, checked against auth-accounts-staff-settings.md §8.
import { expect, test } from 'bun:test';
import { brandingView, defaultSettings, mergeSettings, normaliseSettings, renameFromPatch } from '../src/domain/settings';

const base = () => defaultSettings('Demo Dog Walking');

test('the default object has the §8.1 sections in order, with the business name in profile', () => {
  const d = base();
  expect(Object.keys(d)).toEqual(['profile', 'hours', 'policies', 'branding', 'finance', 'services', 'permissions', 'automation']);
  expect(d.profile).toEqual({ businessName: 'Demo Dog Walking', serviceArea: '', contactEmail: '', contactPhone: '', addressLine1: '', city: '', postcode: '' });
  expect((d.hours as any).sat).toEqual({ open: false, start: '09:00', end: '17:00' });
  expect((d.hours as any).fri).toEqual({ open: true, start: '09:00', end: '17:00' });
  expect(d.branding).toEqual({ primaryColor: '#00a58a', showPoweredBy: true });
  expect(Object.keys((d.permissions as any).roleDefinitions.staff)).toHaveLength(7);
  expect((d.automation as any).weeklySnapshotDay).toBe('mon');
  expect(d.services).toEqual([]);
});

test.each([
  [{ profile: { city: 'Leeds' } }, (r: any) => expect(r.profile).toEqual({ ...(base().profile as object), city: 'Leeds' })],
  [{ hours: { tue: { open: false } } }, (r: any) => {
    expect(r.hours.tue).toEqual({ open: false, start: '09:00', end: '17:00' });
    expect(r.hours.mon).toEqual({ open: true, start: '09:00', end: '17:00' });
  }],
  [{ hours: { mon: 'closed' } }, (r: any) => expect(r.hours.mon).toBe('closed')],
  [{ permissions: { roleDefinitions: { staff: { canSeeFinance: true } } } }, (r: any) => {
    expect(r.permissions.roleDefinitions.staff).toEqual({ canSeeFinance: true });
    expect(r.permissions.roleDefinitions.admin).toEqual((base().permissions as any).roleDefinitions.admin);
    expect(r.permissions.staffRolesEnabled).toBe(true);
  }],
  [{ profile: null }, (r: any) => expect(r.profile).toBeNull()],
  [{ services: ['a'] }, (r: any) => expect(r.services).toEqual(['a'])],
  [{ foo: { bar: 1 }, x: 5 }, (r: any) => {
    expect(r.foo).toEqual({ bar: 1 });
    expect(r.x).toBe(5);
  }],
])('merge %j follows the §8.2 table', (patch, check) => {
  const before = base();
  const result = mergeSettings(before, patch);
  check(result);
  expect(before).toEqual(base()); // the stored object is not mutated
});

test('a stored string section is spread into character keys when patched with an object (legacy quirk)', () => {
  const result = mergeSettings({ profile: 'ab' }, { profile: { city: 'X' } });
  expect(result.profile).toEqual({ 0: 'a', 1: 'b', city: 'X' });
  const nested = mergeSettings({ hours: { mon: 'ab' } }, { hours: { mon: { open: true } } });
  expect((nested.hours as any).mon).toEqual({ 0: 'a', 1: 'b', open: true });
});

test('normalisation fills missing sections and keys, keeps null sections, extra keys and incomplete role flags', () => {
  const stored = {
    hours: { tue: { open: false, start: '08:00' } },
    profile: null,
    permissions: { roleDefinitions: { staff: { canSeeFinance: true } } },
    extra: { a: 1 },
  };
  const n = normaliseSettings(stored) as any;
  expect(Object.keys(n)).toEqual([...Object.keys(base()), 'extra']);
  expect(n.hours.tue).toEqual({ open: false, start: '08:00', end: '17:00' });
  expect(n.hours.mon).toEqual({ open: true, start: '09:00', end: '17:00' });
  expect(n.profile).toBeNull();
  expect(n.permissions.roleDefinitions.staff).toEqual({ canSeeFinance: true });
  expect(n.permissions.staffRolesEnabled).toBe(true);
  expect(n.extra).toEqual({ a: 1 });
  expect(normaliseSettings(n)).toEqual(n); // idempotent: reads need not write back
  expect(normaliseSettings(null)).toEqual(defaultSettings(''));
});

test('only a non-empty string profile.businessName renames the business', () => {
  expect(renameFromPatch({ profile: { businessName: 'New' } })).toBe('New');
  expect(renameFromPatch({ profile: { businessName: '' } })).toBeNull();
  expect(renameFromPatch({ profile: { city: 'X' } })).toBeNull();
  expect(renameFromPatch({ profile: null })).toBeNull();
  expect(renameFromPatch({ profile: { businessName: 5 } })).toBeNull();
});

test('branding view: branding keys, then businessName and logoUrl defaulting to ""', () => {
  expect(brandingView(base())).toEqual({ primaryColor: '#00a58a', showPoweredBy: true, businessName: 'Demo Dog Walking', logoUrl: '' });
  expect(brandingView(null)).toEqual({ businessName: '', logoUrl: '' });
  expect(brandingView({ ...base(), profile: null, branding: null })).toEqual({ businessName: '', logoUrl: '' });
  const withLogo = mergeSettings(base(), { branding: { logoUrl: 'data:image/png;base64,AA' } });
  expect(brandingView(withLogo).logoUrl).toBe('data:image/png;base64,AA');
});
