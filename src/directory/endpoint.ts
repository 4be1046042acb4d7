/**
 * `--endpoint HOST[:PORT]` (HTTPS) or `--endpoint http(s)://HOST[:PORT]`; without
 * it, the site's public endpoint (docs/api.md, Product and endpoints).
 */
import type { Site } from '../judge/rules.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';

export interface Endpoint {
  /** `host` or `host:port`, exactly as it goes into the Host header. */
  host: string;
  protocol: 'http' | 'https';
}

export const SITE_ENDPOINTS: Record<Site, string> = {
  intl: 'resourcedirectory-intl.aliyuncs.com',
  cn: 'resourcedirectory.aliyuncs.com',
};

export function parseEndpoint(value: string | undefined, site: Site): Endpoint {
  if (value === undefined || value === '') return { host: SITE_ENDPOINTS[site], protocol: 'https' };
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InputError(say('directory.endpoint.notHost', { value }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(say('directory.endpoint.scheme', { value }));
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
    throw new InputError(say('directory.endpoint.path', { value }));
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

export function endpointUrl(endpoint: Endpoint): string {
  return `${endpoint.protocol}://${endpoint.host}`;
}

/** Names of this machine that reach the same server: one name for them all. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const DEFAULT_PORT = { http: '80', https: '443' } as const;

/**
 * One spelling per server, for the lock: the scheme, the host in lower case
 * (this machine's names as `localhost`), and the port, the default one filled in.
 */
export function canonicalEndpoint(endpoint: Endpoint): string {
  const url = new URL(endpointUrl(endpoint));
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return `${endpoint.protocol}://${LOOPBACK.has(host) ? 'localhost' : host}:${url.port || DEFAULT_PORT[endpoint.protocol]}`;
}
