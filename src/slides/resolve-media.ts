// Pure: audio, video and their <source>/<track> files named in a slide's raw HTML become
// output paths and files to copy, as images written in Markdown do (see resolve-links.ts).
import path from 'node:path'
import type { Token } from 'marked'
import type { SlideOrigin } from '../model.js'
import { locate } from './locate-in-source.js'
import { childTokens } from './markdown.js'
import { isLocalPath, outputPathFor, type AssetRequest } from './resolve-links.js'

const MEDIA_TAG = /<(?:video|audio|source|track)\b[^>]*>/gi
const HAS_MEDIA = /<(?:video|audio|source|track)\b/i
const MEDIA_ATTRIBUTE = /(\s(?:src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi

/** Rewrites the local media paths in raw HTML tokens in place and returns the files to copy. */
export function resolveHtmlMedia(tokens: readonly Token[], origin: SlideOrigin, deckDir: string): AssetRequest[] {
  const assets: AssetRequest[] = []
  const chapterDir = path.dirname(origin.file)
  const rewrite = (html: string): string =>
    html.replace(MEDIA_TAG, (tag) =>
      tag.replace(MEDIA_ATTRIBUTE, (whole, lead: string, dq?: string, sq?: string, bare?: string) => {
        const value = dq ?? sq ?? bare ?? ''
        if (!isLocalPath(value)) return whole
        const from = path.resolve(chapterDir, safeDecode(value.split(/[?#]/)[0]!))
        const to = outputPathFor(from, deckDir)
        assets.push({ from, to, span: locate(origin, value) })
        return `${lead}"${to}${value.slice(value.split(/[?#]/)[0]!.length).replace(/"/g, '&quot;')}"`
      }),
    )
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'html' && HAS_MEDIA.test(token.text)) token.text = rewrite(token.text)
      for (const child of childTokens(token)) visit(child)
    }
  }
  visit(tokens)
  return assets
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}
