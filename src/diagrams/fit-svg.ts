// Pure: a drawn diagram made fit to sit in a slide: Mermaid draws labels at 16 px, small beside
// a slide's 28 px text, so its own size is its viewBox at 1.4 times (labels near 22 px); CSS
// scales it down to the space it has. Mermaid's max-width style goes: deck.css decides.
const SCALE = 1.4

export function fitSvg(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, (tag) => {
    const box = /viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(tag)
    const out = tag.replace(/\s(width|height)="[^"]*"/g, '').replace(/\sstyle="[^"]*"/, '')
    if (!box) return out
    return out.replace(/^<svg/, `<svg width="${Math.ceil(Number(box[3]) * SCALE)}" height="${Math.ceil(Number(box[4]) * SCALE)}"`)
  })
}
