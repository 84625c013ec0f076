import { describe, expect, it } from 'vitest'
import { checkRequestOrigin, isLoopbackHost } from '../../../src/serve/check-request-origin.js'

const loopback = { host: '127.0.0.1', port: 8123 }

describe('checkRequestOrigin', () => {
  it.each([
    [{ host: '127.0.0.1:8123' }],
    [{ host: 'localhost:8123' }],
    [{ host: 'LOCALHOST:8123' }],
    [{ host: '[::1]:8123' }],
    [{ host: '127.0.0.1:8123', origin: 'http://127.0.0.1:8123' }],
    [{ host: 'localhost:8123', origin: 'http://localhost:8123', secFetchSite: 'same-origin' }],
    [{ host: '127.0.0.1:8123', secFetchSite: 'cross-site', secFetchMode: 'navigate' }],
    [{ host: '127.0.0.1:8123', secFetchSite: 'none', secFetchMode: 'navigate' }],
  ])('accepts a request to this server: %o', (headers) => {
    expect(checkRequestOrigin(headers, loopback)).toBeUndefined()
  })

  it.each([
    [{}],
    [{ host: '' }],
    [{ host: '127.0.0.1' }],
    [{ host: '127.0.0.1:8124' }],
    [{ host: 'evil.example:8123' }],
    [{ host: 'localhost.evil.example:8123' }],
    [{ host: '127.0.0.1.nip.io:8123' }],
    [{ host: '192.168.1.20:8123' }],
    [{ host: '127.0.0.1:8123@evil.example' }],
    [{ host: '127.0.0.1:8123', origin: 'http://evil.example' }],
    [{ host: '127.0.0.1:8123', origin: 'http://evil.example:8123' }],
    [{ host: '127.0.0.1:8123', origin: 'http://127.0.0.1:9999' }],
    [{ host: '127.0.0.1:8123', origin: 'https://127.0.0.1:8123' }],
    [{ host: '127.0.0.1:8123', origin: 'null' }],
    [{ host: '127.0.0.1:8123', origin: 'http://localhost:8123' }],
    [{ host: '127.0.0.1:8123', secFetchSite: 'cross-site' }],
    [{ host: '127.0.0.1:8123', secFetchSite: 'same-site', secFetchMode: 'cors' }],
    [{ host: '127.0.0.1:8123', secFetchSite: 'cross-site', secFetchMode: 'no-cors' }],
  ])('refuses %o', (headers) => {
    expect(checkRequestOrigin(headers, loopback)).toEqual(expect.any(String))
  })

  it('accepts IP addresses but not DNS names when opened to the network', () => {
    const open = { host: '0.0.0.0', port: 8000 }
    expect(checkRequestOrigin({ host: '192.168.1.20:8000', origin: 'http://192.168.1.20:8000' }, open)).toBeUndefined()
    expect(checkRequestOrigin({ host: 'localhost:8000' }, open)).toBeUndefined()
    expect(checkRequestOrigin({ host: 'attacker.example:8000' }, open)).toEqual(expect.any(String))
    expect(checkRequestOrigin({ host: '999.1.1.1:8000' }, open)).toEqual(expect.any(String))
  })

  it('accepts the host name the server was started with', () => {
    expect(checkRequestOrigin({ host: 'devbox.local:8000' }, { host: 'devbox.local', port: 8000 })).toBeUndefined()
  })
})

describe('isLoopbackHost', () => {
  it.each([['127.0.0.1', true], ['localhost', true], ['::1', true], ['127.1.2.3', true], ['0.0.0.0', false], ['192.168.0.1', false], ['::', false]])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
