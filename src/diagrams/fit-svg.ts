// Pure: a drawn diagram made fit to sit in a slide: its own size from its viewBox (CSS scales
// it down to the space it has, and up to a limit) instead of Mermaid's max-width style.
export function fitSvg(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, (tag) => {
    const box = /viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(tag)
    let out = tag.replace(/\s(width|height)="[^"]*"/g, '').replace(/\sstyle="[^"]*"/, '')
    if (!box) return out
    const [width, height] = [Math.ceil(Number(box[3])), Math.ceil(Number(box[4]))]
    // Scaled up to fill a slide's body, but not past 1.6 times: a three-box diagram stays modest.
    out = out.replace(/^<svg/, `<svg width="${width}" height="${height}" style="max-width:min(100%,${Math.round(width * 1.6)}px);max-height:${Math.round(height * 1.6)}px"`)
    return out
  })
}
