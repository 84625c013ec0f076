// I/O: every local file the slides name must exist and lie inside the folders the deck may read.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { error, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { AssetRef } from '../model.js'
import { confineRead, type ReadRoots } from '../project/read-roots.js'
import type { AssetRequest } from '../slides/resolve-links.js'

/** The files to copy (from their real paths), and an error at the line of each one that may not be. */
export async function checkAssets(requests: readonly AssetRequest[], roots: ReadRoots): Promise<StageResult<AssetRef[]>> {
  const checked = await Promise.all(
    requests.map(async (asset): Promise<AssetRef | Diagnostic> => {
      const confined = await confineRead(asset.from, roots, asset.span, /\.(mp4|webm|ogv|mov|mp3|m4a|ogg|oga|wav|flac|vtt)$/i.test(asset.from) ? 'Media file' : 'Image')
      if (!confined.ok) return confined.diagnostic
      const info = await stat(confined.path).catch(() => undefined)
      if (info?.isFile()) return { from: confined.path, to: asset.to }
      // Named as written (relative to the chapter): the span already says where.
      const written = path.relative(path.dirname(asset.span.file), asset.from).split(path.sep).join('/')
      const what = /\.(mp4|webm|ogv|mov|mp3|m4a|ogg|oga|wav|flac|vtt)$/i.test(asset.from) ? 'Media file' : 'Image'
      return error('image-not-found', `${what} not found: ${written}`, asset.span, 'Paths are relative to the chapter file.')
    }),
  )
  return { value: checked.filter((c): c is AssetRef => 'to' in c), diagnostics: checked.filter((c): c is Diagnostic => !('to' in c)) }
}
