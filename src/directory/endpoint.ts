/**
 * `--endpoint HOST[:PORT]` (HTTPS) or `--endpoint http(s)://HOST[:PORT]`; without
 * it, the site's public endpoint (docs/api.md, Product and endpoints).
 */
import type { Site } from '../judge/rules.js';
import { InputError } from '../errors.js';

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
    throw new InputError(`--endpoint "${value}" is not HOST[:PORT] or http://HOST:PORT`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`--endpoint "${value}": only http:// (a local emulator) and https:// are supported`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
    throw new InputError(`--endpoint "${value}" must be a host and port only, without a path or query`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

export function endpointUrl(endpoint: Endpoint): string {
  return `${endpoint.protocol}://${endpoint.host}`;
}
