/**
 * The site's public address, when it is known. Astro's `site` comes from `SITE_URL` or the config's `siteUrl`
 * (astro.config.mjs); without either the build has no address, and an absolute URL (og:image, og:url, canonical,
 * oEmbed) would be a guess. These helpers give null then, and the pages leave such a URL out or use a root-relative
 * one (links, hreflang, the share field and the embed code, which the browser completes from its own address).
 */

/** `path` (root-relative, base included) as an absolute URL on `site`, or null when the address is not known. */
export function absoluteOrNull(path: string, site: URL | string | undefined | null): string | null {
  return site ? new URL(path, site).href : null;
}

/** `path` as an absolute URL on `site` when known, else `path` itself (root-relative). */
export function absoluteOrPath(path: string, site: URL | string | undefined | null): string {
  return absoluteOrNull(path, site) ?? path;
}

/**
 * The address from the environment or the config: `SITE_URL` wins, then the config's `siteUrl`; only an http(s) URL
 * counts. Null when neither is set. Used by astro.config.mjs.
 */
export function resolveSiteUrl(env: string | undefined, configSiteUrl: unknown): string | null {
  for (const v of [env, configSiteUrl]) {
    if (typeof v !== 'string' || !v.trim()) continue;
    try {
      const u = new URL(v.trim());
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      /* not a URL: next */
    }
  }
  return null;
}
