// The small HTTP client the benchmark tools share: JSON calls with a bearer token against any base URL
// that speaks the legacy contract, and a bounded-concurrency runner.

export class Api {
  /** requests sent so far */
  requests = 0;

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      this.requests++;
      try {
        res = await fetch(this.base + path, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        });
      } catch (e) {
        // a dropped keep-alive connection: reads are safe to repeat, writes are not
        if (method === 'GET' && attempt < 4) continue;
        throw e;
      }
      const text = await res.text();
      if (!res.ok) throw new HttpFailure(method, path, res.status, text);
      return (text ? JSON.parse(text) : null) as T;
    }
  }

  async login(email: string, password: string): Promise<{ token: string; user: any }> {
    return this.call('POST', '/api/auth/login', { body: { email, password } });
  }
}

export class HttpFailure extends Error {
  constructor(readonly method: string, readonly path: string, readonly status: number, readonly body: string) {
    super(`${method} ${path} -> ${status} ${body.slice(0, 300)}`);
  }
}

/** runs fn over items with at most `concurrency` calls in flight; results in item order */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  onProgress?: (done: number) => void,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
