/**
 * HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (upper or lower case) for
 * every request the Alibaba Cloud packages make: the API calls of openapi-core
 * and the credential provider's own (STS, OIDC, ECS metadata, credentials URI).
 *
 * Why through httpx: both packages send every request with `httpx.request`,
 * and openapi-core builds the options it hands down itself, so no agent can be
 * passed in (its `httpsProxy` option is read but never applied). When a request
 * names no agent, httpx falls back to keep-alive agents of its own; we make that
 * fallback proxy-agent's, which asks proxy-from-env for each request's proxy
 * (CONNECT for https) and connects directly when none applies.
 * The TLS options (NODE_EXTRA_CA_CERTS included) are Node's, as before.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { createRequire } from 'node:module';
import { ProxyAgent, proxies } from 'proxy-agent';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';

interface Httpx {
  request: (url: unknown, options?: { agent?: unknown }) => Promise<unknown>;
}

const PATCHED = Symbol.for('contact-import.proxy-agent');

/** Direct connections are kept alive, as httpx's own agents keep them. */
const DIRECT = { httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true }) };

/**
 * The agent of one request. Connections to a proxy are not kept alive:
 * http-proxy-agent rewrites the request line for the proxy (absolute URL) too
 * late on a reused socket when the request was ended at once, as httpx ends it,
 * and the proxy would get `POST /?…`. One agent per request also gives each
 * tunnel its own abort signal (below).
 */
class OneRequestProxyAgent extends ProxyAgent {
  constructor(private readonly abort = new AbortController()) {
    super({ ...DIRECT, signal: abort.signal });
  }

  /**
   * Node starts a request's connect timeout when it has a socket, and a CONNECT
   * tunnel is its socket only once the proxy has opened it: a proxy that never
   * answers would hold the call for ever. So the request's own connect timeout
   * runs from here, and ends the call as httpx ends a connect timeout.
   */
  override async connect(req: http.ClientRequest, opts: Parameters<ProxyAgent['connect']>[1]): Promise<http.Agent> {
    const chosen = await super.connect(req, opts);
    if (chosen === this.httpAgent || chosen === this.httpsAgent || opts.timeout === undefined) return chosen;
    const timer = setTimeout(() => {
      req.emit('timeout');
      this.abort.abort();
    }, opts.timeout);
    for (const settled of ['socket', 'close']) req.once(settled, () => clearTimeout(timer));
    return chosen;
  }
}

/**
 * Sends the packages' requests through the proxy the environment names, from
 * now on; and says, for --verbose, how requests to `url` go. Throws an
 * InputError when the proxy variable for `url` is not a proxy URL.
 */
export function routeThroughProxy(url: string): string {
  // No proxy variable at all (most hosts): the packages' HTTP layer is left exactly as it is.
  if (!firstSet(PROXY_VARIABLES)) return say('directory.route.noVariable');
  for (const httpx of httpxModules()) fallBackToProxyAgent(httpx);
  return describeRoute(url, new ProxyAgent(DIRECT));
}


/** Every variable that can name a proxy, in either case. */
const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'];

function fallBackToProxyAgent(httpx: Httpx & { [PATCHED]?: true }): void {
  if (httpx[PATCHED]) return;
  const request = httpx.request;
  httpx.request = (url, options = {}) => request(url, options.agent ? options : { ...options, agent: new OneRequestProxyAgent() });
  httpx[PATCHED] = true;
}

/** The httpx each package loads (the same module when npm shares one copy). */
function httpxModules(): Set<Httpx> {
  const require = createRequire(import.meta.url);
  const loadedBy = (pkg: string) => createRequire(require.resolve(pkg))('httpx') as Httpx;
  return new Set([loadedBy('@darabonba/typescript'), loadedBy('@alicloud/credentials')]);
}

function describeRoute(url: string, proxyAgent: ProxyAgent): string {
  const scheme = new URL(url).protocol.replace(':', '');
  const variable = firstSet([`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`, 'all_proxy', 'ALL_PROXY']);
  if (!variable) return say('directory.route.noVariable');
  // proxy-from-env reads the environment synchronously; the request is not needed to decide.
  if (!proxyAgent.getProxyForUrl(url, undefined as never)) return say('directory.route.noProxy', { variable: firstSet(['no_proxy', 'NO_PROXY'])! });
  // host:port only: a proxy URL may hold a user and password.
  return say('directory.route.proxy', { host: checkedProxy(variable).host, variable });
}

/** The proxy a variable names, checked here so that a mistyped one stops the run before any call. */
function checkedProxy(variable: string): URL {
  const value = process.env[variable] ?? '';
  // proxy-from-env would take a value without a scheme as the request's own (https:// to the proxy): say so instead.
  if (!value.includes('://')) throw new InputError(say('directory.proxy.noScheme', { variable }));
  let proxy: URL;
  try {
    proxy = new URL(value);
  } catch {
    throw new InputError(say('directory.proxy.notUrl', { variable }));
  }
  const scheme = proxy.protocol.replace(':', '');
  if (!(scheme in proxies)) throw new InputError(say('directory.proxy.unsupported', { variable, scheme }));
  return proxy;
}

/** The first of these environment variables that is set, in proxy-from-env's order (lower case first). */
function firstSet(names: string[]): string | undefined {
  return names.find((name) => process.env[name]);
}
