/**
 * TLS between the county's gateway and the districts' subgraphs, from the environment
 * (`pnpm serve` sets it from its options): a subgraph serves HTTPS with its certificate and
 * key, and may require a client certificate from one authority; a client of subgraphs (the
 * gateway, the county's subgraph reading the partnerships) trusts the county's authority and
 * may present its own certificate. Every client request goes through the same settings: the
 * global fetch's dispatcher, and an https agent for the gateway's revision reads.
 */
import { readFileSync } from "node:fs";
import { Agent as HttpsAgent } from "node:https";
import { createSecureContext } from "node:tls";
import { Agent, setGlobalDispatcher } from "undici";

/** A subgraph's own certificate and key (PEM files), to serve HTTPS. */
export const TLS_CERT = "CSG_TLS_CERT";
export const TLS_KEY = "CSG_TLS_KEY";
/** A subgraph's client authority: only clients presenting a certificate it signed are served. */
export const CLIENT_CA = "CSG_CLIENT_CA";
/** A client's trusted authority for subgraphs' certificates, and its own certificate and key. */
export const TLS_CA = "CSG_TLS_CA";
export const CLIENT_CERT = "CSG_TLS_CLIENT_CERT";
export const CLIENT_KEY = "CSG_TLS_CLIENT_KEY";

function pem(env: NodeJS.ProcessEnv, name: string): Buffer | undefined {
  const file = env[name];
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(
      `${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
  requestCert: boolean;
  rejectUnauthorized: boolean;
}

/** The settings tried as OpenSSL will use them: a mistake named by its variables and files, before anything starts. */
function checked<T extends object>(settings: T, names: string[], env: NodeJS.ProcessEnv): T {
  try {
    createSecureContext(settings);
  } catch (error) {
    const files = names
      .filter((n) => env[n])
      .map((n) => `${n}=${env[n]}`)
      .join(", ");
    throw new Error(
      `TLS files (${files}) are not PEM certificates with their matching keys: ${(error as Error).message}`,
    );
  }
  return settings;
}

/** The server's TLS settings, or undefined for plain HTTP; both of certificate and key, or neither. */
export function serverTls(env: NodeJS.ProcessEnv = process.env): ServerTls | undefined {
  const cert = pem(env, TLS_CERT);
  const key = pem(env, TLS_KEY);
  const ca = pem(env, CLIENT_CA);
  if (!cert && !key) {
    if (ca)
      throw new Error(
        `${CLIENT_CA} (--client-ca) needs ${TLS_CERT} and ${TLS_KEY} (--tls-cert, --tls-key): client certificates are asked for over TLS only`,
      );
    return undefined;
  }
  if (!cert || !key) throw new Error(`${cert ? TLS_KEY : TLS_CERT} is missing: --tls-cert and --tls-key go together`);
  // With a client authority, a client without a certificate it signed is refused in the handshake.
  checked({ cert, key, ca }, [TLS_CERT, TLS_KEY, CLIENT_CA], env);
  return { cert, key, ca, requestCert: ca !== undefined, rejectUnauthorized: ca !== undefined };
}

export interface ClientTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

/** The client's TLS settings (empty: the system's authorities, no client certificate). */
export function clientTls(env: NodeJS.ProcessEnv = process.env): ClientTls {
  const settings = { ca: pem(env, TLS_CA), cert: pem(env, CLIENT_CERT), key: pem(env, CLIENT_KEY) };
  if (!settings.cert !== !settings.key)
    throw new Error(
      `${settings.cert ? CLIENT_KEY : CLIENT_CERT} is missing: --client-cert and --client-key go together`,
    );
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ClientTls;
  return checked(given, [TLS_CA, CLIENT_CERT, CLIENT_KEY], env);
}

let httpsAgent: HttpsAgent | undefined;

/**
 * Makes every fetch of this process use the client settings (when any are set), and answers
 * an https agent with the same, for node:https requests. Called once at a process's start.
 */
export function useClientTls(env: NodeJS.ProcessEnv = process.env): ClientTls {
  const settings = clientTls(env);
  if (Object.keys(settings).length > 0) setGlobalDispatcher(new Agent({ connect: settings }));
  httpsAgent = new HttpsAgent({ keepAlive: true, ...settings });
  return settings;
}

/** The https agent of useClientTls's settings (the system's authorities when it was not called). */
export function clientHttpsAgent(): HttpsAgent {
  return (httpsAgent ??= new HttpsAgent({ keepAlive: true }));
}

/** TLS errors that mean the peer's certificate could not be verified here (Node's and OpenSSL's codes). */
export function isCertificateFailure(code: string | undefined): boolean {
  return (
    code !== undefined && !isCertificateRefused(code) && /CERT|SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)/.test(code)
  );
}

/**
 * A TLS alert from the peer: it refused this side's certificate (none given, or one its
 * authority did not sign). Under TLS 1.3 the peer may instead just close the connection.
 */
export function isCertificateRefused(code: string | undefined): boolean {
  return (
    code !== undefined &&
    /^ERR_SSL_TLSV1[3]?_ALERT_(CERTIFICATE_REQUIRED|UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|DECRYPT_ERROR|ACCESS_DENIED)/.test(
      code,
    )
  );
}
