import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may be sent. Without an allow-list, any public address; never the service's own
 * network (loopback, private, link-local — the cloud metadata address —, carrier-grade NAT,
 * multicast, reserved). With one, only the hosts and CIDR ranges it lists.
 */
export interface TargetPolicy {
  /** Hostnames, IP addresses or CIDR ranges ("10.1.0.0/16", "::1/128"). */
  allowlist?: string[];
}

const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv6');

const family = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');
/** ::ffff:10.0.0.1 is 10.0.0.1. */
const unmapped = (ip: string) => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

function allowListOf(entries: string[]): { hosts: Set<string>; nets: BlockList } {
  const hosts = new Set<string>();
  const nets = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [addr, bits] = entry.split('/');
    if (isIP(addr!)) {
      if (bits === undefined) nets.addAddress(addr!, family(addr!));
      else nets.addSubnet(addr!, Number(bits), family(addr!));
    } else hosts.add(entry);
  }
  return { hosts, nets };
}

/** Checks the entries of an allow-list; returns the ones that are neither a hostname, an IP nor a CIDR range. */
export function badAllowlistEntries(entries: string[]): string[] {
  return entries.filter((raw) => {
    const [addr, bits] = raw.trim().split('/');
    if (isIP(addr!)) return bits !== undefined && !(Number.isInteger(Number(bits)) && Number(bits) >= 0 && Number(bits) <= (isIP(addr!) === 6 ? 128 : 32));
    return bits !== undefined || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(addr!);
  });
}

/** addresses: what the host resolved to and was checked; the delivery connects to these and resolves nothing again. */
export type TargetCheck = { ok: true; addresses?: string[] } | { ok: false; reason: string };

/** Whether a URL may receive webhooks under the policy: http(s), no credentials, every address it resolves to allowed. */
export async function checkTarget(url: string, policy: TargetPolicy, resolve = lookup): Promise<TargetCheck> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: `${u.protocol} is not http or https` };
  if (u.username || u.password) return { ok: false, reason: 'credentials in the URL are not allowed; sign with the secret instead' };
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const list = policy.allowlist && policy.allowlist.length > 0 ? allowListOf(policy.allowlist) : undefined;
  if (list?.hosts.has(host)) return { ok: true };
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host, { all: true })).map((a) => a.address);
    } catch {
      return { ok: false, reason: `${host} does not resolve` };
    }
  }
  for (const raw of addresses) {
    const ip = unmapped(raw);
    if (list) {
      if (!list.nets.check(ip, family(ip))) return { ok: false, reason: `${host} (${ip}) is not on the webhook allow-list` };
    } else if (INTERNAL.check(ip, family(ip))) {
      return { ok: false, reason: `${host} (${ip}) is in the service's own network (loopback, private or link-local); list it in WEBHOOK_ALLOWLIST to allow it` };
    }
  }
  return { ok: true, addresses };
}
