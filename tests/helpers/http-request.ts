import http from 'node:http'

export interface Answer {
  readonly status: number
  readonly body: string
  readonly headers: http.IncomingHttpHeaders
}

/** A GET to 127.0.0.1:`port` with the path exactly as written (a URL would normalise `%2e%2e` away). */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}
