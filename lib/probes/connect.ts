// Opening a probe's connection: resolve the host, refuse addresses the policy forbids, connect
// to the address that was checked, optionally shake hands over TLS, and time each phase on the
// socket. One fresh socket per attempt, never a pooled one, so every attempt pays (and measures)
// DNS, TCP and TLS as Checkup's keep-alive-less client does.
//
// The policy is checked on the very address the socket connects to: the lookup's answers are
// judged and then connected to by IP, so a name that answers differently a second time (DNS
// rebinding) cannot slip through, and IP literals, which need no lookup, are judged too.
import dns from "node:dns";
import net from "node:net";
import tls from "node:tls";
import { isAddressAllowed, isCloudMetadataAddress } from "../net/address-policy";
import { type AttemptRecorder, abortError, describeNetError, raceAbort } from "./attempt";
import type { AttemptContext } from "./descriptor";

/** Throws the reason a probe may not connect to `address` (an IP), or returns. */
export function checkProbeAddress(address: string, allowPrivate: boolean): void {
  if (isCloudMetadataAddress(address)) throw new Error(`connections to ${address} (cloud metadata) are not allowed`);
  if (!isAddressAllowed(address, allowPrivate)) throw new Error(`connections to private address ${address} are not allowed`);
}

/**
 * The host's addresses, every one judged by the policy (one forbidden answer refuses the host,
 * so a name with a public and a private answer cannot reach the private one). Records dns_ms
 * for names; an IP literal has no lookup and its dns_ms stays null.
 */
export async function resolveHost(host: string, ctx: AttemptContext, rec: AttemptRecorder): Promise<string[]> {
  const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (net.isIP(literal)) {
    checkProbeAddress(literal, ctx.allowPrivate);
    return [literal];
  }
  rec.restart();
  let answers: dns.LookupAddress[];
  try {
    answers = await raceAbort(dns.promises.lookup(literal, { all: true }), ctx.signal);
  } catch (err) {
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    throw new Error(describeNetError(err, literal));
  }
  rec.end("dns_ms");
  if (answers.length === 0) throw new Error(`no such host ${literal}`);
  for (const a of answers) checkProbeAddress(a.address, ctx.allowPrivate);
  return answers.map((a) => a.address);
}

function connectOnce(address: string, port: number, signal: AbortSignal, rec: AttemptRecorder): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = rec.track(net.connect({ host: address, port, noDelay: true }));
    const cleanup = () => {
      socket.off("connect", onConnect);
      socket.off("error", onError);
      signal.removeEventListener("abort", onAbort);
    };
    const onConnect = () => {
      cleanup();
      resolve(socket);
    };
    const onError = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onAbort = () => {
      cleanup();
      socket.destroy();
      reject(abortError(signal));
    };
    socket.once("connect", onConnect);
    socket.once("error", onError);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
}

export interface TlsOptions {
  /** SNI and the name the certificate must carry; an IP literal is checked but not sent as SNI. */
  servername: string;
  skipVerify: boolean;
  alpn?: string[];
}

// OpenSSL's verification results as TLSSocket.authorizationError names them, in OpenSSL's own
// words (what Node's rejectUnauthorized errors say).
const VERIFY_ERRORS: Record<string, string> = {
  CERT_HAS_EXPIRED: "certificate has expired",
  CERT_NOT_YET_VALID: "certificate is not yet valid",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed certificate in certificate chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "unable to verify the first certificate",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "unable to get local issuer certificate",
  UNABLE_TO_GET_ISSUER_CERT: "unable to get issuer certificate",
  CERT_REVOKED: "certificate revoked",
  CERT_SIGNATURE_FAILURE: "certificate signature failure",
  INVALID_CA: "invalid CA certificate",
};

function describeVerifyError(why: unknown): string {
  const code = why instanceof Error ? ((why as NodeJS.ErrnoException).code ?? why.message) : String(why);
  return VERIFY_ERRORS[code] ?? (why instanceof Error ? why.message : code);
}

/** The certificate's issuer as people name it: its organisation, else its common name. */
function issuerName(cert: tls.PeerCertificate): string | null {
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || null;
  return pick(cert.issuer?.O) ?? pick(cert.issuer?.CN);
}

function handshake(socket: net.Socket, opts: TlsOptions, ctx: AttemptContext, rec: AttemptRecorder): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const servername = opts.servername.replace(/^\[|\]$/g, "");
    // Trust is judged below rather than by OpenSSL refusing the handshake, so the certificate
    // is read (expiry, issuer) even from a server that fails verification.
    const secure = rec.track(
      tls.connect({
        socket,
        servername: net.isIP(servername) ? undefined : servername,
        rejectUnauthorized: false,
        ca: ctx.ca,
        ALPNProtocols: opts.alpn,
      }),
    );
    const cleanup = () => {
      secure.off("secureConnect", onSecure);
      secure.off("error", onError);
      ctx.signal.removeEventListener("abort", onAbort);
    };
    const refuse = (message: string) => {
      secure.destroy();
      reject(new Error(`tls: ${message}`));
    };
    const onSecure = () => {
      cleanup();
      rec.end("tls_ms");
      const cert = secure.getPeerCertificate();
      if (!cert || !cert.valid_to) return refuse("the server sent no certificate");
      rec.cert = { expires: new Date(cert.valid_to), issuer: issuerName(cert) };
      if (!opts.skipVerify) {
        // Node also judges the host name, against the socket's host (unknown here, since we hand
        // it a connected socket); its verdict on names is ignored for ours just below.
        const why = secure.authorizationError as unknown;
        if (!secure.authorized && why !== "ERR_TLS_CERT_ALTNAME_INVALID") return refuse(describeVerifyError(why));
        const mismatch = tls.checkServerIdentity(servername, cert);
        if (mismatch) {
          return refuse(`certificate is not valid for ${servername}${cert.subjectaltname ? ` (it covers ${cert.subjectaltname})` : ""}`);
        }
      }
      resolve(secure);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(new Error(`tls: ${describeNetError(err)}`));
    };
    const onAbort = () => {
      cleanup();
      secure.destroy();
      reject(abortError(ctx.signal));
    };
    secure.once("secureConnect", onSecure);
    secure.once("error", onError);
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A connected socket to host:port (TLS when `tlsOptions` is given), with dns_ms, connect_ms and
 * tls_ms, the address and the certificate recorded on `rec`. Tries the host's addresses in the
 * resolver's order until one connects. Throws an Error whose message is the attempt's error.
 */
export async function openConnection(
  host: string,
  port: number,
  ctx: AttemptContext,
  rec: AttemptRecorder,
  tlsOptions?: TlsOptions,
): Promise<net.Socket> {
  const addresses = await resolveHost(host, ctx, rec);
  let socket: net.Socket | null = null;
  let lastError: unknown = null;
  rec.restart();
  for (const address of addresses) {
    try {
      socket = await connectOnce(address, port, ctx.signal, rec);
      rec.resolvedIp = address;
      break;
    } catch (err) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      lastError = err;
    }
  }
  if (!socket) throw new Error(describeNetError(lastError));
  rec.end("connect_ms");
  // Belt and braces: the kernel's idea of the peer is what the policy must allow.
  const peer = socket.remoteAddress;
  if (peer) checkProbeAddress(peer, ctx.allowPrivate);
  if (!tlsOptions) return socket;
  return handshake(socket, tlsOptions, ctx, rec);
}
