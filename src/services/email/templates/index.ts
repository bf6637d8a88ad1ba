// Every email template: pure functions of plain data returning { subject, html, text }.
export { bookingApprovedEmail, bookingCancelledEmail, bookingRequestedEmail, type BookingMailData } from './booking';
export { brandOf, httpUrl, platformBrand } from './brand';
export { invoiceEmail, invoiceNumber, invoicePdfFilename, type InvoiceLine, type InvoiceMailData } from './invoice';
export { escapeHtml, type Brand, type RenderedEmail } from './layout';
export { supportEscalationEmail, type SupportEscalationMailData, type TranscriptLine } from './support';
