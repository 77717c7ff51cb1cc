// The launcher's settings for the tests: process.env in the Node extension host; in the browser's web-worker host
// (no process there) the values test/web/index.ts read from the workspace and handed over with setTestEnv().

let injected: Readonly<Record<string, string>> | undefined;

export function setTestEnv(values: Readonly<Record<string, string>>): void {
  injected = values;
}

export function testEnv(name: string): string | undefined {
  if (injected) return injected[name] || undefined;
  return typeof process === 'undefined' ? undefined : process.env[name] || undefined;
}
