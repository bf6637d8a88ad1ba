import { exec, many, one } from '../statement';

export interface BusinessAccessRow {
  id: string;
  ownerUserId: string | null;
}

export interface AdminBusinessRow {
  id: string;
  name: string;
  ownerUserId: string | null;
}

export const businessQueries = {
  count: one<[], { count: number }>('businesses/count'),
  insert: exec<[id: string, name: string, ownerUserId: string | null, settings: object]>('businesses/insert'),
  settings: one<[businessId: string], { settings: unknown }>('businesses/settings'),
  settingsForUpdate: one<[businessId: string], { settings: unknown }>('businesses/settings_for_update'),
  saveSettings: exec<[businessId: string, settings: object, name: string | null]>('businesses/save_settings'),
  access: one<[businessId: string], BusinessAccessRow>('businesses/access'),
  listForAdmin: many<[search: string], AdminBusinessRow>('businesses/list_for_admin'),
};
