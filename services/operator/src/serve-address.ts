/** `--listen HOST:PORT` of `pnpm serve`: an IPv4 address or name, or an IPv6 address in brackets. */
import { UsageError } from "@csg/service-runtime";

export interface ListenAddress {
  host: string;
  port: number;
}

export function listenAddress(value: string | undefined): ListenAddress | undefined {
  if (value === undefined || value === "") return undefined;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(value);
  if (!match) throw new UsageError(`--listen is HOST:PORT (e.g. 0.0.0.0:4103, [::]:4103), not "${value}"`);
  const port = Number(match[3]);
  if (port < 1 || port > 65535) throw new UsageError(`--listen: port ${port} is not between 1 and 65535`);
  return { host: match[1] ?? match[2]!, port };
}
