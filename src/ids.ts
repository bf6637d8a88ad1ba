// Legacy-style ids: a prefix and 12 characters of [0-9a-z] (legacy utils.js nid()).
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function nid(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  // 252 is the largest multiple of 36 below 256: rejecting above it keeps every symbol equally likely
  for (let i = 0; out.length < length; i++) {
    if (i >= bytes.length) return out + nid(length - out.length);
    if (bytes[i] < 252) out += ALPHABET[bytes[i] % 36];
  }
  return out;
}

export const newId = (prefix: string) => `${prefix}${nid()}`;
