// The registry: every file under sql/ is paired here (through the per-entity modules) with its
// parameter and row types. tests/sql-registry.test.ts checks that none is missing or doubled.
import { bind, type BoundStatements, type Executor } from '../statement';
import { businessQueries } from './businesses';
import { businessDataQueries } from './business-data';
import { calendarQueries } from './calendar';
import { clientQueries } from './clients';
import { dogQueries } from './dogs';
import { jobQueries } from './jobs';
import { messageQueries } from './messages';
import { financeQueries } from './finance';
import { invoiceItemQueries } from './invoice-items';
import { invoiceQueries } from './invoices';
import { paymentQueries } from './payments';
import { emailQueries } from './email';
import { serviceQueries } from './services';
import { staffQueries } from './staff';
import { statsQueries } from './stats';
import { supportQueries } from './support';
import { systemQueries } from './system';
import { userQueries } from './users';

export const statements = {
  system: systemQueries,
  businesses: businessQueries,
  businessData: businessDataQueries,
  users: userQueries,
  clients: clientQueries,
  dogs: dogQueries,
  services: serviceQueries,
  staff: staffQueries,
  jobs: jobQueries,
  calendar: calendarQueries,
  messages: messageQueries,
  stats: statsQueries,
  support: supportQueries,
  invoices: invoiceQueries,
  invoiceItems: invoiceItemQueries,
  finance: financeQueries,
  payments: paymentQueries,
  email: emailQueries,
};

export type Queries = BoundStatements<typeof statements>;

export const bindQueries = (ex: Executor): Queries => bind(statements, ex);
