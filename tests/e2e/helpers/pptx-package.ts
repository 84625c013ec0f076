// Reading a .pptx in tests as PowerPoint would: its parts unzipped, slides in presentation
// order, and a LibreOffice conversion to PDF (isolated profile, temp folder removed).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'

export interface PptxPackage {
  readonly zip: JSZip
  /** Slide XML in presentation order. */
  readonly slides: readonly string[]
  readonly notes: readonly string[]
  readonly part: (name: string) => Promise<string>
}

export async function readPptx(file: string): Promise<PptxPackage> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const part = async (name: string): Promise<string> => {
    const entry = zip.file(name)
    if (!entry) throw new Error(`${name} is not in ${file}`)
    return entry.async('string')
  }
  const presentation = await part('ppt/presentation.xml')
  const rels = await part('ppt/_rels/presentation.xml.rels')
  const targets = new Map([...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]))
  const order = [...presentation.matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)].map((m) => targets.get(m[1]!)!)
  const slides = await Promise.all(order.map((t) => part(`ppt/${t}`)))
  const notes = await Promise.all(order.map(async (t) => {
    const slideRels = await part(`ppt/slides/_rels/${path.basename(t)}.rels`)
    const target = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(slideRels)?.[1]
    return target ? part(`ppt/notesSlides/${target}`) : ''
  }))
  return { zip, slides, notes, part }
}

/** Text of every `<a:t>` in an XML part (entities decoded), joined by spaces. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join(' ')
}

/** The shapes (`<p:sp>`) of a slide whose placeholder is of `type`. */
export function placeholders(xml: string, type: string): string[] {
  return [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<\/p:sp>/g)].map((m) => m[0]).filter((sp) => new RegExp(`<p:ph\\b[^>]*type="${type}"`).test(sp))
}

export function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** Converts with LibreOffice Impress headless (its own profile, so runs do not collide); returns the PDF's path in `dir`. */
export function convertWithLibreOffice(file: string, dir: string): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'deckhand-lo-profile-'))
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return path.join(dir, `${path.basename(file, path.extname(file))}.pdf`)
}
