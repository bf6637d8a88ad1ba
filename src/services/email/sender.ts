// sendEmail: the one way the service hands a mail to a provider. SendGrid when configured, otherwise
// the mail is only logged. It never throws: every outcome is a SendResult the outbox worker records.
import { MailService } from '@sendgrid/mail';
import type { Config } from '../../config';
import type { Logger } from '../../log';

/** a file as the provider takes it */
export interface MailAttachment {
  filename: string;
  type: string;
  /** base64 */
  content: string;
}

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

export type SendResult =
  | { status: 'sent'; messageId: string | null }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string; retryable: boolean; retryAfterMs?: number };

export interface EmailSender {
  /** false when mails are only logged and skipped: the worker then renders no attachment for them */
  readonly delivers: boolean;
  sendEmail(message: EmailMessage): Promise<SendResult>;
}

const SEND_TIMEOUT_MS = 20_000;

type EmailConfig = Pick<
  Config,
  'emailProvider' | 'sendgridApiKey' | 'sendgridApiUrl' | 'emailFrom' | 'emailSandbox'
>;

/** Picks the provider from config; a missing setting is reported once here, at startup. */
export function createEmailSender(config: EmailConfig, log: Logger): EmailSender {
  if (config.emailProvider === 'sendgrid' && config.sendgridApiKey && config.emailFrom) {
    const { sendgridApiKey: apiKey, emailFrom: from, sendgridApiUrl: apiUrl, emailSandbox: sandbox } = config;
    return sendgridSender({ apiKey, from, apiUrl, sandbox }, log);
  }
  const missing = [!config.sendgridApiKey && 'SENDGRID_API_KEY', !config.emailFrom && 'EMAIL_FROM'].filter(Boolean);
  const reason =
    config.emailProvider === 'log' && config.sendgridApiKey
      ? 'EMAIL_PROVIDER=log'
      : `email is not configured (${missing.join(', ')} missing)`;
  log.warn(`${reason}: emails are logged and skipped, not sent`);
  return {
    delivers: false,
    async sendEmail(message) {
      log.info('email skipped', { reason, to: message.to, subject: message.subject });
      return { status: 'skipped', reason };
    },
  };
}

interface SendGridSettings {
  apiKey: string;
  from: string;
  apiUrl: string | null;
  sandbox: boolean;
}

function sendgridSender(settings: SendGridSettings, log: Logger): EmailSender {
  const mail = new MailService();
  mail.setApiKey(settings.apiKey);
  // setApiKey resets the base URL, so the override (a local fake in tests) must come after it
  if (settings.apiUrl) {
    (mail as unknown as { client: { setDefaultRequest(key: string, value: unknown): void } }).client.setDefaultRequest(
      'baseUrl',
      settings.apiUrl,
    );
  }
  mail.setTimeout(SEND_TIMEOUT_MS);

  return {
    delivers: true,
    async sendEmail(message) {
      try {
        const [response] = await mail.send({
          to: message.to,
          from: settings.from,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments?.map((a) => ({ ...a, disposition: 'attachment' })),
          mailSettings: settings.sandbox ? { sandboxMode: { enable: true } } : undefined,
        });
        const messageId = headerValue(response.headers, 'x-message-id');
        log.info('email sent', { to: message.to, subject: message.subject, messageId });
        return { status: 'sent', messageId };
      } catch (e) {
        const failure = describeFailure(e);
        log.error('email send failed', { to: message.to, subject: message.subject, ...failure });
        return { status: 'failed', ...failure };
      }
    },
  };
}

interface SendGridResponseError {
  code: number;
  message: string;
  response?: { headers?: Record<string, unknown>; body?: { errors?: { message?: string }[] } };
}

const isResponseError = (e: unknown): e is SendGridResponseError =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number';

/** 429 and 5xx are worth retrying, and so is a request that never got an answer (network, timeout) */
function describeFailure(e: unknown): { error: string; retryable: boolean; retryAfterMs?: number } {
  if (isResponseError(e)) {
    const detail = e.response?.body?.errors?.map((x) => x.message).filter(Boolean).join('; ');
    const error = `SendGrid ${e.code} ${e.message}${detail ? `: ${detail}` : ''}`;
    const retryAfterSeconds = Number(headerValue(e.response?.headers, 'retry-after'));
    return {
      error,
      retryable: e.code === 429 || e.code >= 500,
      ...(retryAfterSeconds > 0 ? { retryAfterMs: retryAfterSeconds * 1000 } : {}),
    };
  }
  const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { error, retryable: isNetworkError(e) };
}

// axios (inside @sendgrid/client) marks its own errors; without a response they are transport failures
const isNetworkError = (e: unknown) => typeof e === 'object' && e !== null && (e as { isAxiosError?: unknown }).isAxiosError === true;

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const v = typeof h.get === 'function' ? h.get(name) : h[name];
  return v === undefined || v === null ? null : String(v);
}
