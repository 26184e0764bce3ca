const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Python's urllib.parse.unquote(): errors="strict" when `strict` (throws on bytes that are not
 * UTF-8), else "replace" (U+FFFD). Unlike decodeURIComponent it leaves a "%" that starts no
 * escape alone ("%zz" stays "%zz"), and it keeps a leading byte-order mark, as Python does.
 */
export function unquotePython(s: string, strict = false): string {
  const decoder = new TextDecoder("utf-8", { fatal: strict, ignoreBOM: true });
  return s.replace(ESCAPES, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}
