// A local stand-in for SendGrid's v3 mail API: records every POST /v3/mail/send and answers 202 with
// an x-message-id, or the failure it was told to give for the next N calls.
export interface RecordedMail {
  authorization: string | null;
  body: SendGridMailBody;
  messageId: string | null;
  status: number;
}

export interface SendGridMailBody {
  personalizations: { to: { email: string; name?: string }[] }[];
  from: { email: string; name?: string };
  subject: string;
  content: { type: string; value: string }[];
  attachments?: { content: string; filename: string; type?: string; disposition?: string }[];
  mail_settings?: { sandbox_mode?: { enable: boolean } };
}

export interface FakeSendGrid {
  url: string;
  /** every call, failed ones included, in arrival order */
  calls: RecordedMail[];
  /** the calls answered 202 */
  delivered(): RecordedMail[];
  /** answer the next n calls with this status (and headers) instead of 202 */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  /** hold every answer this long (a slow SendGrid), after the call was recorded */
  delayAnswers(ms: number): void;
  /** forget the calls, the planned failures and the delay */
  reset(): void;
  /** resolves once this many mails were delivered; rejects after timeoutMs */
  waitForDelivered(n: number, timeoutMs?: number): Promise<RecordedMail[]>;
  stop(): Promise<void>;
}

export function startFakeSendGrid(): FakeSendGrid {
  const calls: RecordedMail[] = [];
  const failures: { status: number; headers: Record<string, string> }[] = [];
  let sequence = 0;
  let delayMs = 0;

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      const url = new URL(req.url);
      if (req.method !== 'POST' || url.pathname !== '/v3/mail/send') return new Response('not found', { status: 404 });
      const body = (await req.json()) as SendGridMailBody;
      // like SendGrid, a mail without a recipient is refused as malformed
      const failure = body.personalizations?.some((p) => p.to?.length) ? failures.shift() : { status: 400, headers: {} };
      const messageId = failure ? null : `fake-msg-${++sequence}`;
      calls.push({ authorization: req.headers.get('authorization'), body, messageId, status: failure?.status ?? 202 });
      if (delayMs) await Bun.sleep(delayMs);
      if (failure) {
        return Response.json({ errors: [{ message: `fake failure ${failure.status}` }] }, { status: failure.status, headers: failure.headers });
      }
      return new Response(null, { status: 202, headers: { 'x-message-id': messageId! } });
    },
  });

  const delivered = () => calls.filter((c) => c.status === 202);

  return {
    url: `http://127.0.0.1:${server.port}`,
    calls,
    delivered,
    failNext(n, status, headers = {}) {
      for (let i = 0; i < n; i++) failures.push({ status, headers });
    },
    async waitForDelivered(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (delivered().length < n) {
        if (Date.now() > deadline) throw new Error(`fake SendGrid: expected ${n} deliveries, got ${delivered().length}`);
        await Bun.sleep(10);
      }
      return delivered();
    },
    delayAnswers(ms) {
      delayMs = ms;
    },
    reset() {
      calls.length = 0;
      failures.length = 0;
      delayMs = 0;
    },
    stop: () => server.stop(true),
  };
}
