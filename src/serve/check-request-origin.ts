// Pure: is a request addressed to this server (Host) and sent by its own pages (Origin)?
// Guards the preview server against DNS rebinding and against other sites' scripts.

export interface RequestHeaders {
  readonly host?: string | undefined
  readonly origin?: string | undefined
  readonly secFetchSite?: string | undefined
  readonly secFetchMode?: string | undefined
}

export interface ServerAddress {
  /** The host the server was asked to listen on (`127.0.0.1`, `0.0.0.0`, `localhost`, `::1`…). */
  readonly host: string
  readonly port: number
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])
const WILDCARD = new Set(['0.0.0.0', '::', '[::]'])

/** Host names (without port) that requests may carry; IP literals only, besides localhost and the given host. */
export function allowedHostnames(address: ServerAddress): (hostname: string) => boolean {
  const own = bracketIpv6(address.host.toLowerCase())
  return (hostname) => {
    const name = hostname.toLowerCase()
    if (LOOPBACK_NAMES.has(name) || name === own) return true
    // Opened to the network: the machine's addresses are fine, any DNS name is not (rebinding).
    return WILDCARD.has(own) && isIpLiteral(name)
  }
}

/** 403 reasons, or undefined when the request may be answered. */
export function checkRequestOrigin(headers: RequestHeaders, address: ServerAddress): string | undefined {
  const isAllowed = allowedHostnames(address)
  const host = parseHost(headers.host)
  if (!host || host.port !== address.port || !isAllowed(host.hostname)) return `Host ${headers.host ?? '(none)'} is not this server`
  if (headers.origin !== undefined) {
    // A page's Origin must be exactly the address it loaded this server under.
    if (headers.origin !== `http://${host.hostname}:${host.port}`) return `Origin ${headers.origin} is not this server`
  }
  // Another site (or another port of this machine) may link to the deck, but not load from it.
  const foreign = headers.secFetchSite === 'cross-site' || headers.secFetchSite === 'same-site'
  if (foreign && headers.secFetchMode !== 'navigate') return `${headers.secFetchSite} request`
  return undefined
}

function parseHost(value: string | undefined): { hostname: string; port: number } | undefined {
  if (!value) return undefined
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(value.trim())
  if (!match) return undefined
  return { hostname: match[1]!.toLowerCase(), port: Number(match[2]) }
}

function isIpLiteral(name: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/.test(name)) return true
  const parts = name.split('.')
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}

function bracketIpv6(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase()
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}
