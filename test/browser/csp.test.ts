/**
 * Content-Security-Policy of the built site (astro.config.mjs `security.csp`): every HTML page carries one in a
 * <meta> (static hosts cannot be trusted to send headers), it names no origin but the site's own, and it actually
 * holds in the browser: an injected inline script does not run, while the site's own scripts and styles do.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, openPage, useSite } from './helpers.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The CSP meta content of a page, or null. */
function cspOf(html: string): string | null {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

/** Every source expression of a policy that is not a keyword, hash, nonce or scheme: i.e. a host. */
function hostsOf(policy: string): string[] {
  return policy
    .split(';')
    .flatMap((d) => d.trim().split(/\s+/).slice(1))
    .filter((s) => s && !/^'.*'$/.test(s) && !/^(data|blob):$/.test(s));
}

describe('Content-Security-Policy', () => {
  it('every page has one: own origin only, no inline script without a hash, no plugins', () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const f of files) {
      const policy = cspOf(readFileSync(f, 'utf8'));
      const where = relative(DIST, f);
      if (!policy) {
        problems.push(`${where}: no CSP`);
        continue;
      }
      const hosts = hostsOf(policy);
      if (hosts.length) problems.push(`${where}: hosts ${hosts.join(' ')}`);
      for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'"]) if (!policy.includes(d)) problems.push(`${where}: lacks ${d}`);
      const script = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      if (/unsafe-inline|unsafe-eval|\*/.test(script)) problems.push(`${where}: script-src ${script}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  describe('in the browser', () => {
    const site = useSite();

    it('blocks an injected inline script and lets the site run (no violation from its own code)', async () => {
      const rec = await openPage(site.browser);
      try {
        const { page } = rec;
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text().slice(0, 200));
        });
        await page.goto(`${site.server.url}wilayah/35.10/`, { waitUntil: 'load' });
        // The site's own enhancement ran (the share box shows its copy button only with JavaScript).
        await expect.poll(() => page.locator('share-box [data-copy-link]').first().isVisible()).toBe(true);
        expect(violations, 'the site itself violates its CSP').toEqual([]);
        // What an attacker's markup would do: an inline script element added to the page.
        const ran = await page.evaluate(async () => {
          (window as unknown as { pwned?: boolean }).pwned = false;
          const s = document.createElement('script');
          s.textContent = 'window.pwned = true';
          document.body.append(s);
          await new Promise((r) => setTimeout(r, 50));
          return (window as unknown as { pwned?: boolean }).pwned;
        });
        expect(ran).toBe(false);
        expect(violations.length).toBeGreaterThan(0);
      } finally {
        await rec.close();
      }
    });
  });
});
