// Errors a handler throws on purpose. The one error mapper in app.ts turns them into responses;
// anything else becomes 500 {"error":"Internal server error"} with the detail only in the log.

export class HttpError extends Error {
  readonly body: Record<string, unknown>;
  constructor(
    readonly status: number,
    body: string | Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
    this.body = typeof body === 'string' ? { error: body } : body;
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthenticated = () => new HttpError(401, 'unauthenticated');
export const forbidden = (message = 'forbidden') => new HttpError(403, message);
export const notFound = (message = 'Not found') => new HttpError(404, message);
