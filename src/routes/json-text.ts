// A JSON document that SQL already serialised (text, or its UTF-8 bytes from the list cache), sent as it is.
export const jsonText = (text: string | Uint8Array) =>
  new Response(text, { headers: { 'content-type': 'application/json; charset=utf-8' } });
