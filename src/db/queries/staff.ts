import { exec } from '../statement';

export const staffQueries = {
  setServices: exec<[staffId: string, serviceIds: string[]]>('staff/set_services'),
  saveWeeklyAvailability: exec<[staffId: string, weekly: unknown]>('staff/save_weekly_availability'),
};
