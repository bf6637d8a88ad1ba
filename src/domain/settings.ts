// Business settings: the legacy default object and its two-level merge
// (auth-accounts-staff-settings.md §8).

export type Settings = Record<string, unknown>;

const HOURS_DAY = (open: boolean) => ({ open, start: '09:00', end: '17:00' });

export function defaultSettings(businessName = ''): Settings {
  return {
    profile: {
      businessName,
      serviceArea: '',
      contactEmail: '',
      contactPhone: '',
      addressLine1: '',
      city: '',
      postcode: '',
    },
    hours: {
      mon: HOURS_DAY(true),
      tue: HOURS_DAY(true),
      wed: HOURS_DAY(true),
      thu: HOURS_DAY(true),
      fri: HOURS_DAY(true),
      sat: HOURS_DAY(false),
      sun: HOURS_DAY(false),
    },
    policies: { cancellationWindowHours: 24, paymentTermsDays: 14 },
    branding: { primaryColor: '#00a58a', showPoweredBy: true },
    finance: {
      autoInvoicingEnabled: false,
      autoInvoicingFrequency: 'disabled',
      autoInvoicingTrigger: 'completed',
      sendMode: 'draft',
      defaultPaymentTermsDays: 14,
      bankDetails: '',
    },
    services: [],
    permissions: {
      staffRolesEnabled: true,
      roleDefinitions: {
        admin: {
          canSeeFinance: true,
          canEditBusinessSettings: true,
          canViewClients: true,
          canViewClientAddresses: true,
          canViewInvoices: true,
          canApproveJobs: true,
          canAssignJobs: true,
        },
        staff: {
          canSeeFinance: false,
          canEditBusinessSettings: false,
          canViewClients: true,
          canViewClientAddresses: false,
          canViewInvoices: false,
          canApproveJobs: false,
          canAssignJobs: false,
        },
      },
    },
    automation: {
      bookingReminderEnabled: false,
      bookingReminderHoursBefore: 24,
      invoiceReminderEnabled: false,
      invoiceReminderDaysOverdue: 3,
      dailySummaryEnabled: false,
      dailySummaryTime: '18:00',
      autoCompleteEnabled: false,
      autoCompleteAfterHours: 2,
      conflictAlertsEnabled: true,
      weeklySnapshotEnabled: false,
      weeklySnapshotDay: 'mon',
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Object spread of a string gives {"0": ch, ...}: legacy spread stored values the same way.
const spread = (v: unknown): Record<string, unknown> => (v ? { ...(v as object) } : {});

/**
 * Legacy mergeBusinessSettings: level-1 objects are rebuilt from the stored section and patched one
 * level deeper; level-2 objects are shallow-merged, so level-3 values are replaced whole.
 */
export function mergeSettings(existing: unknown, patch: unknown): Settings {
  const base: Settings = isObject(existing) ? { ...existing } : {};
  if (!isObject(patch)) return base;
  for (const [section, patchValue] of Object.entries(patch)) {
    if (!isObject(patchValue)) {
      base[section] = patchValue;
      continue;
    }
    const merged = spread(base[section]);
    for (const [key, value] of Object.entries(patchValue)) {
      merged[key] = isObject(value) ? { ...spread(merged[key]), ...value } : value;
    }
    base[section] = merged;
  }
  return base;
}

/** What every settings read returns: stored values merged over fresh defaults. */
export const normaliseSettings = (stored: unknown): Settings => mergeSettings(defaultSettings(), stored ?? {});

/** The business rename a settings patch asks for: a non-empty string profile.businessName. */
export function renameFromPatch(patch: Settings): string | null {
  const name = isObject(patch.profile) ? patch.profile.businessName : undefined;
  return typeof name === 'string' && name ? name : null;
}

/**
 * GET /api/business/branding: every branding key, then businessName (from settings.profile) and
 * logoUrl, both "" when unset. Spreads like legacy, so a non-object branding section adds nothing.
 */
export function brandingView(settings: Settings | null): Record<string, unknown> {
  const branding = spread(settings?.branding);
  const profile = settings?.profile as { businessName?: unknown } | null | undefined;
  return { ...branding, businessName: profile?.businessName || '', logoUrl: branding.logoUrl || '' };
}
