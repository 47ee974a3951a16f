/**
 * Flags for Debian's Chromium wherever this repository drives it (browser tests, Lighthouse in
 * the bench). No sandbox: CI runs as root. The rest keeps Chromium from phoning home on a
 * closed network.
 */
export const OFFLINE_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
] as const;
