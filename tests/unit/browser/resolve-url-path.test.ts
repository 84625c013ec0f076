import { describe, expect, it } from 'vitest'
import { resolveUrlPath } from '../../../src/browser/resolve-url-path.js'

describe('resolveUrlPath', () => {
  it.each([
    ['/', ['index.html']],
    ['/index.html', ['index.html']],
    ['/images/pytorch-story/a.svg?v=1#x', ['images', 'pytorch-story', 'a.svg']],
    ['/dist/reveal.css', ['dist', 'reveal.css']],
    ['/sub/', ['sub', 'index.html']],
    ['/a//b', ['a', 'b']],
    ['/my%20image.png', ['my image.png']],
    ['/caf%C3%A9.png', ['café.png']],
    ['/..foo/bar..', ['..foo', 'bar..']],
  ])('maps %s inside the folder', (target, segments) => {
    expect(resolveUrlPath(target)).toEqual({ ok: true, segments })
  })

  it.each([
    '/../etc/passwd',
    '/images/../../etc/passwd',
    '/..',
    '/.',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/.%2e/etc/passwd',
    '/%2e./etc/passwd',
    '/..%2fetc%2fpasswd',
    '/images%2f..%2f..%2fetc%2fpasswd',
    '/..%5cetc%5cpasswd',
    '/..\\..\\etc\\passwd',
    '/images\\..\\..\\secret',
    '/%252e%252e/etc/passwd',
    '/%252e%252e%252fetc%252fpasswd',
    '/index.html%00.png',
    '/index.html\u0000',
    '/a%0a.html',
    '/C:%5cWindows%5cwin.ini',
    '/c:/windows/win.ini',
    '/...',
    '/.. ',
    '/%2e%2e%20',
  ])('refuses %j with 403 or 400', (target) => {
    const result = resolveUrlPath(target)
    expect(result.ok).toBe(false)
    if (!result.ok) expect([400, 403]).toContain(result.status)
  })

  it.each(['etc/passwd', 'http://127.0.0.1:8000/../etc/passwd', '//etc/passwd', '*', '', '/%e0%a4%a'])('refuses the non-path target %j', (target) => {
    expect(resolveUrlPath(target).ok).toBe(false)
  })
})
