// The invoice's payment link. Legacy stored a stub; the payments area swaps this one function for
// a real Stripe link when it lands.
export const paymentUrlFor = (invoiceId: string): string => `https://pay.stripe.com/link/${invoiceId}`;
