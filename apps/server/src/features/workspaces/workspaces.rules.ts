/** A URL-safe slug from a name: "Trailhead Outfitters" -> "trailhead-outfitters". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return slug.length >= 2 ? slug : `ws-${slug}`.replace(/-$/, '');
}
