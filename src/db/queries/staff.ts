import { exec, many, one } from '../statement';
import type { UserRecord } from './users';

export const staffQueries = {
  setServices: exec<[staffId: string, serviceIds: string[]]>('staff/set_services'),
  saveWeeklyAvailability: exec<[staffId: string, weekly: unknown]>('staff/save_weekly_availability'),
  list: many<[businessId: string], { record: UserRecord }>('staff/list'),
  get: one<[userId: string], { businessId: string | null; record: UserRecord }>('staff/get'),
  updateProfile: one<
    [
      userId: string,
      businessId: string,
      setName: boolean,
      name: string | null,
      setPhone: boolean,
      phone: string | null,
      notificationPreferencesJson: string | null,
    ],
    { record: UserRecord }
  >('staff/update_profile'),
  availability: one<[userId: string, businessId: string], { weekly: unknown }>('staff/availability'),
  setAvailability: exec<[userId: string, weeklyJson: string]>('staff/set_availability'),
  clearAvailability: exec<[userId: string]>('staff/clear_availability'),
};
