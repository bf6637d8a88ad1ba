import { exec, one } from '../statement';

export interface PaymentInvoiceRow {
  id: string;
  businessId: string;
  clientId: string;
  amountCents: number;
  status: string;
  paidAt: Date | null;
  checkoutSessionId: string | null;
  checkoutExpiresAt: Date | null;
  businessName: string;
  /** lower-case ISO currency: settings.finance.currency, else gbp */
  currency: string;
  brandColor: string | null;
  clientEmail: string | null;
}

export interface LockedInvoiceRow {
  id: string;
  businessId: string;
  amountCents: number;
  status: string;
  paidAt: Date | null;
  currency: string;
}

export const paymentQueries = {
  invoiceForPayment: one<[invoiceId: string], PaymentInvoiceRow>('payments/invoice_for_payment'),
  saveCheckoutSession: exec<[invoiceId: string, sessionId: string, url: string, expiresAt: Date]>('payments/save_checkout_session'),
  claimStripeEvent: one<[eventId: string, type: string, invoiceId: string | null], { id: string }>('payments/claim_stripe_event'),
  setStripeEventOutcome: exec<[eventId: string, outcome: string]>('payments/set_stripe_event_outcome'),
  lockInvoiceForStripe: one<[invoiceId: string], LockedInvoiceRow>('payments/lock_invoice_for_stripe'),
  markPaidByStripe: exec<[invoiceId: string, sessionId: string, paymentIntentId: string | null]>('payments/mark_paid_by_stripe'),
};
