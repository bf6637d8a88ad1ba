// A JSON document that SQL already serialised, sent as it is.
export const jsonText = (text: string) =>
  new Response(text, { headers: { 'content-type': 'application/json; charset=utf-8' } });
